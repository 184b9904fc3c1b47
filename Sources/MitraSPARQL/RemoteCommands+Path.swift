import MitraModel

/// `path` and `path all` over the endpoint: the local store's searches, node for node, with
/// each round's edges read in one remote query.
extension RemoteCommands {
    typealias Step = PathStep

    func path(_ from: NameRef, _ to: NameRef, maxLength: Int, all: Bool) throws -> QueryResult {
        let paths = all ? try allShortestPaths(from, to, maxLength: maxLength) : try shortestPath(from, to, maxLength: maxLength).map { [$0] } ?? []
        var result = try pathResult(paths, numbered: all)
        if paths.isEmpty { result.note = "no path of at most \(maxLength) step\(maxLength == 1 ? "" : "s") between \(from.text) and \(to.text)" }
        return result
    }

    /// The local search exactly, each round's edges read in one query per direction; each
    /// node's edges come out by (predicate, object) then in by (subject, predicate), as
    /// locally, so ties between shortest paths break the same way.
    var pathFinder: PathFinder {
        PathFinder { frontier in
            let around = try adjacent(frontier)
            return { around[$0] ?? [] }
        }
    }

    func shortestPath(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [Step]? {
        try pathFinder.shortest(from: try names.entityIDs(from), to: try names.entityIDs(to), maxLength: maxLength)
    }

    /// Every shortest path, as the local `path all`.
    func allShortestPaths(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [[Step]] {
        try pathFinder.allShortest(from: Set(try names.entityIDs(from)), to: Set(try names.entityIDs(to)), maxLength: maxLength)
    }

    /// Each node's affirmed edges, out then in, with the node at the other end.
    func adjacent(_ nodes: [String]) throws -> [String: [(String, Step)]] {
        let values = nodes.map { "<\(Namespace.entity + $0)>" }.joined(separator: " ")
        var out: [String: [(String, String, Step)]] = [:]
        var into: [String: [(String, String, Step)]] = [:]
        for (restriction, outgoing) in [("?s1", true), ("?o1", false)] {
            let sparql = Self.prefixes + "SELECT ?s1 ?p1 ?o1 ?sup1 WHERE { { "
                + (try compiler.edgeAggregate("1", restrictions: ["VALUES \(restriction) { \(values) }"])) + " } FILTER(?sup1 > 0) }"
            for solution in try select(sparql) {
                guard let s = Self.entityID(solution["s1"]), let o = Self.entityID(solution["o1"]) else { continue }
                let predicate = Self.predicateName(solution["p1"])
                let step = Step(key: EdgeKey(subject: s, predicate: predicate, object: o), support: Self.integer(solution["sup1"]))
                if outgoing { out[s, default: []].append((predicate, o, step)) } else { into[o, default: []].append((s, predicate, step)) }
            }
        }
        // SQLite's order of the store's keys: bytes.
        func ordered(_ list: [(String, String, Step)]) -> [(String, String, Step)] {
            list.sorted { a, b in
                let first = SPARQLResult.compare(.text(a.0), .text(b.0))
                return first != 0 ? first < 0 : SPARQLResult.compare(.text(a.1), .text(b.1)) < 0
            }
        }
        var result: [String: [(String, Step)]] = [:]
        for node in nodes {
            result[node] = ordered(out[node] ?? []).map { ($0.1, $0.2) } + ordered(into[node] ?? []).map { ($0.0, $0.2) }
        }
        return result
    }

    /// Steps as rows; with `numbered`, a first column says which path each step is on.
    func pathResult(_ paths: [[Step]], numbered: Bool) throws -> QueryResult {
        var rows: [[Value]] = []
        for (p, steps) in paths.enumerated() {
            for (n, step) in steps.enumerated() {
                let row: [Value] = [.integer(n + 1), try names.entity(step.key.subject).value, .text(step.key.predicate),
                                    try names.entity(step.key.object).value, .integer(step.support)]
                rows.append(numbered ? [.integer(p + 1)] + row : row)
            }
        }
        return QueryResult(columns: (numbered ? ["path"] : []) + ["step", "subject", "predicate", "object", "support"], rows: rows)
    }
}
