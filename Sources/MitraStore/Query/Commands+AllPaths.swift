import MitraModel

extension Commands {
    /// The most paths `path all` lists, so a dense graph cannot make it run away.
    static let allPathsLimit = 1000

    /// Every shortest path between two entities (edges followed either way), as Neo4j's
    /// `allShortestPaths`: a breadth-first search from the first that records, level by level,
    /// every edge by which a node is first reached, then walks those edges back from the target.
    func allShortestPaths(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [[Step]] {
        let sources = Set(try catalog.entityIDs(from, in: db))
        let targets = Set(try catalog.entityIDs(to, in: db))
        if !sources.isDisjoint(with: targets) { return [[]] }
        var level: [String: Int] = Dictionary(uniqueKeysWithValues: sources.map { ($0, 0) })
        // node → every (node one level nearer the source, the edge between them).
        var parents: [String: [(String, Step)]] = [:]
        var frontier = Array(sources).sorted()
        var reached: [String] = []
        var depth = 0
        while depth < maxLength, reached.isEmpty, !frontier.isEmpty {
            depth += 1
            var next: [String] = []
            for node in frontier {
                for (other, step) in try adjacent(node) {
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
}
