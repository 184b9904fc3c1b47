import Foundation
import GRDB
import MitraExtraction
import MitraModel

/// A document as the store lists it.
public struct StoredDocument: Sendable, Equatable {
    public var id: String
    public var hash: String
    public var format: String
    public var addedAt: String
    public var claimCount: Int
    public var mentionCount: Int
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
                SELECT d.id, d.hash, d.format, d.added_at,
                       (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims,
                       (SELECT count(*) FROM mentions m WHERE m.doc = d.id) AS mentions
                FROM documents d ORDER BY d.id
                """).map {
                StoredDocument(id: $0["id"], hash: $0["hash"], format: $0["format"], addedAt: $0["added_at"],
                               claimCount: $0["claims"], mentionCount: $0["mentions"])
            }
        }
    }

    /// Writes one document's extraction, replacing whatever the store held for its id.
    /// Call inside a write transaction.
    static func replace(_ result: ExtractionResult, in db: Database, at time: String) throws {
        let doc = result.document
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [doc.id])
        try db.execute(
            sql: "INSERT INTO documents (id, hash, format, added_at, text) VALUES (?, ?, ?, ?, ?)",
            arguments: [doc.id, doc.contentHash, doc.format, time, doc.text])
        let sentence = try db.cachedStatement(
            sql: "INSERT INTO sentences (doc, idx, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
        for s in result.sentences {
            try sentence.execute(arguments: [doc.id, s.index, s.span.start, s.span.end, s.text])
        }
        let mention = try db.cachedStatement(
            sql: "INSERT INTO mentions (doc, entity, start, \"end\", text, sentence) VALUES (?, ?, ?, ?, ?, ?)")
        for m in result.mentions {
            try mention.execute(arguments: [doc.id, m.entityID, m.span.start, m.span.end, m.text, m.sentenceIndex])
        }
        let claim = try db.cachedStatement(sql: """
            INSERT INTO claims (doc, sentence, subject, predicate, object, subject_start, subject_end,
                                object_start, object_end, negated, hedged, rule, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in result.claims {
            try claim.execute(arguments: [
                doc.id, c.sentenceIndex, c.subject, c.predicate, c.object, c.subjectSpan.start, c.subjectSpan.end,
                c.objectSpan.start, c.objectSpan.end, c.negated, c.hedged, c.rule, c.confidence,
            ])
        }
    }

    /// Removes documents and everything extracted from them; returns how many were removed.
    @discardableResult
    public func removeDocuments(_ ids: [String]) throws -> Int {
        try write { db in
            var removed = 0
            for id in ids {
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
                removed += db.changesCount
            }
            try Self.deriveEdges(in: db)
            return removed
        }
    }

    /// Recomputes every edge from the claims. Call inside a write transaction.
    static func deriveEdges(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM edges;
            INSERT INTO edges (subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count)
            SELECT subject, predicate, object,
                   count(DISTINCT CASE WHEN negated = 0 THEN doc END),
                   count(DISTINCT CASE WHEN negated = 1 THEN doc END),
                   sum(hedged),
                   count(*)
            FROM claims GROUP BY subject, predicate, object;
            """)
    }
}
