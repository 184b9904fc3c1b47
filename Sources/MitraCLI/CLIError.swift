import ArgumentParser
import Foundation
import MitraModel
import MitraExport
import MitraIngest
import MitraOntology
import MitraQuery
import MitraRDF
import MitraRemote
import MitraStore

/// A failure the CLI reports itself, mapped to an exit status.
enum CLIError: Error, CustomStringConvertible {
    case badInput(String)
    case missing(String)

    var description: String {
        switch self {
        case .badInput(let m), .missing(let m): m
        }
    }
}

/// Exit statuses, after sysexits.h, so scripts can tell bad input from a broken tool.
enum Exit {
    static let badInput = ExitCode(65)
    static let missing = ExitCode(66)
    static let cannotWrite = ExitCode(73)
    static let internalFailure = ExitCode(70)
    /// A remote store that cannot be reached, refuses us, or fails.
    static let unavailable = ExitCode(69)
}

/// Runs a command body, printing a layer's error as `mitragraph: message` on standard error
/// and turning it into the exit status that says whose fault it was. Output that did not reach
/// standard output (a full disk, a closed pipe) is a failure too, not silently lost.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
        try StandardOutput.flush()
    } catch let error as ExitCode {
        throw error
    } catch {
        let (message, code) = exitStatus(for: error)
        fail(message, code)
    }
}

/// The message and exit status for a layer's error.
func exitStatus(for error: Error) -> (String, ExitCode) {
    switch error {
    case let error as CLIError:
        return (error.description, error.isMissing ? Exit.missing : Exit.badInput)
    case let error as StoreError:
        switch error.kind {
        case .missing: return (error.description, Exit.missing)
        case .noSpace, .busy: return (error.description, Exit.cannotWrite)
        default: return (error.description, Exit.badInput)
        }
    case let error as IngestError:
        return (error.description, error.kind == .notFound ? Exit.missing : Exit.badInput)
    case let error as OntologyError:
        return (error.description, error.kind == .notFound ? Exit.missing : Exit.badInput)
    case let error as RDFError:
        return (error.description, error.kind == .writeFailed ? Exit.cannotWrite : Exit.badInput)
    case let error as RemoteError:
        return (error.description, error.kind == .badConfiguration ? Exit.badInput : Exit.unavailable)
    case let error as QueryError:
        return (error.description, Exit.badInput)
    case let error as ExportError:
        switch error.kind {
        case .unsupportedFormat: return (error.description, Exit.badInput)
        case .cannotWrite: return (error.description, Exit.cannotWrite)
        case .renderFailed: return (error.description, Exit.internalFailure)
        }
    default:
        return ("internal error: \(error)", Exit.internalFailure)
    }
}

private func fail(_ message: String, _ code: ExitCode) -> Never {
    FileHandle.standardError.write(Data(("mitragraph: " + message + "\n").utf8))
    Foundation.exit(code.rawValue)
}

extension CLIError {
    var isMissing: Bool { if case .missing = self { true } else { false } }
}

/// Writes a line to standard error.
func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

