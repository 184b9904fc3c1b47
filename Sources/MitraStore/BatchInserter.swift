import GRDB
import GRDBSQLite

/// Appends rows of any shape many to a statement, as `IntegerRowInserter` does for rows of
/// integers: a first build writes hundreds of thousands of claims, and one statement per row
/// spends as much in stepping, resetting and halting as in the B-tree.
///
/// `bind` binds one row's values from the given parameter index on; `rowTemplate` is that
/// row's `VALUES` tuple. Rows wait in a buffer until a statement's worth is there; `flush`
/// writes the rest, and must be called before anything reads the table.
final class BatchInserter<Row> {
    typealias Binder = (Row, OpaquePointer, Int32) -> Void

    private let db: Database
    private let head: String
    private let rowTemplate: String
    private let parameters: Int32
    private let rowsPerStatement: Int
    private let bind: Binder
    private let full: Statement
    private var pending: [Row] = []

    init(_ db: Database, insert head: String, rowTemplate: String, rowsPerStatement: Int = 64, bind: @escaping Binder) throws {
        self.db = db
        self.head = head
        self.rowTemplate = rowTemplate
        parameters = Int32(rowTemplate.filter { $0 == "?" }.count)
        self.rowsPerStatement = rowsPerStatement
        self.bind = bind
        full = try db.makeStatement(sql: Self.sql(head, rowTemplate, rows: rowsPerStatement))
        pending.reserveCapacity(rowsPerStatement)
    }

    private static func sql(_ head: String, _ row: String, rows: Int) -> String {
        head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Whether rows are waiting for `flush`.
    var isEmpty: Bool { pending.isEmpty }

    func add(_ row: Row) throws {
        pending.append(row)
        if pending.count == rowsPerStatement { try run(full) }
    }

    /// Writes the rows still buffered.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try run(try db.makeStatement(sql: Self.sql(head, rowTemplate, rows: pending.count)))
    }

    private func run(_ statement: Statement) throws {
        let stmt = statement.sqliteStatement
        var index: Int32 = 1
        for row in pending {
            bind(row, stmt, index)
            index += parameters
        }
        defer { pending.removeAll(keepingCapacity: true) }
        try TermDictionary.step(stmt, db: statement)
    }
}
