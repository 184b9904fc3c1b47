import MitraModel

/// `path` and `path all` over the endpoint: the local store's searches, node for node, with
/// each round's edges read in one remote query.
extension RemoteCommands {
    /// One edge of a path with its support.
    struct Step {
        var key: EdgeKey
        var support: Int
    }

    /// The most paths `path all` lists, as locally.
    static let allPathsLimit = 1000

    func path(_ from: NameRef, _ to: NameRef, maxLength: Int, all: Bool) throws -> QueryResult {
        let paths = all ? try allShortestPaths(from, to, maxLength: maxLength) : try shortestPath(from, to, maxLength: maxLength).map { [$0] } ?? []
        var result = try pathResult(paths, numbered: all)
        if paths.isEmpty { result.note = "no path of at most \(maxLength) step\(maxLength == 1 ? "" : "s") between \(from.text) and \(to.text)" }
        return result
    }

    /// The local search exactly: from both ends, growing the smaller frontier, each node's
    /// edges out by (predicate, object) then in by (subject, predicate), so ties between
    /// shortest paths break the same way.
    func shortestPath(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [Step]? {
        let sources = try names.entityIDs(from)
        let targets = try names.entityIDs(to)
        if !Set(sources).isDisjoint(with: targets) { return [] }
        var parents: [[String: (String, Step)?]] = [
            Dictionary(uniqueKeysWithValues: sources.map { ($0, nil) }),
            Dictionary(uniqueKeysWithValues: targets.map { ($0, nil) }),
        ]
        var frontiers = [sources, targets]
        var depths = [0, 0]
        while depths[0] + depths[1] < maxLength, !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            let around = try adjacent(frontiers[side])
            var next: [String] = []
            for node in frontiers[side] {
                for (other, step) in around[node] ?? [] where parents[side][other] == nil {
                    parents[side][other] = .some((node, step))
                    if parents[1 - side][other] != nil { return Self.join(at: other, parents) }
                    next.append(other)
                }
            }
            frontiers[side] = next
            depths[side] += 1
        }
        return nil
    }

    static func join(at meeting: String, _ parents: [[String: (String, Step)?]]) -> [Step] {
        var head: [Step] = []
        var node = meeting
        while let entry = parents[0][node], let (previous, step) = entry {
            head.append(step)
            node = previous
        }
        var tail: [Step] = []
        node = meeting
        while let entry = parents[1][node], let (previous, step) = entry {
            tail.append(step)
            node = previous
        }
        return head.reversed() + tail
    }

    /// Every shortest path, as the local `path all`: a search from the first end recording
    /// every edge by which a node is first reached, walked back from the targets.
    func allShortestPaths(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [[Step]] {
        let sources = Set(try names.entityIDs(from))
        let targets = Set(try names.entityIDs(to))
        if !sources.isDisjoint(with: targets) { return [[]] }
        var level: [String: Int] = Dictionary(uniqueKeysWithValues: sources.map { ($0, 0) })
        var parents: [String: [(String, Step)]] = [:]
        var frontier = Array(sources).sorted()
        var reached: [String] = []
        var depth = 0
        while depth < maxLength, reached.isEmpty, !frontier.isEmpty {
            depth += 1
            let around = try adjacent(frontier)
            var next: [String] = []
            for node in frontier {
                for (other, step) in around[node] ?? [] {
                    if let known = level[other] {
                        if known == depth { parents[other, default: []].append((node, step)) }
                        continue
                    }
                    level[other] = depth
                    parents[other] = [(node, step)]
                    next.append(other)
                }
            }
            reached = next.filter(targets.contains)
            frontier = next
        }
        var paths: [[Step]] = []
        func walk(_ node: String, _ suffix: [Step]) {
            if sources.contains(node) {
                paths.append(suffix)
                return
            }
            for (previous, step) in parents[node] ?? [] where paths.count < Self.allPathsLimit {
                walk(previous, [step] + suffix)
            }
        }
        for target in reached.sorted() { walk(target, []) }
        return paths.sorted { $0.map(\.key).lexicographicallyPrecedes($1.map(\.key)) }
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
