import Foundation
import GRDB
import MitraModel

/// A document as the store lists it.
public struct StoredDocument: Sendable, Equatable {
    public var id: String
    public var hash: String
    public var format: String
    public var addedAt: String
    public var claimCount: Int
    public var mentionCount: Int
    public var title: String? = nil
    public var url: String? = nil
    public var date: String? = nil
}

extension GraphStore {
    /// id → content hash of every stored document.
    public func documentHashes() throws -> [String: String] {
        try read { db in
            var hashes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, hash FROM documents") { hashes[row["id"]] = row["hash"] }
            return hashes
        }
    }

    public func documents() throws -> [StoredDocument] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.hash, d.format, d.added_at, d.title, d.url, d.date,
                       (SELECT count(*) FROM claims c WHERE c.doc = d.num) AS claims,
                       coalesce((SELECT count FROM mentions m WHERE m.doc = d.num), 0) AS mentions
                FROM documents d ORDER BY d.id
                """).map {
                StoredDocument(id: $0["id"], hash: $0["hash"], format: $0["format"], addedAt: $0["added_at"],
                               claimCount: $0["claims"], mentionCount: $0["mentions"],
                               title: $0["title"], url: $0["url"], date: $0["date"])
            }
        }
    }

    /// Removes documents and everything extracted from them, in one transaction, updating
    /// only the edges their claims touched; returns how many were removed.
    @discardableResult
    public func removeDocuments(_ ids: [String]) throws -> Int {
        try write { db in
            let writer = try GraphWriter(db)
            var removed = 0
            for id in ids where try writer.remove(id) { removed += 1 }
            try writer.finish()
            return removed
        }
    }

    /// Recomputes every edge from the claims and imported graphs. Call inside a write
    /// transaction.
    static func deriveEdges(in db: Database) throws {
        try EdgeDeriver.rebuildAll(in: db)
    }
}
