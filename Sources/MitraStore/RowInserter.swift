import GRDB
import GRDBSQLite

/// One prepared statement stepped through SQLite directly, binding integers, doubles and text
/// without building argument arrays: a build inserts millions of small rows, and per-row
/// overhead would cost more than the inserts themselves.
final class RowInserter {
    /// A value to bind.
    enum Value {
        case int(Int64)
        case double(Double)
        case text(String)
        case null
    }

    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// Binds `values` to the parameters in order and runs the statement once.
    func run(_ values: Value...) throws {
        let stmt = statement.sqliteStatement
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .int(let n): sqlite3_bind_int64(stmt, index, n)
            case .double(let d): sqlite3_bind_double(stmt, index, d)
            case .text(let t): TermDictionary.bind(t, to: stmt, at: index)
            case .null: sqlite3_bind_null(stmt, index)
            }
        }
        try TermDictionary.step(stmt, db: statement)
    }
}

extension RowInserter.Value {
    static func int(_ n: Int) -> Self { .int(Int64(n)) }
    static func bool(_ b: Bool) -> Self { .int(b ? 1 : 0) }
    static func optional(_ t: String?) -> Self { t.map { .text($0) } ?? .null }
}

/// Inside the store, a statement is SQLite's; the query language's is `MitraModel.Statement`.
typealias Statement = GRDB.Statement
