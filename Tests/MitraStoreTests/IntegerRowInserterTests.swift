import Foundation
import GRDB
@testable import MitraStore
import MitraTestSupport
import Testing

/// Rows of integers go in many to a statement and all arrive, however many there are.
@Suite struct IntegerRowInserterTests {
    /// Inserts `rows` into a fresh table through an inserter of `perStatement` rows, and reads the table back.
    func roundTrip(_ rows: [(Int64, Int64, Int64)], perStatement: Int) throws -> (stored: [[Int64]], inserted: Int) {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        return try store.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER, d INTEGER, PRIMARY KEY (a, b, c)) WITHOUT ROWID")
            let inserter = try IntegerRowInserter(db, insert: "INSERT OR IGNORE INTO t (a, b, c, d)", rowTemplate: "(?, ?, ?, 7)",
                                                  rowsPerStatement: perStatement)
            for (a, b, c) in rows { try inserter.add(a, b, c) }
            try inserter.flush()
            let stored = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY a, b, c").map { row in
                (0..<4).map { row[$0] as Int64 }
            }
            return (stored, inserter.inserted)
        }
    }

    @Test func noRowsWriteNothing() throws {
        let result = try roundTrip([], perStatement: 4)
        #expect(result.stored.isEmpty && result.inserted == 0)
    }

    @Test func oneRowArrivesWithTheTemplatesConstant() throws {
        let result = try roundTrip([(1, 2, 3)], perStatement: 4)
        #expect(result.stored == [[1, 2, 3, 7]] && result.inserted == 1)
    }

    @Test func exactlyOneStatementsWorthAndThenSome() throws {
        for count in [4, 5, 11] {
            let rows = (0..<Int64(count)).map { ($0, $0 * 2, -$0) }
            let result = try roundTrip(rows, perStatement: 4)
            #expect(result.stored == rows.map { [$0.0, $0.1, $0.2, 7] }, "\(count) rows")
            #expect(result.inserted == count)
        }
    }

    @Test func manyRowsWithDuplicatesCountOnlyTheNewOnes() throws {
        let distinct = (0..<Int64(1_000)).map { ($0 % 10, $0 / 10, $0) }
        let result = try roundTrip(distinct + distinct.prefix(300), perStatement: 128)
        #expect(result.stored.count == 1_000 && result.inserted == 1_000)
    }
}
