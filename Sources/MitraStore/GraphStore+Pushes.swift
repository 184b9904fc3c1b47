import GRDB

/// What the store remembers of pushes to remote SPARQL stores: per endpoint, each named
/// graph sent and the hash of what was sent, so the next push sends only what changed.
///
/// The table is made by the first push that succeeds, not by a migration: a push that fails
/// before anything reached the endpoint leaves the store file exactly as it was.
extension GraphStore {
    /// graph IRI → hash of the payload last sent to `endpoint`.
    public func pushedGraphs(endpoint: String) throws -> [String: String] {
        try read { db in
            guard try db.tableExists("pushes") else { return [:] }
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
            try Self.createPushes(db)
            try db.execute(
                sql: "INSERT OR REPLACE INTO pushes (endpoint, graph, hash, pushed_at) VALUES (?, ?, ?, datetime('now'))",
                arguments: [endpoint, graph, hash])
        }
    }

    /// Records that `graph` was deleted from `endpoint`.
    public func forgetPush(endpoint: String, graph: String) throws {
        try write { db in
            guard try db.tableExists("pushes") else { return }
            try db.execute(sql: "DELETE FROM pushes WHERE endpoint = ? AND graph = ?", arguments: [endpoint, graph])
        }
    }

    private static func createPushes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS pushes (
                endpoint TEXT NOT NULL,
                graph TEXT NOT NULL,
                hash TEXT NOT NULL,
                pushed_at TEXT NOT NULL,
                PRIMARY KEY (endpoint, graph)
            ) WITHOUT ROWID
            """)
    }
}
