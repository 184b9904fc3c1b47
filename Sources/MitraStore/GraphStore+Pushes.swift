import GRDB

/// What the store remembers of pushes to remote SPARQL stores: per endpoint, each named
/// graph sent and the hash of what was sent, so the next push sends only what changed.
///
/// A table of its own (`pushes`), made by the store's migrations like every other: nothing
/// else reads it, and nothing in it feeds queries or exports.
enum PushesTable {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-pushes") { db in
            try db.execute(sql: """
                CREATE TABLE pushes (
                    endpoint TEXT NOT NULL,
                    graph TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    pushed_at TEXT NOT NULL,
                    PRIMARY KEY (endpoint, graph)
                ) WITHOUT ROWID
                """)
        }
    }
}

extension GraphStore {
    /// graph IRI → hash of the payload last sent to `endpoint`.
    public func pushedGraphs(endpoint: String) throws -> [String: String] {
        try read { db in
            var hashes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT graph, hash FROM pushes WHERE endpoint = ?", arguments: [endpoint]) {
                hashes[row[0]] = row[1]
            }
            return hashes
        }
    }

    /// Records that `graph` with payload hash `hash` now stands at `endpoint`.
    public func recordPush(endpoint: String, graph: String, hash: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO pushes (endpoint, graph, hash, pushed_at) VALUES (?, ?, ?, datetime('now'))",
                arguments: [endpoint, graph, hash])
        }
    }

    /// Records that `graph` was deleted from `endpoint`.
    public func forgetPush(endpoint: String, graph: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM pushes WHERE endpoint = ? AND graph = ?", arguments: [endpoint, graph])
        }
    }
}
