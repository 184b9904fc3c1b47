import MitraModel
import Testing

@Suite struct PathFinderTests {
    /// a–b–d and a–c–d (two shortest paths a to d), d–e; edges listed out then in.
    let edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")]

    func step(_ s: String, _ o: String) -> PathStep { PathStep(key: EdgeKey(subject: s, predicate: "p", object: o), support: 1) }

    func around(_ node: String) -> [(String, PathStep)] {
        edges.filter { $0.0 == node }.map { ($0.1, step($0.0, $0.1)) } + edges.filter { $0.1 == node }.map { ($0.0, step($0.0, $0.1)) }
    }

    @Test func shortestFindsTheFirstListedPathWithinTheBound() throws {
        let finder = PathFinder { _ in around }
        #expect(try finder.shortest(from: ["a"], to: ["e"], maxLength: 3)?.map(\.key.object) == ["b", "d", "e"])
        #expect(try finder.shortest(from: ["a"], to: ["e"], maxLength: 2) == nil)
        #expect(try finder.shortest(from: ["a"], to: ["a"], maxLength: 1) == [])
    }

    @Test func allShortestListsEveryShortestPathSorted() throws {
        let finder = PathFinder { _ in around }
        let paths = try finder.allShortest(from: ["a"], to: ["d"], maxLength: 4)
        #expect(paths.map { $0.map(\.key.object) } == [["b", "d"], ["c", "d"]])
        #expect(try finder.allShortest(from: ["a"], to: ["e"], maxLength: 2).isEmpty)
    }

    @Test func neighboursAreAskedOncePerRoundWithTheFrontier() throws {
        var rounds: [[String]] = []
        let finder = PathFinder { frontier in
            rounds.append(frontier)
            return around
        }
        _ = try finder.allShortest(from: ["a"], to: ["e"], maxLength: 3)
        #expect(rounds == [["a"], ["b", "c"], ["d"]])
    }
}
