import Foundation
import MitraTestSupport

/// The queries the remote tests compare: every example of docs/query-language.md and the
/// benchmark's queries with its generated names replaced by names of the sample corpus.
enum ExampleQueries {
    /// Lines of the document's code blocks (not the grammar), without the `→ result` notes.
    /// Result rows are among them; the tests skip what the local engine does not accept.
    static func documented() throws -> [String] {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/docs/query-language.md", encoding: .utf8)
        var queries: [String] = []
        var inBlock = false, grammar = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if !inBlock { grammar = line.contains("ebnf") }
                inBlock.toggle()
                continue
            }
            guard inBlock, !grammar else { continue }
            var query = String(line)
            if let arrow = query.range(of: "→") { query = String(query[..<arrow.lowerBound]) }
            query = query.trimmingCharacters(in: .whitespaces)
            if !query.isEmpty && !queries.contains(query) { queries.append(query) }
        }
        return queries
    }

    /// Conditions on who holds a claim, over the sample corpus's holders (agencies by any
    /// label, other holders as written), which the documented examples do not reach.
    static let holders = [
        "?s ?p ?o where holder = \"FDA\"", "?s ?p ?o where holder = \"Food and Drug Administration\"",
        "evidence ?s ?p ?o where holder like \"%er%\"", "count where ?s ?p ?o and holder != \"FDA\"",
        "evidence ?s warns_about ?o where holder != \"FDA\"",
    ]

    /// The benchmark's query shapes (Tests/MitraQueryTests/Benchmark/queries.mgq) over the corpus.
    static func benchmark() throws -> [String] {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/Tests/MitraQueryTests/Benchmark/queries.mgq", encoding: .utf8)
        let names = ["n99999": "\"kappa-opioid receptor\"", "n42": "kratom", "n5": "kratom", "n3": "\"mu-opioid receptor\"",
                     "n7": "\"mu-opioid receptor\"", "n1": "mitragynine"]
        return text.split(separator: "\n").map { line in
            var query = String(line)
            for key in names.keys.sorted(by: { $0.count > $1.count }) {
                query = query.replacingOccurrences(of: key, with: names[key]!)
            }
            return query
        }
    }
}
