import Foundation

/// What `OntologyChecker` found: the findings in file order and the ontology's size.
public struct OntologyReport: Sendable, Codable {
    public var findings: [OntologyFinding]
    /// Absent when a malformed file kept the ontology from loading.
    public var statistics: OntologyStatistics?

    public init(findings: [OntologyFinding], statistics: OntologyStatistics?) {
        self.findings = findings
        self.statistics = statistics
    }

    public func count(_ severity: OntologyFinding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether the ontology may be used: no errors (warnings and notes are fine).
    public var passed: Bool { count(.error) == 0 }

    /// Compiler-style lines, the counts table, and a last line with the number of findings.
    public var text: String {
        var out = findings.map { $0.description + "\n" }.joined()
        if let statistics {
            if !out.isEmpty { out += "\n" }
            out += statistics.text
        }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        out += "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(plural(count(.note), "note"))\n"
        return out
    }

    /// The report as one JSON object: `passed`, the counts per severity, `findings` and `statistics`.
    public var json: String {
        struct Document: Encodable {
            var passed: Bool
            var errors: Int
            var warnings: Int
            var notes: Int
            var findings: [OntologyFinding]
            var statistics: OntologyStatistics?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            passed: passed, errors: count(.error), warnings: count(.warning), notes: count(.note), findings: findings,
            statistics: statistics)
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
