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
            (treats, has_adverse_effect, contains, ...), in any case, or spaced as the pictures \
            show it ("has adverse effect"). An unknown name is an error (exit 65) that suggests \
            the nearest names.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence kratom "has adverse effect" nausea
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
            let name = try Self.predicateName(predicate, in: ontology)
            let claims = try store.claims(for: EdgeKey(subject: s.id, predicate: name, object: o.id))
            print(json ? Self.json(claims) : Self.text(claims, subject: s, predicate: name, object: o), terminator: "")
        }
    }

    /// The predicate a name denotes, written as `query` takes it (`treats`, `mge:treats`, any
    /// case) or as the pictures label it (`has adverse effect`); else an error suggesting the
    /// nearest predicates.
    static func predicateName(_ written: String, in ontology: Ontology) throws -> String {
        let local = written.split(separator: ":").last.map(String.init) ?? written
        let folded = local.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
        let names = ontology.predicates.keys.sorted()
        if let name = names.first(where: { $0.lowercased() == folded }) { return name }
        let near = EditDistance.nearest(to: folded, in: names)
        let hint = near.isEmpty
            ? "the predicates are: " + names.joined(separator: ", ")
            : "did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
        throw CLIError.badInput("unknown predicate \"\(written)\"; \(hint)")
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
