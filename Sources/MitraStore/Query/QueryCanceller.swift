import Dispatch
import Foundation
import GRDB
import MitraModel
import GRDBSQLite

/// Stops a running query when the user asks (Ctrl-C) or when its time is up.
///
/// SQLite calls a progress handler every thousand virtual-machine steps; the handler returns
/// non-zero once the canceller has fired, which makes SQLite abandon the statement with
/// SQLITE_INTERRUPT. Loops the engine runs itself (path search) ask `check()` directly.
public final class QueryCanceller: @unchecked Sendable {
    /// Why the query stopped.
    public enum Reason: Sendable { case interrupted, timeout }

    private let lock = NSLock()
    private var reason: Reason?
    private var deadline: UInt64?
    private var timeout: Double = 0

    /// Polled with each check: a signal handler's flag, for one.
    public var isInterrupted: (@Sendable () -> Bool)?

    public init() {}

    /// Stops the query at its next check. Safe to call from any thread.
    public func cancel() {
        lock.lock()
        reason = .interrupted
        lock.unlock()
    }

    /// Forgets a previous cancellation and sets the time limit (nil: none) for the next query.
    public func reset(timeout seconds: Double?) {
        lock.lock()
        reason = nil
        timeout = seconds ?? 0
        deadline = seconds.flatMap { Self.deadline(after: $0, from: DispatchTime.now().uptimeNanoseconds) }
        lock.unlock()
    }

    /// The uptime in nanoseconds `seconds` after `now`, or nil (no limit) when that lies
    /// beyond what the clock counts: `inf`, `1e308` and a century all mean "no limit".
    static func deadline(after seconds: Double, from now: UInt64) -> UInt64? {
        guard seconds.isFinite, seconds > 0 else { return seconds > 0 ? nil : now }
        let nanoseconds = seconds * 1e9
        guard nanoseconds < Double(UInt64.max - now) / 2 else { return nil }
        return now + UInt64(nanoseconds)
    }

    /// Why `seconds` cannot be a time limit, or nil when it can: a positive number of
    /// seconds (`inf` for none).
    public static func problem(withTimeout seconds: Double) -> String? {
        seconds.isNaN || seconds <= 0 ? "a time limit must be a positive number of seconds (or inf for none)" : nil
    }

    /// Whether the query should stop now.
    var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        if reason != nil { return true }
        if let isInterrupted, isInterrupted() {
            reason = .interrupted
            return true
        }
        if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
            reason = .timeout
            return true
        }
        return false
    }

    /// Throws the query error for a stopped query.
    func check() throws {
        if shouldStop { throw stoppedError }
    }

    var stoppedError: QueryError {
        lock.lock()
        defer { lock.unlock() }
        switch reason {
        case .timeout?:
            return QueryError(kind: .timeout, line: 1, column: 1,
                              message: "the query ran longer than \(Self.seconds(timeout)) and was stopped")
        default:
            return QueryError(kind: .interrupted, line: 1, column: 1, message: "the query was interrupted")
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? "\(Int(s)) s" : String(format: "%.3g s", s)
    }

    /// Runs `body` with the progress handler installed on `db`.
    func watching<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard let connection = db.sqliteConnection else { return try body() }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(connection, 1000, { context in
            guard let context else { return 0 }
            return Unmanaged<QueryCanceller>.fromOpaque(context).takeUnretainedValue().shouldStop ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw stoppedError
        }
    }
}
