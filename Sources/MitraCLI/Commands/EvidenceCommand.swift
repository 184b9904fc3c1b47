import ArgumentParser
import Foundation
import MitraModel
import MitraOntology
import MitraQuery
import MitraStore

/// `mitragraph evidence`: the claims behind one edge, each with the sentence it came from.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Show the sentences behind an edge: each claim's document, polarity, holder, rule and confidence.",
        discussion: """
            SUBJECT and OBJECT are entity names (any label, an id such as mge:kratom, or an \
            external identifier such as MESH:D059350); PREDICATE is a predicate of the ontology \
            (treats, has_adverse_effect, contains, ...), in any case, or spaced as the pictures \
            show it ("has adverse effect"). Any of the three may be a ?variable, for the evidence \
            behind every edge that fits; --where adds conditions (a source = … or holder = … there \
            also picks the claims). A claim's holder is who the text says holds it ("the FDA \
            says", "users report"), shown as "held by". An unknown name is an error (exit 65) \
            that suggests the nearest names. --json prints the rows in the schema every evidence \
            output shares: subject, predicate, object, document, title, url, sentence_index, \
            polarity, certainty, holder, rule, confidence, subject_span, object_span, sentence.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence kratom "has adverse effect" nausea
              mitragraph evidence mitragynine interacts_with "mu-opioid receptor" --json
              mitragraph evidence mitragynine interacts_with ?r --where 'source = "a.txt"'
              mitragraph evidence kratom has_adverse_effect ?e --where 'holder = "FDA"'
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

    @Option(name: .long, help: ArgumentHelp(
        "Conditions on the edges and claims, as after a query's where (source = \"a.txt\", holder = \"FDA\", hedged, support >= 2).",
        valueName: "conditions"))
    var `where`: String?

    func run() throws {
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            let ontology = try store.ontology()
            // Names are checked here, so an error names the argument rather than a query the
            // command wrote; a ?variable is passed on as the query language's.
            let s = try subject.hasPrefix("?") ? subject : Self.queryTerm(Self.entity(subject, in: ontology).curie)
            let o = try object.hasPrefix("?") ? object : Self.queryTerm(Self.entity(object, in: ontology).curie)
            let p = try predicate.hasPrefix("?") ? predicate : Self.predicateName(predicate, in: ontology)
            let query = "evidence \(s) \(p) \(o)" + (self.where.map { " where " + $0 } ?? "")
            let result = try QueryEngine(store: store).run(query)
            print(json ? ResultFormatter(format: .json).format(result) : Self.text(result), terminator: "")
        }
    }

    /// A name as the query language reads it whatever it holds: quoted, with `"` and `\\` escaped.
    static func queryTerm(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
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

    /// Evidence rows (the columns of `QueryEngine.evidenceColumns`) for reading: per edge a
    /// heading with its counts, then each claim's document, sentence, polarity, holder, rule,
    /// confidence and sentence text.
    static func text(_ result: QueryResult) -> String {
        let column = Dictionary(uniqueKeysWithValues: result.columns.enumerated().map { ($1, $0) })
        func cell(_ row: [Value], _ name: String) -> String { column[name].map { row[$0].display } ?? "" }
        if result.rows.isEmpty { return "no claims\n" }
        var out = ""
        var edges: [[String]] = []
        var byEdge: [[String]: [[Value]]] = [:]
        for row in result.rows {
            let edge = [cell(row, "subject"), cell(row, "predicate"), cell(row, "object")]
            if byEdge[edge] == nil { edges.append(edge) }
            byEdge[edge, default: []].append(row)
        }
        for edge in edges {
            let rows = byEdge[edge] ?? []
            let denied = rows.filter { cell($0, "polarity") == "denied" }.count
            if !out.isEmpty { out += "\n" }
            out += edge.joined(separator: " ") + ": \(rows.count) claim\(rows.count == 1 ? "" : "s")"
                + " (\(rows.count - denied) affirmed, \(denied) denied)\n"
            for (n, row) in rows.enumerated() {
                let certainty = (cell(row, "certainty") == "hedged" ? ", hedged" : "")
                    + (cell(row, "holder").isEmpty ? "" : ", held by \(cell(row, "holder"))")
                let source = [cell(row, "title"), cell(row, "url")].filter { !$0.isEmpty }.joined(separator: ", ")
                out += "\n[\(n + 1)] \(cell(row, "document"))" + (source.isEmpty ? "" : " (\(source))")
                    + ", sentence \(cell(row, "sentence_index")): \(cell(row, "polarity"))\(certainty); rule \(cell(row, "rule")), "
                    + "confidence \(cell(row, "confidence"))\n    \(cell(row, "sentence"))\n"
            }
        }
        return out
    }
}
