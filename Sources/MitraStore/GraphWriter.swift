import Foundation
import GRDB
import GRDBSQLite
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
    /// Edge keys (term ids of subject, predicate, object) whose claims changed.
    private(set) var affected: Set<SIMD3<Int64>> = []
    /// Set by a bulk load into an empty store: every edge is derived at the end, so keys
    /// need not be remembered one by one.
    var deriveAll = false
    /// The edges of a bulk load, counted as its claims are written.
    private var tally = EdgeTally()
    private var tallyHolds = true
    private let time: String
    private let insertDocument, insertSentence, insertMention: RowInserter
    private let insertClaims: BatchInserter<ClaimRow>
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
        insertSentence = try RowInserter(db, sql: "INSERT INTO sentences (doc, count, spans) VALUES (?, ?, ?)")
        insertMention = try RowInserter(db, sql: "INSERT INTO mentions (doc, count, spans) VALUES (?, ?, ?)")
        insertClaims = try BatchInserter(db, insert: """
            INSERT INTO claims (doc, sentence, subject, predicate, object, subject_start, subject_end,
                                object_start, object_end, negated, hedged, rule, confidence, holder)
            """, rowTemplate: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bind: ClaimRow.bind)
    }

    // MARK: Documents

    /// Replaces whatever the store held for the document's id with this extraction.
    func replace(document doc: Document, sentences: [Sentence], mentions: [Mention], claims: [Claim]) throws {
        try remove(doc.id)
        let d = insertDocument
        d.bind(1, doc.id); d.bind(2, doc.contentHash); d.bind(3, doc.format); d.bind(4, time); d.bind(5, doc.text)
        d.bind(6, doc.title); d.bind(7, doc.url); d.bind(8, doc.date)
        try d.run()
        let num = db.lastInsertedRowID
        if !sentences.isEmpty {
            // Sentence n is the n-th span: extraction numbers them in order from 0.
            let s = insertSentence
            s.bind(1, num); s.bind(2, sentences.count); s.bind(3, PackedSentences.pack(sentences.map(\.span)))
            try s.run()
        }
        if !mentions.isEmpty {
            let packed = PackedMention.pack(try mentions.map {
                PackedMention(start: $0.span.start, end: $0.span.end, entity: try entityTerm($0.entityID), sentence: $0.sentenceIndex)
            })
            let m = insertMention
            m.bind(1, num); m.bind(2, mentions.count); m.bind(3, packed)
            try m.run()
        }
        for c in claims {
            let key = SIMD3(try entityTerm(c.subject), try predicateTerm(c.predicate), try entityTerm(c.object))
            try insertClaims.add(ClaimRow(doc: num, key: key, claim: c, rule: try ruleTerm(c.rule)))
            if deriveAll { tally.add(key, document: num, negated: c.negated, hedged: c.hedged) } else { affected.insert(key) }
        }
    }

    /// Writes the claims still buffered; anything that reads the claims table calls it first.
    func flush() throws {
        try insertClaims.flush()
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
        try flush()
        // Claims already tallied are going: the tally no longer holds, SQL derives instead.
        if deriveAll { tallyHolds = false }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT subject, predicate, object FROM claims WHERE doc = ?"),
                                    arguments: [num]) {
            affected.insert(SIMD3(row[0], row[1], row[2]))
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

    /// Whether the stored ontology has this fingerprint (`OntologyFingerprint.of`).
    func holds(fingerprint: String) throws -> Bool {
        try Self.meta("ontology_hash", in: db) == fingerprint
    }

    /// Replaces the ontology's tables and graph when its fingerprint differs from the stored
    /// one; returns whether it did.
    @discardableResult
    func writeOntology(_ ontology: Ontology, rulesVersion: String = "", force: Bool = false) throws -> Bool {
        let fingerprint = OntologyFingerprint.of(ontology, rulesVersion: rulesVersion)
        if !force, try holds(fingerprint: fingerprint) { return false }
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
        try flush()
        if deriveAll {
            // Imported support is merged by SQL; a store without any takes the tally as is.
            let imported = try Bool.fetchOne(db, sql: "SELECT 1 FROM graph_edges LIMIT 1") == true
            if !tallyHolds || imported {
                try EdgeDeriver.refreshAllClaims(in: db)
            } else {
                try insertTally()
            }
            tally = EdgeTally()
            tallyHolds = true
        } else {
            try EdgeDeriver.refresh(ids: affected, in: db)
        }
        affected.removeAll()
        deriveAll = false
    }

    /// Writes the tallied edges of a bulk load into an empty edge table.
    private func insertTally() throws {
        let insert = try RowInserter(db, sql: """
            INSERT INTO edges (s, p, o, supporting_docs, denying_docs, hedged_claims, claim_count,
                               self_contradicting, contested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // In key order, so the table grows at its end.
        for (key, counts) in tally.edges.sorted(by: { ($0.key.x, $0.key.y, $0.key.z) < ($1.key.x, $1.key.y, $1.key.z) }) {
            let c = counts.finished
            insert.bind(1, key.x); insert.bind(2, key.y); insert.bind(3, key.z)
            insert.bind(4, c.supporting); insert.bind(5, c.denying); insert.bind(6, c.hedged); insert.bind(7, c.claims)
            insert.bind(8, c.both)
            insert.bind(9, Edge.isContested(supporting: c.supporting, denying: c.denying, selfContradicting: c.both))
            try insert.run()
        }
    }

    static func meta(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }
}

/// One claim's row, as the claims table keeps it: integers for the document, the terms and
/// the spans, waiting in a `BatchInserter` for a statement's worth.
struct ClaimRow {
    var doc: Int64
    var key: SIMD3<Int64>
    var sentence, subjectStart, subjectEnd, objectStart, objectEnd: Int
    var negated, hedged: Bool
    var rule: Int64
    var confidence: Double
    var holder: String?

    init(doc: Int64, key: SIMD3<Int64>, claim c: Claim, rule: Int64) {
        self.doc = doc
        self.key = key
        sentence = c.sentenceIndex
        subjectStart = c.subjectSpan.start; subjectEnd = c.subjectSpan.end
        objectStart = c.objectSpan.start; objectEnd = c.objectSpan.end
        negated = c.negated; hedged = c.hedged
        self.rule = rule
        confidence = c.confidence
        holder = c.holder
    }

    static func bind(_ r: ClaimRow, to stmt: OpaquePointer, from i: Int32) {
        func int(_ offset: Int32, _ value: Int64) { sqlite3_bind_int64(stmt, i + offset, value) }
        int(0, r.doc); int(1, Int64(r.sentence)); int(2, r.key.x); int(3, r.key.y); int(4, r.key.z)
        int(5, Int64(r.subjectStart)); int(6, Int64(r.subjectEnd)); int(7, Int64(r.objectStart)); int(8, Int64(r.objectEnd))
        int(9, r.negated ? 1 : 0); int(10, r.hedged ? 1 : 0); int(11, r.rule)
        sqlite3_bind_double(stmt, i + 12, r.confidence)
        if let holder = r.holder { TermDictionary.bind(holder, to: stmt, at: i + 13) } else { sqlite3_bind_null(stmt, i + 13) }
    }
}

/// Edge counts kept while a bulk load writes its claims, a document at a time: the same
/// numbers `EdgeDeriver` derives in SQL, without reading the claims back.
struct EdgeTally {
    struct Counts {
        var supporting = 0, denying = 0, hedged = 0, claims = 0, both = 0
        /// The document whose claims are being counted, and what they said so far.
        var document: Int64 = -1
        var affirms = false, denies = false

        /// The counts with the current document's verdict added.
        var finished: Counts {
            var c = self
            if affirms { c.supporting += 1 }
            if denies { c.denying += 1 }
            if affirms && denies { c.both += 1 }
            c.affirms = false
            c.denies = false
            return c
        }
    }

    private(set) var edges: [SIMD3<Int64>: Counts] = [:]

    mutating func add(_ key: SIMD3<Int64>, document: Int64, negated: Bool, hedged: Bool) {
        // Modified in place: one lookup per claim.
        Self.count(&edges[key, default: Counts()], document: document, negated: negated, hedged: hedged)
    }

    private static func count(_ c: inout Counts, document: Int64, negated: Bool, hedged: Bool) {
        if c.document != document {
            c = c.finished
            c.document = document
        }
        if negated { c.denies = true } else { c.affirms = true }
        if hedged { c.hedged += 1 }
        c.claims += 1
    }
}
