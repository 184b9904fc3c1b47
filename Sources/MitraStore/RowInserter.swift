import GRDB
import GRDBSQLite

/// One prepared statement stepped through SQLite directly, binding integers, doubles and text
/// without building argument arrays: a build inserts millions of small rows, and per-row
/// overhead would cost more than the inserts themselves. Bind each parameter, then `run`.
final class RowInserter {
    private let statement: Statement
    private let stmt: OpaquePointer

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        stmt = statement.sqliteStatement
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(stmt, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(stmt, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(stmt, index, value ? 1 : 0) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(stmt, index, value) }
    func bind(_ index: Int32, _ value: String) { TermDictionary.bind(value, to: stmt, at: index) }

    func bind(_ index: Int32, _ value: [UInt8]) {
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(stmt, index, bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start),
                                  Int32(bytes.count), TermDictionary.transient)
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(stmt, index) }
    }

    /// Runs the statement once with what is bound.
    func run() throws {
        try TermDictionary.step(stmt, db: statement)
    }
}

/// Inside the store, a statement is SQLite's; the query language's is `MitraModel.Statement`.
typealias Statement = GRDB.Statement
