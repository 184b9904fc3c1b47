import Foundation
import GRDB
import GRDBSQLite
@testable import MitraStore
import MitraTestSupport
import Testing

/// Rows of mixed types go in many to a statement, wait until flushed, and all arrive in order.
@Suite struct BatchInserterTests {
    struct Item {
        var id: Int64
        var weight: Double
        var note: String?

        static func bind(_ r: Item, to stmt: OpaquePointer, from i: Int32) {
            sqlite3_bind_int64(stmt, i, r.id)
            sqlite3_bind_double(stmt, i + 1, r.weight)
            if let note = r.note { TermDictionary.bind(note, to: stmt, at: i + 2) } else { sqlite3_bind_null(stmt, i + 2) }
        }
    }

    struct Stored: Equatable {
        var id: Int64
        var weight: Double
        var note: String?
        var tag: Int64
    }

    /// Adds `items` through an inserter of `perStatement` rows; reads the table before and after `flush`.
    func roundTrip(_ items: [Item], perStatement: Int) throws -> (beforeFlush: Int, stored: [Stored], emptyAfter: Bool) {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        return try store.write { db in
            try db.execute(sql: "CREATE TABLE t (seq INTEGER PRIMARY KEY, id INTEGER, weight REAL, note TEXT, tag INTEGER)")
            let inserter = try BatchInserter<Item>(db, insert: "INSERT INTO t (id, weight, note, tag)",
                                                   rowTemplate: "(?, ?, ?, 9)", rowsPerStatement: perStatement, bind: Item.bind)
            for item in items { try inserter.add(item) }
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM t") ?? -1
            try inserter.flush()
            let stored = try Row.fetchAll(db, sql: "SELECT id, weight, note, tag FROM t ORDER BY seq").map { row in
                Stored(id: row[0], weight: row[1], note: row[2], tag: row[3])
            }
            return (before, stored, inserter.isEmpty)
        }
    }

    func items(_ count: Int) -> [Item] {
        (0..<count).map { Item(id: Int64($0), weight: Double($0) / 4, note: $0 % 3 == 0 ? nil : "n\($0) é") }
    }

    func expected(_ items: [Item]) -> [Stored] {
        items.map { Stored(id: $0.id, weight: $0.weight, note: $0.note, tag: 9) }
    }

    @Test func noRowsWriteNothing() throws {
        let result = try roundTrip([], perStatement: 4)
        #expect(result.beforeFlush == 0 && result.stored.isEmpty && result.emptyAfter)
    }

    @Test func oneRowWaitsForFlushThenArrivesWhole() throws {
        let one = [Item(id: 42, weight: 0.5, note: "holder")]
        let result = try roundTrip(one, perStatement: 4)
        #expect(result.beforeFlush == 0)
        #expect(result.stored == expected(one) && result.emptyAfter)
    }

    @Test func aFullStatementIsWrittenAtOnceAndThePartialRestOnFlush() throws {
        for (count, written) in [(4, 4), (5, 4), (11, 8)] {
            let rows = items(count)
            let result = try roundTrip(rows, perStatement: 4)
            #expect(result.beforeFlush == written, "\(count) rows")
            #expect(result.stored == expected(rows), "\(count) rows")
        }
    }

    @Test func manyRowsArriveInTheOrderAdded() throws {
        let rows = items(1_000)
        let result = try roundTrip(rows, perStatement: 64)
        #expect(result.beforeFlush == 960)
        #expect(result.stored == expected(rows) && result.emptyAfter)
    }

    @Test func aFailingRowIsReportedAndTheBufferStartsAfresh() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        try store.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, weight REAL, note TEXT)")
            let inserter = try BatchInserter<Item>(db, insert: "INSERT INTO t (id, weight, note)", rowTemplate: "(?, ?, ?)",
                                                   rowsPerStatement: 2, bind: Item.bind)
            try inserter.add(Item(id: 1, weight: 0, note: nil))
            #expect(throws: DatabaseError.self) { try inserter.add(Item(id: 1, weight: 0, note: nil)) }
            #expect(inserter.isEmpty)
            try inserter.add(Item(id: 2, weight: 0, note: nil))
            try inserter.flush()
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM t") == [2])
        }
    }
}
