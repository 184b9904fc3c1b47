import Foundation
import GRDB
import MitraModel
import MitraStore

/// Runs queries against a store: lexes, parses, plans and executes, and turns every failure
/// into a `QueryError` that points into the query text.
public struct QueryEngine {
    public let store: GraphStore
    let catalog = Catalog()

    public init(store: GraphStore) {
        self.store = store
    }

    /// Runs one query. With `timeout` (seconds) the query stops with a `.timeout` error once
    /// the time is up; `canceller` lets another thread stop it (Ctrl-C in the shell).
    public func run(_ text: String, timeout: Double? = nil, canceller: QueryCanceller = QueryCanceller()) throws -> QueryResult {
        try withSourceLines(text) {
            let statement = try Parser.parse(text)
            canceller.reset(timeout: timeout)
            return try execute(statement, canceller: canceller)
        }
    }

    /// The part of the graph a query's result covers: every entity in it and every edge its
    /// patterns matched (for `describe`, `neighbors`, `path`, `evidence` and `contested`, the
    /// edges they show).
    public func subgraph(_ text: String, timeout: Double? = nil) throws -> Subgraph {
        try withSourceLines(text) {
            let statement = try Parser.parse(text)
            let canceller = QueryCanceller()
            canceller.reset(timeout: timeout)
            return try store.read { db in
                try Self.tune(db)
                return try canceller.watching(db) {
                    try Commands(catalog: catalog, db: db, canceller: canceller).subgraph(statement)
                }
            }
        }
    }

    func execute(_ statement: Statement, canceller: QueryCanceller) throws -> QueryResult {
        try store.read { db in
            try Self.tune(db)
            return try canceller.watching(db) {
                try Commands(catalog: catalog, db: db, canceller: canceller).run(statement)
            }
        }
    }

    /// A bigger page cache and memory-mapped reads for the connection: joins over a large
    /// graph look rows up by key all over the file, which the default 2 MB cache turns into
    /// reads from disk.
    static func tune(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
    }

    /// Attaches the offending line to a query error, and wraps a store failure as one.
    func withSourceLines<T>(_ text: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as QueryError {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if error.kind != .timeout && error.kind != .interrupted, error.line >= 1, error.line <= lines.count {
                error.sourceLine = String(lines[error.line - 1])
            }
            throw error
        } catch let error as DatabaseError {
            throw QueryError(kind: .storeFailure, line: 1, column: 1, message: "the store failed: \(error.message ?? "\(error)")")
        }
    }
}
