import Foundation
import GRDB
@testable import MitraStore
import MitraTestSupport
import Testing

/// `writeOnce`: a rollback journal for the transaction when the writer is alone, the WAL
/// otherwise, and a store it leaves cut short put back by the next open.
@Suite struct WriteOnceTests {
    static func journalMode(_ db: Database) throws -> String? { try String.fetchOne(db, sql: "PRAGMA journal_mode") }

    @Test func aLoneWriterUsesARollbackJournalAndReturnsToTheWAL() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        #expect(try store.writeOnce(if: { _ in true }, Self.journalMode) == "delete")
        #expect(try store.write(Self.journalMode) == "wal")
        #expect(try store.writeOnce(if: { _ in false }, Self.journalMode) == "wal")
    }

    @Test func theStoresOwnIdleReaderDoesNotKeepTheWAL() throws {
        // A new store is a pool; a build reads its settings (a reader connection) first.
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        #expect(!store.isSingleConnection)
        _ = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM quads") }
        #expect(try store.writeOnce(if: { _ in true }, Self.journalMode) == "delete")
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM quads") } == 0)
    }

    @Test func anotherConnectionKeepsTheWALWithoutWaiting() throws {
        let path = Fixtures.temporaryDirectory() + "/kg.sqlite"
        let store = try GraphStore(path: path, create: true)
        let other = try DatabaseQueue(path: path)
        defer { try? other.close() }
        _ = try other.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM quads") }
        let started = Date()
        #expect(try store.writeOnce(if: { _ in true }, Self.journalMode) == "wal")
        #expect(Date().timeIntervalSince(started) < 2, "a refused switch must not wait for the busy timeout")
    }

    @Test func aWriteCutShortIsRolledBackByTheNextOpen() throws {
        let dir = Fixtures.temporaryDirectory()
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        try store.write { db in try db.execute(sql: "CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)") }
        let copy = dir + "/cut.sqlite"
        try store.writeOnce(if: { _ in true }) { db in
            // A small cache spills the pages into the file while the transaction runs.
            try db.execute(sql: """
                PRAGMA cache_size = 10;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO scratch SELECT randomblob(500) FROM n;
                """)
            // The files as a kill at this moment would leave them.
            for suffix in ["", "-journal"] { try FileManager.default.copyItem(atPath: dir + "/kg.sqlite" + suffix, toPath: copy + suffix) }
        }
        #expect(FileManager.default.fileExists(atPath: copy + "-journal"))
        let reopened = try GraphStore(path: copy)
        #expect(try reopened.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM scratch") } == 1)
        #expect(try reopened.read(Self.journalMode) == "wal")
        #expect(try CrashSafetyTests.integrity(copy) == "ok")
        #expect(!FileManager.default.fileExists(atPath: copy + "-journal"))
    }
}
