import Foundation
import GRDB
import MitraStore
import MitraTestSupport
import Testing

/// What `push` records per endpoint lives in the store's own table, made by its migrations.
@Suite struct PushLedgerTests {
    @Test func recordsAndForgetsGraphsPerEndpoint() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        #expect(try store.pushedGraphs(endpoint: "http://a").isEmpty)
        try store.recordPush(endpoint: "http://a", graph: "g1", hash: "h1")
        try store.recordPush(endpoint: "http://a", graph: "g2", hash: "h2")
        try store.recordPush(endpoint: "http://b", graph: "g1", hash: "other")
        try store.recordPush(endpoint: "http://a", graph: "g1", hash: "h3")
        #expect(try store.pushedGraphs(endpoint: "http://a") == ["g1": "h3", "g2": "h2"])
        try store.forgetPush(endpoint: "http://a", graph: "g2")
        #expect(try store.pushedGraphs(endpoint: "http://a") == ["g1": "h3"])
        #expect(try store.pushedGraphs(endpoint: "http://b") == ["g1": "other"])
    }

    @Test func theTableIsMadeByAMigration() throws {
        let path = Fixtures.temporaryDirectory() + "/kg.sqlite"
        _ = try GraphStore(path: path, create: true)
        let queue = try DatabaseQueue(path: path)
        let (table, migrations) = try queue.read { db in
            (try db.tableExists("pushes"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(table && migrations.contains("v4-pushes"))
    }
}
