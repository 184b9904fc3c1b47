import Foundation
import GRDB
import MitraStore
import MitraTestSupport
import Testing

/// Stores that cannot be used are refused with a message saying what to do, and left as
/// they were, byte for byte.
@Suite struct BadStoreTests {
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aMissingStoreSaysToBuildOne() {
        let path = Fixtures.temporaryDirectory() + "/none.sqlite"
        do {
            _ = try GraphStore(path: path)
            Issue.record("a missing store must not open")
        } catch let error as StoreError {
            #expect(error.kind == .missing && error.description.contains("mitragraph build"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anotherApplicationsDatabaseIsLeftAlone() throws {
        let path = Fixtures.temporaryDirectory() + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')") }
        try queue.close()
        let before = bytes(path)
        do {
            _ = try GraphStore(path: path, create: true)
            Issue.record("another application's database must not open")
        } catch let error as StoreError {
            #expect(error.kind == .notAStore && error.message.contains("nothing was changed"))
        }
        #expect(bytes(path) == before)
    }

    @Test func aStoreOfANewerSchemaAsksForANewerMitragraph() throws {
        let path = Fixtures.temporaryDirectory() + "/newer.sqlite"
        _ = try GraphStore(path: path, create: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try queue.close()
        let before = bytes(path)
        do {
            _ = try GraphStore(path: path, create: true)
            Issue.record("a newer store must not open")
        } catch let error as StoreError {
            #expect(error.kind == .newerSchema && error.message.contains("upgrade mitragraph"))
        }
        #expect(bytes(path) == before)
    }

    @Test func aCorruptStoreIsReportedAndNotOverwritten() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = dir + "/kg.sqlite"
        Fixtures.write("Kratom contains mitragynine.\n", to: "in/a.txt", in: dir)
        try GraphBuilder(store: try GraphStore(path: path, create: true), ontology: Fixtures.ontology).build(paths: [dir + "/in"])
        // Keep the SQLite header and application id; scribble over every page after the first.
        var data = try #require(bytes(path))
        #expect(data.count > 8192)
        for i in 4096..<data.count { data[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try data.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        do {
            let store = try GraphStore(path: path, create: true)
            _ = try store.statistics()
            Issue.record("a corrupt store must be refused")
        } catch let error as StoreError {
            #expect(error.kind == .corrupt && error.message.contains("rebuild"))
        } catch {
            Issue.record("a corrupt store must be a StoreError, not \(error)")
        }
        #expect(bytes(path) == data)
    }

    @Test func aTextFileNamedLikeAStoreIsNotOpened() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("not a database, just text", to: "notes.sqlite", in: dir)
        #expect(throws: StoreError.self) { try GraphStore(path: path, create: true) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, just text")
    }
}
