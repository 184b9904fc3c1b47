import Foundation
import MitraTestSupport

/// What the remote tests share: the built tool, a store built from a corpus, the stub
/// server, and the files a store is made of (to check a failed push left them alone).
enum RemoteFixture {
    static var executable: String { Fixtures.executable }

    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["MITRAGRAPH_ONTOLOGY"] = nil
        for key in ["MITRAGRAPH_SPARQL_USER", "MITRAGRAPH_SPARQL_PASSWORD", "MITRAGRAPH_SPARQL_TOKEN"] { environment[key] = nil }
        environment.merge(extra) { _, new in new }
        return try Fixtures.run(executable, arguments, environment: environment, directory: Fixtures.repositoryRoot)
    }

    /// A copy of the sample corpus in a new folder, and a store built from it.
    static func builtCorpus() throws -> (corpus: String, store: String) {
        let folder = Fixtures.temporaryDirectory("mitragraph-remote")
        let corpus = folder + "/corpus"
        try FileManager.default.copyItem(atPath: Fixtures.corpusDirectory, toPath: corpus)
        let store = folder + "/kg.sqlite"
        try build(corpus: corpus, store: store)
        return (corpus, store)
    }

    static func build(corpus: String, store: String) throws {
        let built = try run(["build", "--quiet", "--store", store, corpus])
        guard built.status == 0 else { throw ServerError(message: "build failed: \(built.err)") }
    }

    /// Every file of a store (the database and any WAL beside it) with its bytes.
    static func snapshot(_ store: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if let data = FileManager.default.contents(atPath: store + suffix) { files[suffix] = data }
        }
        return files
    }

    /// The "N graphs sent" and "N deleted" of a push's summary line.
    static func counts(_ summary: String) -> (sent: Int, deleted: Int, unchanged: Int)? {
        func number(before word: String) -> Int? {
            guard let range = summary.range(of: " " + word) else { return nil }
            let prefix = summary[..<range.lowerBound]
            return Int(prefix.split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",(:")) } ?? "")
        }
        guard let sent = number(before: "graphs sent"), let deleted = number(before: "deleted"),
              let unchanged = number(before: "unchanged") else { return nil }
        return (sent, deleted, unchanged)
    }
}

/// The stub server of `Stub/stub-server.py`, misbehaving as `mode` says.
final class StubServer {
    let process = Process()
    private let input = Pipe()
    let port: Int

    init(_ mode: String, _ arguments: String...) throws {
        let script = Fixtures.repositoryRoot + "/Tests/MitraRemoteTests/Stub/stub-server.py"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, mode] + arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw ServerError(message: "the stub server did not start")
        }
        self.port = port
    }

    var base: String { "http://127.0.0.1:\(port)" }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
