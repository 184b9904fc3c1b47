/// One edge of a path, as `path` shows it: the stored edge and its support.
public struct PathStep: Equatable, Sendable {
    public var key: EdgeKey
    public var support: Int

    public init(key: EdgeKey, support: Int) {
        self.key = key
        self.support = support
    }
}

/// The shortest-path searches of `path` and `path all`, over a graph seen only through a
/// neighbours closure: the one graph walk both back ends run, each reading edges its way.
///
/// Edges are followed either way; the order a closure lists a node's neighbours in decides
/// which of several shortest paths `shortest` finds, so back ends that list them alike find
/// the same path.
public struct PathFinder {
    /// Called once per round with the frontier about to grow; returns a node's neighbours
    /// (each with the edge to it). A back end that reads per node returns a lookup that reads
    /// lazily, so a search that ends mid-round reads no more; one that reads a round at a
    /// time reads the whole frontier at once.
    public typealias Neighbours = (_ frontier: [String]) throws -> (_ node: String) throws -> [(String, PathStep)]

    /// The most paths `path all` lists, so a dense graph cannot make it run away.
    public static let allPathsLimit = 1000

    public let neighbours: Neighbours

    public init(neighbours: @escaping Neighbours) {
        self.neighbours = neighbours
    }

    /// A shortest path of at most `maxLength` edges from one of `sources` to one of
    /// `targets` (empty when they share an entity), nil when there is none: a breadth-first
    /// search from both ends, each round growing the smaller frontier, so the work is about
    /// the square root of a one-sided search's.
    public func shortest(from sources: [String], to targets: [String], maxLength: Int) throws -> [PathStep]? {
        if !Set(sources).isDisjoint(with: targets) { return [] }
        // node → (the node it was reached from, the edge between them); nil for a root.
        var parents: [[String: (String, PathStep)?]] = [
            Dictionary(uniqueKeysWithValues: sources.map { ($0, nil) }),
            Dictionary(uniqueKeysWithValues: targets.map { ($0, nil) }),
        ]
        var frontiers = [sources, targets]
        var depths = [0, 0]
        while depths[0] + depths[1] < maxLength, !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            let around = try neighbours(frontiers[side])
            var next: [String] = []
            for node in frontiers[side] {
                for (other, step) in try around(node) where parents[side][other] == nil {
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

    /// The path through `meeting`: back to a source, then on to a target.
    static func join(at meeting: String, _ parents: [[String: (String, PathStep)?]]) -> [PathStep] {
        var head: [PathStep] = []
        var node = meeting
        while let entry = parents[0][node], let (previous, step) = entry {
            head.append(step)
            node = previous
        }
        var tail: [PathStep] = []
        node = meeting
        while let entry = parents[1][node], let (previous, step) = entry {
            tail.append(step)
            node = previous
        }
        return head.reversed() + tail
    }

    /// Every shortest path of at most `maxLength` edges (up to `allPathsLimit`), sorted by
    /// their edges, as Neo4j's `allShortestPaths`: a breadth-first search from the sources
    /// that records, level by level, every edge by which a node is first reached, then walks
    /// those edges back from the targets.
    public func allShortest(from sources: Set<String>, to targets: Set<String>, maxLength: Int) throws -> [[PathStep]] {
        if !sources.isDisjoint(with: targets) { return [[]] }
        var level: [String: Int] = Dictionary(uniqueKeysWithValues: sources.map { ($0, 0) })
        // node → every (node one level nearer the source, the edge between them).
        var parents: [String: [(String, PathStep)]] = [:]
        var frontier = Array(sources).sorted()
        var reached: [String] = []
        var depth = 0
        while depth < maxLength, reached.isEmpty, !frontier.isEmpty {
            depth += 1
            let around = try neighbours(frontier)
            var next: [String] = []
            for node in frontier {
                for (other, step) in try around(node) {
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
        var paths: [[PathStep]] = []
        func walk(_ node: String, _ suffix: [PathStep]) {
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
