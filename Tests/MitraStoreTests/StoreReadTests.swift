import Foundation
import GRDB
import GRDBSQLite
import MitraModel
@testable import MitraStore
import MitraTestSupport
import Testing

/// How the single connection of an up-to-date store reads: a snapshot that keeps its
/// prepared statements from one read to the next and cannot write.
@Suite struct StoreReadTests {
    /// A store made, closed and opened again, so it opens up to date (one connection).
    func reopenedStore() throws -> GraphStore {
        let path = Fixtures.temporaryDirectory("mitragraph-reads") + "/kg.sqlite"
        _ = try GraphStore(path: path, create: true)
        return try GraphStore(path: path)
    }

    @Test func readsKeepPreparedStatements() throws {
        let store = try reopenedStore()
        let sql = "SELECT count(*) FROM entities WHERE id = ?"
        for _ in 0..<3 {
            _ = try store.read { db in try Int.fetchOne(db.cachedStatement(sql: sql), arguments: ["kratom"]) }
        }
        // Switching `query_only` around each read would expire every statement, and each
        // read would prepare it again.
        let reprepared = try store.read { db in
            sqlite3_stmt_status(try db.cachedStatement(sql: sql).sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0)
        }
        #expect(reprepared == 0)
    }

    @Test func readsCannotWriteAndWritesStillDo() throws {
        let store = try reopenedStore()
        #expect(throws: (any Error).self) {
            try store.read { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('read', 'wrote')") }
        }
        try store.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('write', 'wrote')") }
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'write'") } == "wrote")
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'read'") } == nil)
        // After the write, reads are guarded again.
        #expect(throws: (any Error).self) {
            try store.read { db in try db.execute(sql: "DELETE FROM meta") }
        }
    }

    @Test func planStatementsAreReusedAndBounded() throws {
        let store = try reopenedStore()
        try store.read { db in
            let plans = PlanStatements()
            let first = try plans.statement("SELECT 1", in: db)
            #expect(try plans.statement("SELECT 1", in: db) === first)
            #expect(try Int.fetchOne(first) == 1)
            for i in 0..<PlanStatements.capacity { _ = try plans.statement("SELECT \(i + 2)", in: db) }
            // Full, the cache was emptied: the first plan is prepared again.
            #expect(try plans.statement("SELECT 1", in: db) !== first)
        }
    }
}
