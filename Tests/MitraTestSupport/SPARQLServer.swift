import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A SPARQL engine run on loopback for a test: started on a free port in a folder of its
/// own, waited for until it answers, and stopped after.
///
/// The engine runs under a small shell that kills it when its standard input closes, so it
/// goes away with the test process even when that crashes.
public final class SPARQLServer: @unchecked Sendable {
    public enum Engine: String, Sendable {
        case oxigraph, virtuoso
    }

    public let engine: Engine
    /// Base URL, e.g. http://127.0.0.1:41234.
    public let base: String
    public let folder: String
    private let process: Process
    private let keepAlive: Pipe

    /// The arguments that reach the engine through `push` and `query`: its paths and credentials.
    public var endpointArguments: [String] {
        switch engine {
        case .oxigraph:
            return ["--endpoint", base]
        case .virtuoso:
            return ["--endpoint", base, "--query-path", "/sparql", "--update-path", "/sparql-auth",
                    "--store-path", "/sparql-graph-crud-auth", "--user", "dba", "--password", "dba", "--digest"]
        }
    }

    /// Where the engine's program is, or why it is not there.
    public static func program(_ engine: Engine) -> String? {
        let path: String
        switch engine {
        case .oxigraph: path = Fixtures.repositoryRoot + "/.venv-test/bin/oxigraph"
        case .virtuoso: path = "/usr/bin/virtuoso-t"
        }
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// What to tell a reader when the engine is missing.
    public static func missingMessage(_ engine: Engine) -> String {
        switch engine {
        case .oxigraph: "oxigraph is not installed in .venv-test (make test installs it with pip)"
        case .virtuoso: "virtuoso-t is not installed (scripts/bootstrap installs virtuoso-opensource)"
        }
    }

    /// Starts `engine`; for Oxigraph, `data` serves a folder that `oxigraph load` filled.
    public init(_ engine: Engine, data: String? = nil) throws {
        guard let program = Self.program(engine) else { throw ServerError(message: "\(engine.rawValue) is not installed") }
        self.engine = engine
        folder = Fixtures.temporaryDirectory("mitragraph-\(engine.rawValue)")
        let httpPort = try Self.freePort()
        base = "http://127.0.0.1:\(httpPort)"
        var command: [String]
        switch engine {
        case .oxigraph:
            command = [program, "serve", "--location", data ?? folder + "/data", "--bind", "127.0.0.1:\(httpPort)"]
        case .virtuoso:
            let ini = try Self.virtuosoINI(folder: folder, httpPort: httpPort, serverPort: try Self.freePort())
            command = [program, "-f", "-c", ini]
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-c", "\(quoted) >'\(folder)/engine.log' 2>&1 & pid=$!; read _; kill -9 $pid"]
        keepAlive = Pipe()
        process.standardInput = keepAlive
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            try waitUntilAnswering()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Stops the engine and removes its folder; safe to call more than once.
    public func stop() {
        guard process.isRunning else { return }
        try? keepAlive.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Polls `ASK {}` until the engine answers it.
    private func waitUntilAnswering() throws {
        let path = engine == .oxigraph ? "/query" : "/sparql"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning { break }
            if let url = URL(string: base + path + "?query=ASK%7B%7D"), let data = try? Self.get(url), data.contains("true") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let log = (try? String(contentsOfFile: folder + "/engine.log", encoding: .utf8)) ?? ""
        throw ServerError(message: "\(engine.rawValue) did not answer at \(base): \(log.suffix(2000))")
    }

    /// One GET over a plain socket with a short timeout, so polling needs no URLSession.
    static func get(_ url: URL) throws -> String {
        let port = UInt16(url.port ?? 80)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServerError(message: "refused") }
        var target = url.path
        if let query = url.query { target += "?" + query }
        let request = "GET \(target) HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// A port nothing listens on now (the kernel's pick for an ephemeral bind).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw ServerError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Debian's virtuoso.ini with the database in `folder`, the given ports, small buffers,
    /// and answers not cut at 10,000 rows.
    static func virtuosoINI(folder: String, httpPort: Int, serverPort: Int) throws -> String {
        let template = try String(contentsOfFile: "/etc/virtuoso-opensource-7/virtuoso.ini", encoding: .utf8)
        var lines: [String] = []
        var section = ""
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { section = trimmed }
            let key = trimmed.split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            text = text.replacingOccurrences(of: "/var/lib/virtuoso-opensource-7/db/", with: folder + "/")
            switch (section, key) {
            case ("[Parameters]", "ServerPort"): text = "ServerPort = \(serverPort)"
            case ("[HTTPServer]", "ServerPort"): text = "ServerPort = \(httpPort)"
            case ("[Parameters]", "NumberOfBuffers"): text = "NumberOfBuffers = 2000"
            case ("[Parameters]", "MaxDirtyBuffers"): text = "MaxDirtyBuffers = 1200"
            // Virtuoso cuts every answer at 10,000 rows unless told otherwise.
            case ("[SPARQL]", "ResultSetMaxRows"): text = "ResultSetMaxRows = 1000000"
            default: break
            }
            lines.append(text)
        }
        let path = folder + "/virtuoso.ini"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// An engine that could not be started.
public struct ServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
