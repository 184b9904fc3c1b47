import GRDB
import GRDBSQLite

/// One-text-parameter lookups on a cached statement, stepped through SQLite directly.
///
/// Name resolution runs a few of these on every query; GRDB's fetch path builds an
/// arguments array, a cursor and a scheduling check for each, which costs more than the index
/// seek itself. Failures surface as the `DatabaseError` GRDB would have thrown, so the
/// canceller's interrupt and the store's corruption checks see them as before.
extension Statement {
    /// Whether the statement, with `text` bound to its one parameter, yields a row.
    func hasRow(binding text: String) throws -> Bool {
        try stepping(text) { statement in try step(statement) }
    }

    /// The first column of every row the statement yields with `text` bound to its parameter.
    func strings(binding text: String) throws -> [String] {
        try stepping(text) { statement in
            var found: [String] = []
            while try step(statement) {
                if let value = sqlite3_column_text(statement, 0) { found.append(String(cString: value)) }
            }
            return found
        }
    }

    private func stepping<T>(_ text: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
        var text = text
        let bound = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, 1, "", 0, transient) }
            return sqlite3_bind_text(statement, 1, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
        guard bound == SQLITE_OK else { throw failure(bound) }
        return try body(statement)
    }

    /// Steps once: true on a row, false when done, else the error.
    private func step(_ statement: OpaquePointer) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code),
                             message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: sql)
    }
}
