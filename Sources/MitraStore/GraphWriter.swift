import Foundation
import GRDB
import MitraModel
import MitraOntology
import MitraRDF

/// Writes documents and the ontology inside one open write transaction into the relational
/// tables, the single source of truth: a document's text once, its sentences and mentions as
/// spans of it, its claims keyed by integers (document number, term ids of the entities, the
/// predicate and the rule). It remembers which (subject, predicate, object) keys it touched so
/// `finish` can re-derive only those edges.
final class GraphWriter {
    let db: Database
    let terms: TermDictionary
    let quads: QuadInserter
    private(set) var affected: Set<EdgeKey> = []
    private let time: String
    private let insertDocument, insertSentence, insertMention, insertClaim: RowInserter
    /// Term ids of entity ids, predicate names and rules, without building their IRIs again.
    private var entityTerms: [String: Int64] = [:]
    private var predicateTerms: [String: Int64] = [:]
    private var ruleTerms: [String: Int64] = [:]

    init(_ db: Database, time: String = ISO8601DateFormatter().string(from: Date())) throws {
        self.db = db
        self.time = time
        terms = try TermDictionary(db)
        quads = try QuadInserter(db)
        insertDocument = try RowInserter(db, sql: """
            INSERT INTO documents (id, hash, format, added_at, text, title, url, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertSentence = try RowInserter(db, sql: "INSERT INTO sentences (doc, idx, start, \"end\") VALUES (?, ?, ?, ?)")
        insertMention = try RowInserter(db, sql: """
            INSERT OR IGNORE INTO mentions (doc, start, "end", entity, sentence) VALUES (?, ?, ?, ?, ?)
            """)
        insertClaim = try RowInserter(db, sql: """
            INSERT INTO claims (doc, sentence, subject, predicate, object, subject_start, subject_end,
                                object_start, object_end, negated, hedged, rule, confidence, holder)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    // MARK: Documents

    /// Replaces whatever the store held for the document's id with this extraction.
    func replace(document doc: Document, sentences: [Sentence], mentions: [Mention], claims: [Claim]) throws {
        try remove(doc.id)
        try insertDocument.run(.text(doc.id), .text(doc.contentHash), .text(doc.format), .text(time), .text(doc.text),
                               .optional(doc.title), .optional(doc.url), .optional(doc.date))
        let num = db.lastInsertedRowID
        for s in sentences {
            try insertSentence.run(.int(num), .int(s.index), .int(s.span.start), .int(s.span.end))
        }
        for m in mentions {
            try insertMention.run(.int(num), .int(m.span.start), .int(m.span.end), .int(try entityTerm(m.entityID)),
                                  .int(m.sentenceIndex))
        }
        for c in claims {
            try insertClaim.run(
                .int(num), .int(c.sentenceIndex), .int(try entityTerm(c.subject)), .int(try predicateTerm(c.predicate)),
                .int(try entityTerm(c.object)), .int(c.subjectSpan.start), .int(c.subjectSpan.end),
                .int(c.objectSpan.start), .int(c.objectSpan.end), .bool(c.negated), .bool(c.hedged),
                .int(try ruleTerm(c.rule)), .double(c.confidence), .optional(c.holder))
            affected.insert(c.key)
        }
    }

    private func entityTerm(_ id: String) throws -> Int64 {
        if let t = entityTerms[id] { return t }
        let t = try terms.id(iri: Namespace.entity + id)
        entityTerms[id] = t
        return t
    }

    private func predicateTerm(_ name: String) throws -> Int64 {
        if let t = predicateTerms[name] { return t }
        let t = try terms.id(iri: Namespace.ontology + name)
        predicateTerms[name] = t
        return t
    }

    private func ruleTerm(_ rule: String) throws -> Int64 {
        if let t = ruleTerms[rule] { return t }
        let t = try terms.id(of: .literal(rule))
        ruleTerms[rule] = t
        return t
    }

    /// Removes a document, its sentences, mentions and claims; returns whether it was stored.
    @discardableResult
    func remove(_ id: String) throws -> Bool {
        guard let num = try Int64.fetchOne(db.cachedStatement(sql: "SELECT num FROM documents WHERE id = ?"), arguments: [id])
        else { return false }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT substr(ts.value, ?), substr(tp.value, ?), substr(tob.value, ?) FROM claims c
            JOIN terms ts ON ts.id = c.subject JOIN terms tp ON tp.id = c.predicate JOIN terms tob ON tob.id = c.object
            WHERE c.doc = ?
            """), arguments: [Self.entityStart, Self.predicateStart, Self.entityStart, num]) {
            affected.insert(EdgeKey(subject: row[0], predicate: row[1], object: row[2]))
        }
        for sql in ["DELETE FROM claims WHERE doc = ?", "DELETE FROM mentions WHERE doc = ?",
                    "DELETE FROM sentences WHERE doc = ?", "DELETE FROM documents WHERE num = ?"] {
            try db.cachedStatement(sql: sql).execute(arguments: [num])
        }
        return true
    }

    /// Where an entity id starts in its term's IRI, as SQL's `substr` counts (from 1).
    static let entityStart = Namespace.entity.count + 1
    /// Where a predicate name starts in its term's IRI.
    static let predicateStart = Namespace.ontology.count + 1

    // MARK: Ontology

    /// Replaces the ontology's tables and graph when its fingerprint differs from the stored
    /// one; returns whether it did.
    @discardableResult
    func writeOntology(_ ontology: Ontology, rulesVersion: String = "", force: Bool = false) throws -> Bool {
        let fingerprint = OntologyFingerprint.of(ontology, rulesVersion: rulesVersion)
        if !force, try Self.meta("ontology_hash", in: db) == fingerprint { return false }
        try GraphStore.writeOntology(ontology, to: db)
        let g = try terms.id(iri: StoreGraphs.ontology)
        try db.execute(sql: "DELETE FROM quads WHERE g = ?", arguments: [g])
        for quad in try OntologyFingerprint.quads(of: ontology) {
            try quads.add(g, try terms.id(of: quad.subject), try terms.id(of: quad.predicate), try terms.id(of: quad.object))
        }
        try Self.setMeta("ontology_hash", fingerprint, in: db)
        return true
    }

    // MARK: Edges

    /// Re-derives the edges of every key touched since the writer opened.
    func finish() throws {
        try EdgeDeriver.refresh(affected, in: db)
        affected.removeAll()
    }

    static func meta(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
