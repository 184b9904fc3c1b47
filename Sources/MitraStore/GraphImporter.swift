import Foundation
import GRDB
import MitraModel
import MitraOntology
import MitraRDF

/// What an import did.
public struct ImportReport: Sendable, Equatable {
    /// The named graph the statements went to.
    public var graph: String
    /// Statements read from the file.
    public var statements = 0
    /// Distinct quads stored (a repeated statement is stored once).
    public var quads = 0
    /// Statements between our entities with one of our predicates, which became edges.
    public var edges = 0
    /// Concepts typed with one of our classes, which became entities.
    public var entities = 0
    /// Statements in our vocabulary that did not become edges, as extraction would not make
    /// them: an end that is no entity, or outside the predicate's domain or range.
    public var rejectedEdges: [String] = []
    /// The graph held statements before and they were replaced.
    public var replaced = false
    public var seconds = 0.0
}

/// Loads an N-Triples or Turtle file into the store as one named graph, streaming it
/// through serd in one transaction.
///
/// Statements in our own vocabulary also enter the tables the query engine reads: a
/// triple `mge:A mg:p mge:B` with a predicate the ontology defines becomes support for the
/// edge (A, p, B), counted as if the graph were one document; a `skos:Concept` typed with
/// one of our classes and carrying a `skos:prefLabel` becomes an entity with its labels.
public struct GraphImporter {
    public let store: GraphStore

    public init(store: GraphStore) { self.store = store }

    /// Imports `file` into the graph `graph` (default: one named after the file), replacing
    /// what that graph held. A file that does not parse changes nothing.
    ///
    /// `ontology` is written first when the store has none yet (a store made by this
    /// import), so statements in our vocabulary become edges and entities; a store that
    /// already has one keeps it, since replacing it is a build's job (it re-extracts).
    /// `rulesVersion` is the extractor's, so the fingerprint matches the next build's.
    @discardableResult
    public func importFile(
        _ file: String, syntax: RDFSyntax, graph: String? = nil, ontology: Ontology? = nil, rulesVersion: String = ""
    ) throws -> ImportReport {
        let started = Date()
        let graphIRI = graph ?? StoreGraphs.importGraph(forFile: file)
        if StoreGraphs.isReserved(graphIRI) {
            throw StoreError(kind: .reservedGraph, path: store.path,
                             message: "the graph <\(graphIRI)> is written by builds; import into another --graph")
        }
        var attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if attributes == nil, !FileManager.default.fileExists(atPath: file) {
            throw RDFError(kind: .unreadableFile, source: file, message: "no such file")
        }
        let fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        attributes = nil
        // Into a store without quads (a new one, typically), the pages are written once.
        var report = try store.writeOnce(if: { db in
            try fileSize > 1_000_000 && Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM quads LIMIT 1)") == 0
        }) { db in
            if let ontology, try GraphWriter.meta("ontology_hash", in: db) == nil {
                try GraphWriter(db).writeOntology(ontology, rulesVersion: rulesVersion)
            }
            return try Self.load(file, syntax: syntax, graph: graphIRI, estimatedStatements: fileSize / 90, in: db)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The load itself, inside the caller's write transaction.
    static func load(
        _ file: String, syntax: RDFSyntax, graph graphIRI: String, estimatedStatements: Int, in db: Database
    ) throws -> ImportReport {
        var report = ImportReport(graph: graphIRI)
        let terms = try TermDictionary(db)
        let g = try terms.id(iri: graphIRI)

        // Replace the graph's earlier contents and its contributions to edges and entities.
        var oldKeys: Set<SIMD3<Int64>> = []
        for row in try Row.fetchAll(db, sql: "SELECT s, p, o FROM graph_edges WHERE graph = ?", arguments: [g]) {
            oldKeys.insert(SIMD3(row[0], row[1], row[2]))
        }
        report.replaced = try Int.fetchOne(db, sql: "SELECT count(*) FROM graphs WHERE iri = ?", arguments: [graphIRI]) ?? 0 > 0
        try db.execute(sql: """
            DELETE FROM quads WHERE g = ?; DELETE FROM graph_edges WHERE graph = ?;
            DELETE FROM entities WHERE source = ?; DELETE FROM graphs WHERE iri = ?;
            """, arguments: [g, g, graphIRI, graphIRI])
        try EdgeDeriver.refresh(ids: oldKeys, in: db)

        // A load larger than what the store holds is faster with the secondary indexes built
        // afterwards, by sorting, than kept up row by row. Still one transaction.
        let probe = max(estimatedStatements, 1)
        let existingQuads = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM quads LIMIT ?)", arguments: [probe]) ?? 0
        let existingEdges = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM edges LIMIT ?)", arguments: [probe]) ?? 0
        let bulk = estimatedStatements > 10_000 && existingQuads < estimatedStatements
        let bulkEdges = bulk && existingEdges < estimatedStatements / 2
        if bulk {
            for name in Schema.quadIndexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
            // A file names about one new term per ten statements; the stored ones are cached.
            let termsLimit = estimatedStatements / 40
            let existingTerms = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM terms LIMIT ?)", arguments: [termsLimit]) ?? 0
            if existingTerms < termsLimit { try terms.beginBulkLoad() }
        }
        try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0") }

        let vocabulary = try Vocabulary(db)
        var concepts: [String: ConceptDraft] = [:]
        let blankPrefix = "g\(g)-"
        var lastSubject: (bytes: [UInt8], id: Int64) = ([], 0)
        var lastPredicate: (bytes: [UInt8], id: Int64, ours: Bool) = ([], 0, false)
        var edges = ImportedEdges(predicates: vocabulary.predicates)

        // Sorted runs of 16k statements go in while the file is still being parsed, on the
        // core the parser leaves idle; a file grouped by subject (most dumps) gives runs
        // that land at the B-tree's end. 1M triples: 4.6–5.3 s → 4.2–4.4 s.
        let loader = try SortedQuadLoader(db, graph: g, capacity: 16_384)
        try RDFReader(syntax: syntax).readNodesInBackground(file: file) { s, p, o, _ in
            report.statements += 1
            // Bounds memory on files far larger than the benchmark's.
            if report.statements % 1_000_000 == 0 { try terms.trimCache(above: 4_000_000) }
            let sid: Int64
            if s.kind == .iri, s.value.equals(lastSubject.bytes) {
                sid = lastSubject.id
            } else {
                sid = try terms.id(of: s, blankPrefix: blankPrefix)
                if s.kind == .iri { lastSubject = (Array(s.value), sid) }
            }
            // Files repeat few predicates; the last one costs a byte comparison, not a lookup.
            if !p.value.equals(lastPredicate.bytes) {
                let pid = try terms.id(of: p, blankPrefix: blankPrefix)
                lastPredicate = (Array(p.value), pid, edges.predicate(pid, iri: p.value))
            }
            let pid = lastPredicate.id
            let oid = try terms.id(of: o, blankPrefix: blankPrefix)
            try loader.add(sid, pid, oid)
            if lastPredicate.ours { edges.add(sid, pid, oid, subject: s, object: o) }
            // Only typing and labelling statements about our entity IRIs say anything about entities.
            guard s.kind == .iri, p.value.count >= Vocabulary.shortestInterestingPredicate else { return }
            if p.value.equals(Vocabulary.typeBytes), o.kind == .iri {
                guard let subject = Vocabulary.local(s.value, after: Vocabulary.entityBytes) else { return }
                if o.value.equals(Vocabulary.conceptBytes) {
                    concepts[subject, default: ConceptDraft()].isConcept = true
                } else if let name = Vocabulary.local(o.value, after: Vocabulary.ontologyBytes),
                          vocabulary.classes.contains(name) {
                    concepts[subject, default: ConceptDraft()].entityClass = name
                }
            } else if o.kind == .literal, let kind = Vocabulary.labelKind(p.value),
                      let subject = Vocabulary.local(s.value, after: Vocabulary.entityBytes) {
                let label = String(decoding: o.value, as: UTF8.self)
                if kind == "pref" {
                    if concepts[subject]?.prefLabel == nil { concepts[subject, default: ConceptDraft()].prefLabel = label }
                } else {
                    concepts[subject, default: ConceptDraft()].labels.append((label, kind))
                }
            }
        }
        try loader.flush()
        try terms.endBulkLoad()
        report.quads = loader.inserted

        if bulk {
            try db.createIndexes(Schema.quadIndexes, helperThreads: 4)
        }
        report.entities = try insertEntities(concepts, graph: graphIRI, in: db)
        if bulkEdges {
            for name in Schema.edgeIndexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        }
        let noEdges = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM edges LIMIT 1)") == 0
        (report.edges, report.rejectedEdges) = try edges.write(graph: g, asEdges: noEdges, in: db)
        if !noEdges { try addSupport(ofGraph: g, in: db) }
        if bulkEdges {
            try db.createIndexes(Schema.edgeIndexes, helperThreads: 4)
        }
        try db.execute(
            sql: "INSERT INTO graphs (iri, kind, source, triples, added_at) VALUES (?, 'import', ?, ?, ?)",
            arguments: [graphIRI, file, report.quads, ISO8601DateFormatter().string(from: Date())])
        return report
    }

    /// Adds the graph's support: one supporting "document" and one statement for each key
    /// it states. Exact when the graph held nothing before (the import first took its old
    /// support away and re-derived those keys). `graph_edges` holds the graph's keys in key
    /// order, which is `edges`' too, so the table grows at its end and nothing is sorted.
    private static func addSupport(ofGraph g: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO edges (s, p, o, supporting_docs, denying_docs, hedged_claims, claim_count)
            SELECT s, p, o, 1, 0, 0, 1 FROM graph_edges WHERE graph = ?
            ORDER BY s, p, o
            ON CONFLICT (s, p, o) DO UPDATE
            SET supporting_docs = supporting_docs + 1, claim_count = claim_count + 1,
                contested = \(EdgeDeriver.contested("supporting_docs + 1", "denying_docs", "self_contradicting"))
            """, arguments: [g])
    }

    /// What the file says about one of our entity IRIs, gathered while streaming.
    struct ConceptDraft {
        var isConcept = false
        var entityClass: String?
        var prefLabel: String?
        var labels: [(String, String)] = []
    }

    private static func insertEntities(_ drafts: [String: ConceptDraft], graph: String, in db: Database) throws -> Int {
        // Bound straight into the statements: tens of thousands of rows each.
        let entity = try RowInserter(db, sql: """
            INSERT OR IGNORE INTO entities (id, iri, label, class, exact_matches, close_matches, source)
            VALUES (?, ?, ?, ?, '', '', ?)
            """)
        let label = try RowInserter(db, sql: "INSERT INTO labels (entity, label, kind, normalized) VALUES (?, ?, ?, ?)")
        var added = 0
        for (id, draft) in drafts.sorted(by: { $0.key < $1.key }) {
            guard draft.isConcept, let entityClass = draft.entityClass, let pref = draft.prefLabel else { continue }
            entity.bind(1, id); entity.bind(2, Namespace.entity + id); entity.bind(3, pref); entity.bind(4, entityClass)
            entity.bind(5, graph)
            try entity.run()
            // An id the ontology (or an earlier import) already defines keeps its definition.
            guard db.changesCount > 0 else { continue }
            added += 1
            for (text, kind) in [(pref, "pref")] + draft.labels {
                label.bind(1, id); label.bind(2, text); label.bind(3, kind); label.bind(4, LabelNormalizer.normalize(text))
                try label.run()
            }
        }
        return added
    }
}

/// The names an import recognizes, as bytes, so matching a statement costs no allocation.
struct Vocabulary {
    let predicates: Set<String>
    let classes: Set<String>

    init(_ db: Database) throws {
        predicates = Set(try String.fetchAll(db, sql: "SELECT name FROM predicates"))
        classes = Set(try String.fetchAll(db, sql: "SELECT name FROM classes"))
    }

    static let entityBytes = Array(Namespace.entity.utf8)
    static let ontologyBytes = Array(Namespace.ontology.utf8)
    static let typeBytes = Array((Namespace.rdf + "type").utf8)
    static let conceptBytes = Array((Namespace.skos + "Concept").utf8)
    static let prefLabelBytes = Array((Namespace.skos + "prefLabel").utf8)
    static let altLabelBytes = Array((Namespace.skos + "altLabel").utf8)
    static let hiddenLabelBytes = Array((Namespace.skos + "hiddenLabel").utf8)
    static let rdfsLabelBytes = Array((Namespace.rdfs + "label").utf8)
    /// No predicate shorter than this can be one `labelKind` or the type test accepts.
    static let shortestInterestingPredicate = min(typeBytes.count, rdfsLabelBytes.count, prefLabelBytes.count)

    /// The rest of `bytes` after `prefix`, when it starts with it and the rest is not empty.
    static func local(_ bytes: UnsafeBufferPointer<UInt8>, after prefix: [UInt8]) -> String? {
        guard bytes.count > prefix.count, bytes.hasPrefix(prefix) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.count...]), as: UTF8.self)
    }

    /// The label kind (`pref`, `alt`, `hidden`) a predicate gives, if it is a label property.
    static func labelKind(_ predicate: UnsafeBufferPointer<UInt8>) -> String? {
        if predicate.equals(prefLabelBytes) { return "pref" }
        if predicate.equals(altLabelBytes) || predicate.equals(rdfsLabelBytes) { return "alt" }
        if predicate.equals(hiddenLabelBytes) { return "hidden" }
        return nil
    }
}
