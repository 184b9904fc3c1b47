import GRDB
import GRDBSQLite
import MitraModel

/// The names of the terms in one namespace, read once in name order: each term id's rank in
/// that order and its name as NUL-terminated bytes, so edges can be put in name order and
/// streamed without a lookup or a string per row.
final class TermNames {
    /// Term id → (rank in name order, offset of the name in `bytes`).
    private(set) var entries: [Int64: (rank: Int, offset: Int)] = [:]
    /// Term ids in name order.
    private(set) var ids: [Int64] = []
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// The IRI terms whose values start with `namespace` and go on, by the dictionary's value index.
    init(_ db: Database, namespace: String) throws {
        let statement = try db.makeStatement(sql: """
            SELECT id, substr(value, \(namespace.count + 1)) FROM terms
            WHERE value > ? AND value < ? AND kind = 1 AND datatype = '' AND lang = '' ORDER BY value
            """)
        try statement.setArguments([namespace, Self.upperBound(ofPrefix: namespace)])
        var buffer: [UInt8] = []
        let stmt = statement.sqliteStatement
        defer { sqlite3_reset(stmt) }
        while sqlite3_step(stmt) == SQLITE_ROW {
            let id = sqlite3_column_int64(stmt, 0)
            entries[id] = (ids.count, buffer.count)
            ids.append(id)
            if let text = sqlite3_column_text(stmt, 1) {
                buffer.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(stmt, 1))))
            }
            buffer.append(0)
        }
        bytes = .allocate(capacity: max(buffer.count, 1))
        _ = bytes.initialize(from: buffer)
        if buffer.isEmpty { bytes[0] = 0 }
    }

    deinit { bytes.deallocate() }

    /// The least string greater than every string that starts with `prefix` (its last
    /// character raised by one), so a range on an index finds the strings with that prefix.
    static func upperBound(ofPrefix prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else { return prefix + "\u{10FFFF}" }
        return String(String.UnicodeScalarView(scalars)) + String(next)
    }

    /// The rank of term `id` in name order (after every known one when unknown).
    func rank(_ id: Int64) -> Int { entries[id]?.rank ?? Int.max }

    /// The NUL-terminated name of term `id`; empty when unknown. Valid while this table lives.
    func name(_ id: Int64) -> UnsafePointer<UInt8> {
        UnsafePointer(bytes.baseAddress! + (entries[id]?.offset ?? (bytes.count - 1)))
    }
}
