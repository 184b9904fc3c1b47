import MitraModel
import MitraStore

/// Runs queries against a store: parses the text, hands the statement to the store to
/// execute, and points every failure into the query text.
public struct QueryEngine {
    public let store: GraphStore

    public init(store: GraphStore) {
        self.store = store
    }

    /// The fields of an evidence row, the one schema of `evidence`, `contested with evidence`
    /// and `mitragraph evidence --json`.
    public static var evidenceColumns: [String] { GraphStore.evidenceColumns }

    /// Runs one query. With `timeout` (seconds) the query stops with a `.timeout` error once
    /// the time is up; `canceller` lets another thread stop it (Ctrl-C in the shell).
    public func run(_ text: String, timeout: Double? = nil, canceller: QueryCanceller = QueryCanceller()) throws -> QueryResult {
        try withSourceLines(text) {
            let statement = try Parser.parse(text)
            canceller.reset(timeout: timeout)
            return try store.run(statement, canceller: canceller)
        }
    }

    /// Parses one query and hands the statement to `execute` (which runs it elsewhere, on a
    /// SPARQL endpoint), with errors pointed into the text as a local run's are.
    public func run(_ text: String, executing execute: (Statement) throws -> QueryResult) throws -> QueryResult {
        try withSourceLines(text) { try execute(try Parser.parse(text)) }
    }

    /// The part of the graph a query's result covers: every entity in it and every edge its
    /// patterns matched (for `describe`, `neighbors`, `path`, `evidence` and `contested`, the
    /// edges they show).
    public func subgraph(_ text: String, timeout: Double? = nil) throws -> Subgraph {
        try withSourceLines(text) {
            let statement = try Parser.parse(text)
            let canceller = QueryCanceller()
            canceller.reset(timeout: timeout)
            return try store.subgraph(of: statement, canceller: canceller)
        }
    }

    /// Predicates, classes and labels, for Tab completion.
    public func completionNames(labelLimit: Int = 50_000) throws -> CompletionNames {
        try store.completionNames(labelLimit: labelLimit)
    }

    /// The classes (with parents) and predicates (with domain, range and edge count) of the store.
    public func schema() throws -> QueryResult {
        try store.schema()
    }

    /// Attaches the offending line to a query error.
    private func withSourceLines<T>(_ text: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as QueryError {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if error.kind != .timeout && error.kind != .interrupted, error.line >= 1, error.line <= lines.count {
                error.sourceLine = String(lines[error.line - 1])
            }
            throw error
        }
    }
}
