import Foundation
import GRDB
import MitraExtraction
import MitraModel
import MitraOntology
import MitraRDF

/// Writes documents and the ontology inside one open write transaction, in both shapes the
/// store keeps: the relational tables the query engine reads and the quads of the triple
/// store. It remembers which (subject, predicate, object) keys it touched so `finish` can
/// re-derive only those edges.
final class GraphWriter {
    let db: Database
    let terms: TermDictionary
    let quads: QuadInserter
    private(set) var affected: Set<EdgeKey> = []
    private let time: String
    private let iri: IRIs

    /// Term ids of the IRIs every claim uses, looked up once.
    private struct IRIs {
        var type, subject, predicate, object, derivedFrom, claim, document: Int64
        var sentence, negated, hedged, rule, confidence: Int64
        var trueLiteral, falseLiteral: Int64
    }

    init(_ db: Database, time: String = ISO8601DateFormatter().string(from: Date())) throws {
        self.db = db
        self.time = time
        terms = try TermDictionary(db)
        quads = try QuadInserter(db)
        let mg = Namespace.ontology
        let t = terms
        iri = IRIs(
            type: try t.id(iri: Namespace.rdf + "type"), subject: try t.id(iri: Namespace.rdf + "subject"),
            predicate: try t.id(iri: Namespace.rdf + "predicate"), object: try t.id(iri: Namespace.rdf + "object"),
            derivedFrom: try t.id(iri: Namespace.prov + "wasDerivedFrom"), claim: try t.id(iri: mg + "Claim"),
            document: try t.id(iri: mg + "Document"), sentence: try t.id(iri: mg + "sentence"),
            negated: try t.id(iri: mg + "negated"), hedged: try t.id(iri: mg + "hedged"),
            rule: try t.id(iri: mg + "rule"), confidence: try t.id(iri: mg + "confidence"),
            trueLiteral: try t.id(of: .literal("true", datatype: Namespace.xsd + "boolean")),
            falseLiteral: try t.id(of: .literal("false", datatype: Namespace.xsd + "boolean")))
    }

    // MARK: Documents

    /// Replaces whatever the store held for the document's id with this extraction.
    func replace(_ result: ExtractionResult) throws {
        let doc = result.document
        try remove(doc.id)
        try db.cachedStatement(sql: "INSERT INTO documents (id, hash, format, added_at, text) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [doc.id, doc.contentHash, doc.format, time, doc.text])
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
                                object_start, object_end, negated, hedged, rule, confidence, holder)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in result.claims {
            try claim.execute(arguments: [
                doc.id, c.sentenceIndex, c.subject, c.predicate, c.object, c.subjectSpan.start, c.subjectSpan.end,
                c.objectSpan.start, c.objectSpan.end, c.negated, c.hedged, c.rule, c.confidence, c.holder,
            ])
            affected.insert(c.key)
        }
        try writeQuads(of: result)
    }

    /// The document's graph: the document, each claim reified with its provenance, and the
    /// plain triple for each affirmed claim.
    private func writeQuads(of result: ExtractionResult) throws {
        let docIRI = StoreGraphs.document(result.document.id)
        let g = try terms.uncachedID(iri: docIRI)
        try quads.add(g, g, iri.type, iri.document)
        let xsd = Namespace.xsd
        for (n, c) in result.claims.enumerated() {
            let node = try terms.uncachedID(iri: StoreGraphs.claim(document: result.document.id, index: n))
            let s = try terms.id(iri: Namespace.entity + c.subject)
            let p = try terms.id(iri: Namespace.ontology + c.predicate)
            let o = try terms.id(iri: Namespace.entity + c.object)
            try quads.add(g, node, iri.type, iri.claim)
            try quads.add(g, node, iri.subject, s)
            try quads.add(g, node, iri.predicate, p)
            try quads.add(g, node, iri.object, o)
            try quads.add(g, node, iri.derivedFrom, g)
            try quads.add(g, node, iri.sentence, try terms.id(of: .literal(String(c.sentenceIndex), datatype: xsd + "integer")))
            try quads.add(g, node, iri.negated, c.negated ? iri.trueLiteral : iri.falseLiteral)
            try quads.add(g, node, iri.hedged, c.hedged ? iri.trueLiteral : iri.falseLiteral)
            try quads.add(g, node, iri.rule, try terms.id(of: .literal(c.rule)))
            try quads.add(g, node, iri.confidence, try terms.id(of: .literal(String(c.confidence), datatype: xsd + "double")))
            if !c.negated { try quads.add(g, s, p, o) }
        }
    }

    /// Removes a document, its claims, mentions and graph; returns whether it was stored.
    @discardableResult
    func remove(_ id: String) throws -> Bool {
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT subject, predicate, object FROM claims WHERE doc = ?"), arguments: [id])
        {
            affected.insert(EdgeKey(subject: row[0], predicate: row[1], object: row[2]))
        }
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [id])
        let removed = db.changesCount > 0
        if removed, let g = try terms.lookup(TermDictionary.Key(kind: TermDictionary.Kind.iri.rawValue, value: StoreGraphs.document(id), datatype: "", lang: "")) {
            try db.cachedStatement(sql: "DELETE FROM quads WHERE g = ?").execute(arguments: [g])
        }
        return removed
    }

    // MARK: Ontology

    /// Replaces the ontology's tables and graph when its fingerprint differs from the stored
    /// one; returns whether it did.
    @discardableResult
    func writeOntology(_ ontology: Ontology, force: Bool = false) throws -> Bool {
        let fingerprint = OntologyFingerprint.of(ontology)
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
