import Foundation
import GRDB
import MitraModel
import MitraOntology

/// One write transaction on the store, as builds see it: the stored documents, the ontology,
/// documents replaced or removed, and the edges re-derived when the transaction ends. It hides
/// the tables; the transaction commits when `GraphStore.update`'s body returns and rolls back
/// when it throws.
public final class StoreWriter {
    let writer: GraphWriter
    private var bulk = false

    init(_ db: Database, time: String) throws {
        writer = try GraphWriter(db, time: time)
    }

    /// id → content hash of every stored document.
    public func documentHashes() throws -> [String: String] {
        var known: [String: String] = [:]
        for row in try Row.fetchAll(writer.db, sql: "SELECT id, hash FROM documents") { known[row[0]] = row[1] }
        return known
    }

    /// Whether the store holds an ontology yet.
    public func hasOntology() throws -> Bool {
        try GraphWriter.meta("ontology_hash", in: writer.db) != nil
    }

    /// Whether the store holds this ontology under this `rulesVersion` already, so that
    /// `writeOntology` would write nothing.
    public func holdsOntology(_ ontology: Ontology, rulesVersion: String) throws -> Bool {
        try writer.holds(fingerprint: OntologyFingerprint.of(ontology, rulesVersion: rulesVersion))
    }

    /// Replaces the ontology's tables and graph when its fingerprint (its files and
    /// `rulesVersion`, the extractor's) differs from the stored one; returns whether it did.
    @discardableResult
    public func writeOntology(_ ontology: Ontology, rulesVersion: String) throws -> Bool {
        try writer.writeOntology(ontology, rulesVersion: rulesVersion)
    }

    /// Replaces whatever the store held under the document's id.
    public func replace(document: Document, sentences: [Sentence], mentions: [Mention], claims: [Claim]) throws {
        try writer.replace(document: document, sentences: sentences, mentions: mentions, claims: claims)
    }

    /// Removes a stored document and everything extracted from it; returns whether it was stored.
    @discardableResult
    public func remove(_ id: String) throws -> Bool {
        try writer.remove(id)
    }

    /// A stored document as it was read, for extracting it again.
    public func document(_ id: String) throws -> Document? {
        try Row.fetchOne(writer.db, sql: "SELECT text, format, title, url, date FROM documents WHERE id = ?", arguments: [id]).map {
            Document(id: id, text: $0[0], format: $0[1], title: $0[2], url: $0[3], date: $0[4])
        }
    }

    /// Which input root each stored document was read from (documents stored before roots
    /// were kept, or read from standard input, have none).
    public func documentRoots() throws -> [String: String] {
        try DocumentRoots.fetch(writer.db)
    }

    /// Records the input root a stored document was read from.
    public func setRoot(_ root: String, of id: String) throws {
        try DocumentRoots.set(id, root: root, in: writer.db)
    }

    /// Remembers the `--ontology` folders the build layered over the shipped ontology.
    public func setOntologyLayers(_ layers: [String]) throws {
        try GraphWriter.setMeta(GraphStore.ontologyLayersKey, GraphStore.encodeLayers(layers), in: writer.db)
    }

    /// Declares a first load of many documents into an empty store: the claims' edge-key
    /// index is then built once at the end, by sorting, rather than kept up claim by claim.
    public func beginBulkLoad() throws {
        guard !bulk else { return }
        try writer.db.execute(sql: "DROP INDEX IF EXISTS claims_spo")
        bulk = true
        writer.deriveAll = true
    }

    /// Lets go of cached term ids, so memory stays flat over a long build.
    public func trimCaches() throws {
        try writer.terms.trimCache(above: 200_000)
    }

    /// Restores what a bulk load dropped and re-derives the edges of every key touched.
    func finish() throws {
        try writer.flush()
        if bulk {
            // One helper: 372k claims, 0.53 s → 0.27–0.33 s (Python's sqlite3).
            try writer.db.createIndexes([Schema.claimIndexes[1]], helperThreads: 1)
        }
        bulk = false
        try writer.finish()
    }
}

extension GraphStore {
    /// The page cache of a build's transaction, in SQLite's units (negative: KiB).
    static let buildCacheSize = -32768

    /// Runs `body` in one write transaction with a `StoreWriter`; the edges it touched are
    /// derived before the transaction commits. `firstLoad` declares a load large enough that,
    /// into a store without documents, its pages are best written once (`writeOnce`).
    public func update<T>(time: String = ISO8601DateFormatter().string(from: Date()), firstLoad: Bool = false,
                          _ body: (StoreWriter) throws -> T) throws -> T {
        try writeOnce(if: { db in
            try firstLoad && Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)") == 0
        }) { db in
            // Builds look rows up all over the file; a larger page cache keeps them in memory.
            try db.execute(sql: "PRAGMA cache_size = \(Self.buildCacheSize)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            let writer = try StoreWriter(db, time: time)
            let result = try body(writer)
            try writer.finish()
            return result
        }
    }
}

/// Which input root each stored document was read from, so a build removes only documents
/// gone from a root it listed. Kept beside the documents (made on first use, rows removed
/// with their document); documents stored before it, or read from standard input, have none.
enum DocumentRoots {
    static let create = """
        CREATE TABLE IF NOT EXISTS document_roots (
            doc TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            root TEXT NOT NULL
        ) WITHOUT ROWID
        """

    static func fetch(_ db: Database) throws -> [String: String] {
        try db.execute(sql: create)
        var roots: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT doc, root FROM document_roots") { roots[row[0]] = row[1] }
        return roots
    }

    static func set(_ id: String, root: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO document_roots (doc, root) VALUES (?, ?)")
            .execute(arguments: [id, root])
    }
}
