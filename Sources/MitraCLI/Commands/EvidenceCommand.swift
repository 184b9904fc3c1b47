import ArgumentParser
import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// `mitragraph evidence`: the claims behind one edge, each with the sentence it came from.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Show the sentences behind an edge: each claim's document, polarity, rule and confidence.",
        discussion: """
            SUBJECT and OBJECT are entity names (any label, an id such as mge:kratom, or an \
            external identifier such as MESH:D059350); PREDICATE is a predicate of the ontology \
            (treats, has_adverse_effect, contains, ...). An unknown name is an error (exit 65) \
            that suggests the nearest names.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence mitragynine interacts_with "mu-opioid receptor" --json
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print the claims as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("The subject entity.", valueName: "subject"))
    var subject: String

    @Argument(help: ArgumentHelp("The predicate.", valueName: "predicate"))
    var predicate: String

    @Argument(help: ArgumentHelp("The object entity.", valueName: "object"))
    var object: String

    func run() throws {
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            let ontology = try store.ontology()
            let s = try Self.entity(subject, in: ontology)
            let o = try Self.entity(object, in: ontology)
            let name = predicate.split(separator: ":").last.map(String.init) ?? predicate
            guard ontology.predicates[name] != nil else {
                throw CLIError.badInput(
                    "unknown predicate \"\(predicate)\"; the predicates are: \(ontology.predicates.keys.sorted().joined(separator: ", "))")
            }
            let claims = try store.claims(for: EdgeKey(subject: s.id, predicate: name, object: o.id))
            print(json ? Self.json(claims) : Self.text(claims, subject: s, predicate: name, object: o), terminator: "")
        }
    }

    /// The entity a name denotes, or an error suggesting the nearest names.
    static func entity(_ name: String, in ontology: Ontology) throws -> Entity {
        if let e = ontology.resolve(name) { return e }
        let suggestions = nearestNames(to: name, in: ontology)
        let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
        throw CLIError.badInput("unknown entity \"\(name)\"\(hint)")
    }

    /// Up to three preferred names whose labels are closest to `name` in edit distance.
    static func nearestNames(to name: String, in ontology: Ontology) -> [String] {
        NameSuggester(ontology: ontology).suggestions(for: name).map(\.entity.prefLabel)
    }

    static func text(_ claims: [StoredClaim], subject: Entity, predicate: String, object: Entity) -> String {
        let denied = claims.filter(\.claim.negated).count
        var out = "\(subject.prefLabel) \(predicate) \(object.prefLabel): \(claims.count) claim\(claims.count == 1 ? "" : "s")"
        out += claims.isEmpty ? "\n" : " (\(claims.count - denied) affirmed, \(denied) denied)\n"
        for (n, stored) in claims.enumerated() {
            let c = stored.claim
            let polarity = (c.negated ? "denied" : "affirmed") + (c.hedged ? ", hedged" : "")
            out += "\n[\(n + 1)] \(c.documentID), sentence \(c.sentenceIndex): \(polarity); rule \(c.rule), confidence "
                + String(format: "%.2f", c.confidence) + "\n    \(c.sentence)\n"
        }
        return out
    }

    static func json(_ claims: [StoredClaim]) -> String {
        var rows: [String] = []
        for stored in claims {
            let c = stored.claim
            rows.append("""
                {"document": \(JSONString.quoted(c.documentID)), "sentence_index": \(c.sentenceIndex), \
                "sentence": \(JSONString.quoted(c.sentence)), "negated": \(c.negated), "hedged": \(c.hedged), \
                "rule": \(JSONString.quoted(c.rule)), "confidence": \(String(format: "%.2f", c.confidence)), \
                "subject_span": [\(c.subjectSpan.start), \(c.subjectSpan.end)], "object_span": [\(c.objectSpan.start), \(c.objectSpan.end)]}
                """)
        }
        return "[" + rows.joined(separator: ",\n ") + "]\n"
    }
}
