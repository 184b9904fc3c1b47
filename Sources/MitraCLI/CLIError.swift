import ArgumentParser
import Foundation
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
/// and turning it into the exit status that says whose fault it was.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CLIError {
        fail(error.description, error.isMissing ? Exit.missing : Exit.badInput)
    } catch let error as StoreError {
        fail(error.description, error.kind == .missing ? Exit.missing : Exit.badInput)
    } catch let error as IngestError {
        fail(error.description, error.kind == .notFound ? Exit.missing : Exit.badInput)
    } catch let error as OntologyError {
        fail(error.description, error.kind == .notFound ? Exit.missing : Exit.badInput)
    } catch let error as RDFError {
        fail(error.description, Exit.badInput)
    } catch let error as RemoteError {
        fail(error.description, error.kind == .badConfiguration ? Exit.badInput : Exit.unavailable)
    } catch let error as QueryError {
        fail(error.description, Exit.badInput)
    } catch let error as ExportError {
        switch error.kind {
        case .unsupportedFormat: fail(error.description, Exit.badInput)
        case .cannotWrite: fail(error.description, Exit.cannotWrite)
        case .renderFailed: fail(error.description, Exit.internalFailure)
        }
    } catch {
        fail("internal error: \(error)", Exit.internalFailure)
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
