import Foundation
import GRDB
import MitraStore
import MitraTestSupport
import Testing

/// What a reader can see of a store in one snapshot: enough to tell two builds apart and to
/// notice any mix of them.
struct StoreSnapshot: Equatable, CustomStringConvertible {
    var documents: [String]
    var claims: Int
    var edges: Int
    var support: Int
    var quads: Int

    init(_ store: GraphStore) throws {
        (documents, claims, edges, support, quads) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT id || ' ' || hash FROM documents ORDER BY id"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM edges") ?? 0,
             try Int.fetchOne(db, sql: "SELECT total(supporting_docs + denying_docs) FROM edges").map { Int($0) } ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM quads") ?? 0)
        }
    }

    var description: String { "\(documents.count) documents, \(claims) claims, \(edges) edges, \(quads) quads" }
}

/// Builds killed with SIGKILL, and builds read from another process, only ever show whole
/// graphs. These run the real executable, so `swift build` must have built it.
@Suite(.serialized) struct CrashSafetyTests {
    static var executable: String { Fixtures.repositoryRoot + "/.build/debug/mitragraph" }

    /// Two versions of one corpus: the second changes a third of the articles, drops some
    /// and adds others, so a build from one to the other touches every kind of row.
    struct Corpora {
        let dir: String
        var a: String { dir + "/a" }
        var b: String { dir + "/b" }

        init(count: Int) {
            dir = Fixtures.temporaryDirectory("mitragraph-crash")
            GeneratedCorpus.write(count: count, into: dir + "/a", seed: 11, version: 0)
            GeneratedCorpus.write(count: count + count / 10, into: dir + "/b", seed: 11, version: 1)
            for n in stride(from: 1, to: count, by: 10) {
                try? FileManager.default.removeItem(atPath: dir + "/b/" + String(format: "part-%02d/article-%05d.txt", n % 17, n))
            }
        }
    }

    static func launchBuild(store: String, input: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // --prune: each build replaces the graph with the other corpus's.
        process.arguments = ["build", "--quiet", "--prune", "--store", store, input]
        var environment = ProcessInfo.processInfo.environment
        environment["MITRAGRAPH_ONTOLOGY"] = Fixtures.ontologyDirectory
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func runBuild(store: String, input: String) throws -> Double {
        let started = Date()
        let process = try launchBuild(store: store, input: input)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Date().timeIntervalSince(started)
    }

    static func integrity(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    @Test func aBuildKilledAtRandomMomentsLeavesTheOldGraphOrTheNew() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build the executable first: swift build")
        let corpora = Corpora(count: 240)
        let path = corpora.dir + "/kg.sqlite"
        // Reference snapshots of a finished build of each version.
        _ = try Self.runBuild(store: path, input: corpora.b)
        let after = try StoreSnapshot(GraphStore(path: path))
        // Kill moments spread over the length of a build from one version to the other.
        // The shorter of two timed builds, so that a build slowed by a loaded machine does not
        // stretch the kill window past the length of the builds that follow.
        var buildTime = try Self.runBuild(store: path, input: corpora.a)
        _ = try Self.runBuild(store: path, input: corpora.b)
        buildTime = min(buildTime, try Self.runBuild(store: path, input: corpora.a))
        let before = try StoreSnapshot(GraphStore(path: path))
        #expect(before != after)

        var rng = SeededGenerator(seed: 2026)
        var current = before
        var completed = 0
        for round in 0..<30 {
            let target = current == before ? corpora.b : corpora.a
            let process = try Self.launchBuild(store: path, input: target)
            let delay = Double.random(in: 0.02...(buildTime * 0.9), using: &rng)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if process.terminationReason == .exit { completed += 1 }

            #expect(try Self.integrity(path) == "ok", "round \(round)")
            let seen = try StoreSnapshot(GraphStore(path: path))
            #expect(seen == before || seen == after, "round \(round) after \(delay) s: \(seen)")
            current = seen
        }
        // Most rounds must really have been cut short, or the test proves nothing.
        #expect(completed < 20, "\(completed) of 30 builds finished before the kill")
    }

    @Test func aReaderInAnotherProcessOnlySeesWholeGraphs() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build the executable first: swift build")
        let corpora = Corpora(count: 160)
        let path = corpora.dir + "/kg.sqlite"
        _ = try Self.runBuild(store: path, input: corpora.b)
        let after = try StoreSnapshot(GraphStore(path: path))
        _ = try Self.runBuild(store: path, input: corpora.a)
        let before = try StoreSnapshot(GraphStore(path: path))

        for target in [corpora.b, corpora.a, corpora.b] {
            let process = try Self.launchBuild(store: path, input: target)
            var reads = 0
            var kinds: Set<String> = []
            while process.isRunning || reads == 0 {
                // A fresh store object each time, as a separate `mitragraph stats` would open.
                let seen = try StoreSnapshot(GraphStore(path: path))
                #expect(seen == before || seen == after, "mixed graph: \(seen)")
                kinds.insert(seen == before ? "before" : "after")
                reads += 1
            }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(reads > 3, "the reader must have read while the build ran")
            let final = try StoreSnapshot(GraphStore(path: path))
            #expect(final == (target == corpora.b ? after : before))
        }
    }
}
