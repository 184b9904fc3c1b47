import Foundation

/// What a finished process printed, and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var out: String
    public var err: String
}

extension Fixtures {
    /// The debug build of the command-line tool, which `swift build --build-tests` makes.
    public static var executable: String { repositoryRoot + "/.build/debug/mitragraph" }

    /// Runs `tool` with `arguments`, writes `input` to its standard input, and waits for it.
    ///
    /// Standard error is drained on another thread while standard output is read, so a process
    /// that writes a lot to both never blocks on a full pipe.
    public static func run(
        _ tool: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
        directory: String? = nil
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let errBox = DataBox()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errBox.data = stderr.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errBox.data, as: UTF8.self))
    }
}

/// Bytes one thread writes and another reads after a semaphore says the writer is done.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
