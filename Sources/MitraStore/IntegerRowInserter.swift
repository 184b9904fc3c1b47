import GRDB
import GRDBSQLite

/// Appends rows of integers many to a statement: a bulk load inserts a million small rows,
/// and stepping, resetting and halting one statement per row costs about as much as the
/// B-tree work of the row itself.
///
/// `rowTemplate` is one row's `VALUES` tuple, such as `(?, ?, ?, 1, 0)`; its `?`s are the
/// integers each `add` gives, in order. Rows wait in a buffer until a statement's worth is
/// there; `flush` writes the rest, and must be called before anything reads the table.
final class IntegerRowInserter {
    private let db: Database
    private let head: String
    private let rowTemplate: String
    private let parameters: Int
    private let rowsPerStatement: Int
    private let full: Statement
    private var pending: [Int64] = []
    /// Rows the table gained (an `OR IGNORE` insert skips duplicates).
    private(set) var inserted = 0

    init(_ db: Database, insert head: String, rowTemplate: String, rowsPerStatement: Int = 128) throws {
        self.db = db
        self.head = head
        self.rowTemplate = rowTemplate
        parameters = rowTemplate.filter { $0 == "?" }.count
        self.rowsPerStatement = rowsPerStatement
        full = try db.makeStatement(sql: Self.sql(head, rowTemplate, rows: rowsPerStatement))
        pending.reserveCapacity(parameters * rowsPerStatement)
    }

    private static func sql(_ head: String, _ row: String, rows: Int) -> String {
        head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    func add(_ a: Int64, _ b: Int64, _ c: Int64) throws {
        pending.append(a); pending.append(b); pending.append(c)
        if pending.count == parameters * rowsPerStatement { try run(full) }
    }

    func add(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) throws {
        pending.append(a); pending.append(b); pending.append(c); pending.append(d)
        if pending.count == parameters * rowsPerStatement { try run(full) }
    }

    /// Writes the rows still buffered.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try run(try db.makeStatement(sql: Self.sql(head, rowTemplate, rows: pending.count / parameters)))
    }

    private func run(_ statement: Statement) throws {
        let stmt = statement.sqliteStatement
        for (i, value) in pending.enumerated() { sqlite3_bind_int64(stmt, Int32(i + 1), value) }
        try TermDictionary.step(stmt, db: statement)
        inserted += Int(sqlite3_changes(sqlite3_db_handle(stmt)))
        pending.removeAll(keepingCapacity: true)
    }
}
