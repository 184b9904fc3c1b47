import Foundation
import GRDB
import MitraModel

/// A claim as stored, with the document and sentence it came from.
public struct StoredClaim: Sendable, Equatable {
    public var id: Int64
    public var claim: Claim
}

/// A mention as stored, with its document.
public struct StoredMention: Sendable, Equatable {
    public var documentID: String
    public var mention: Mention
}

/// The documents behind an edge, each list sorted by id.
public struct EdgeDocuments: Sendable, Equatable {
    /// Every document with a claim about the edge.
    public var all: [String] = []
    /// The documents with a claim affirming it.
    public var supporting: [String] = []
    /// The documents with a claim denying it.
    public var denying: [String] = []

    public init(all: [String] = [], supporting: [String] = [], denying: [String] = []) {
        self.all = all
        self.supporting = supporting
        self.denying = denying
    }
}

/// How many of each thing the store holds.
public struct StoreStatistics: Sendable, Equatable {
    public var documents = 0
    public var mentions = 0
    public var claims = 0
    public var edges = 0
    public var contestedEdges = 0
    /// Edges some document both affirms and denies (reported apart from contested ones).
    public var selfContradictingEdges = 0
    /// Named graphs: the ontology's, one per document, one per import.
    public var graphs = 0
    public var quads = 0
    /// Entities the graph uses (mentioned, or an end of an edge), by class.
    public var entitiesByClass: [String: Int] = [:]
    public var claimsByPredicate: [String: Int] = [:]
    /// Entities with the most edges, most first: (id, edge count).
    public var mostConnected: [(String, Int)] = []

    public static func == (a: StoreStatistics, b: StoreStatistics) -> Bool {
        a.documents == b.documents && a.mentions == b.mentions && a.claims == b.claims && a.edges == b.edges
            && a.contestedEdges == b.contestedEdges && a.selfContradictingEdges == b.selfContradictingEdges && a.graphs == b.graphs && a.quads == b.quads && a.entitiesByClass == b.entitiesByClass
            && a.claimsByPredicate == b.claimsByPredicate && a.mostConnected.map(\.0) == b.mostConnected.map(\.0)
    }
}

extension GraphStore {
    /// Every claim, in document and sentence order.
    public func claims() throws -> [StoredClaim] {
        var all: [StoredClaim] = []
        try forEachClaim { all.append($0) }
        return all
    }

    /// The claims behind one edge, in document and sentence order.
    public func claims(for key: EdgeKey) throws -> [StoredClaim] {
        try claims(subjects: [key.subject], predicate: key.predicate, objects: [key.object])
    }

    /// The claims whose subject is one of `subjects`, object one of `objects`, with `predicate`.
    public func claims(subjects: [String], predicate: String, objects: [String]) throws -> [StoredClaim] {
        try read { db in try Self.claims(subjects: subjects, predicate: predicate, objects: objects, in: db) }
    }

    /// `claims(subjects:predicate:objects:)` inside a read the caller holds.
    public static func claims(subjects: [String], predicate: String, objects: [String], in db: Database) throws -> [StoredClaim] {
        do {
            let ids = { (names: [String]) in try names.compactMap { try Self.termID(.iri(Namespace.entity + $0), in: db) } }
            let s = try ids(subjects), o = try ids(objects)
            guard let p = try Self.termID(.iri(Namespace.ontology + predicate), in: db), !s.isEmpty, !o.isEmpty else { return [] }
            var all: [StoredClaim] = []
            try Self.readClaims(db, where: """
                c.subject IN (\(s.map(String.init).joined(separator: ", "))) AND c.predicate = \(p)
                AND c.object IN (\(o.map(String.init).joined(separator: ", ")))
                """) { all.append($0) }
            return all
        }
    }

    /// Streams every claim, in document and sentence order, holding one at a time (and the
    /// text of its document).
    public func forEachClaim(_ body: (StoredClaim) throws -> Void) throws {
        try read { db in try Self.readClaims(db, where: nil, body) }
    }

    /// Claims with the text of their sentence, which is a span of the document's text.
    static func readClaims(_ db: Database, where condition: String?, _ body: (StoredClaim) throws -> Void) throws {
        let e = GraphWriter.entityStart, p = GraphWriter.predicateStart
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, substr(ts.value, \(e)), substr(tp.value, \(p)), substr(tob.value, \(e)), d.id, c.sentence,
                   0, 0, c.subject_start, c.subject_end, c.object_start, c.object_end, c.negated, c.hedged,
                   tr.value, c.confidence, c.holder, c.doc
            FROM claims c JOIN documents d ON d.num = c.doc
            JOIN terms ts ON ts.id = c.subject JOIN terms tp ON tp.id = c.predicate JOIN terms tob ON tob.id = c.object
            JOIN terms tr ON tr.id = c.rule
            \(condition.map { "WHERE " + $0 } ?? "")
            ORDER BY d.id, c.sentence, c.id
            """)
        let texts = try DocumentTexts(db)
        while let row = try rows.next() {
            let sentence = try texts.sentence(row[5], of: row[17])
            try body(StoredClaim(id: row[0], claim: Claim(
                subject: row[1], predicate: row[2], object: row[3], documentID: row[4], sentenceIndex: row[5],
                sentence: sentence, subjectSpan: Span(start: row[8], end: row[9]), objectSpan: Span(start: row[10], end: row[11]),
                negated: row[12], hedged: row[13], rule: row[14], confidence: row[15], holder: row[16])))
        }
    }

    /// Every mention, in document order.
    public func mentions() throws -> [StoredMention] {
        var all: [StoredMention] = []
        try forEachMention { all.append($0) }
        return all
    }

    /// Streams every mention in document order, its text sliced from the document's.
    public func forEachMention(_ body: (StoredMention) throws -> Void) throws {
        try read { db in
            let texts = try DocumentTexts(db)
            let names = try EntityNames(db)
            let rows = try Row.fetchCursor(db, sql: "SELECT d.id, m.doc, m.spans FROM mentions m JOIN documents d ON d.num = m.doc ORDER BY d.id")
            while let row = try rows.next() {
                let id: String = row[0], num: Int64 = row[1], spans: Data = row[2]
                let mentions = try PackedMention.unpack(Array(spans)).map { m in
                    (try names.id(m.entity), m)
                }.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }
                for (entity, m) in mentions {
                    try body(StoredMention(documentID: id, mention: Mention(
                        entityID: entity, span: Span(start: m.start, end: m.end),
                        text: try texts.slice(document: num, start: m.start, end: m.end), sentenceIndex: m.sentence)))
                }
            }
        }
    }

    /// Per entity id: how many mentions name it and in how many documents.
    public func mentionCounts() throws -> [String: (mentions: Int, documents: Int)] {
        try read { db in
            var byTerm: [Int64: (mentions: Int, documents: Int)] = [:]
            try Self.forEachPackedDocument(db) { mentions in
                var seen: Set<Int64> = []
                for m in mentions {
                    let first = seen.insert(m.entity).inserted
                    byTerm[m.entity, default: (0, 0)].mentions += 1
                    if first { byTerm[m.entity, default: (0, 0)].documents += 1 }
                }
            }
            let names = try EntityNames(db)
            var counts: [String: (mentions: Int, documents: Int)] = [:]
            for (term, n) in byTerm { counts[try names.id(term)] = n }
            return counts
        }
    }

    /// Ids of the entities some document mentions.
    static func mentionedEntityIDs(_ db: Database) throws -> Set<String> {
        var terms: Set<Int64> = []
        try forEachPackedDocument(db) { for m in $0 { terms.insert(m.entity) } }
        let names = try EntityNames(db)
        return Set(try terms.map { try names.id($0) })
    }

    /// Every document's mentions, unpacked, in no particular order.
    static func forEachPackedDocument(_ db: Database, _ body: ([PackedMention]) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT spans FROM mentions")
        while let row = try rows.next() {
            let spans: Data = row[0]
            try body(PackedMention.unpack(Array(spans)))
        }
    }

    /// Every edge, ordered by subject, predicate, object.
    public func edges() throws -> [Edge] {
        try read { db in
            try Row.fetchAll(db, sql: EdgeTerms.allNamedEdges).map(Self.edge)
        }
    }

    static func edge(_ row: Row) -> Edge {
        Edge(key: EdgeKey(subject: row["subject"], predicate: row["predicate"], object: row["object"]),
             supportingDocuments: row["supporting_docs"], denyingDocuments: row["denying_docs"],
             hedgedClaims: row["hedged_claims"], claimCount: row["claim_count"],
             selfContradictingDocuments: row["self_contradicting"])
    }

    /// Per entity id: how many edges it is an end of.
    public func degrees() throws -> [String: Int] {
        try read { db in
            var degree: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(EdgeTerms.entityName("d.id")), d.n FROM (\(Self.degreeSQL)) d
                """)
            while let row = try rows.next() { degree[row[0]] = row[1] }
            return degree
        }
    }

    /// Streams every edge ordered by subject, predicate, object (by the bytes of their UTF-8),
    /// each with the sorted ids of the documents whose claims are about it.
    public func forEachEdge(_ body: (Edge, [String]) throws -> Void) throws {
        try forEachEdge { edge, documents in try body(edge, documents.all) }
    }

    /// Streams every edge ordered by subject, predicate, object, each with its documents: all
    /// of them, those that affirm it and those that deny it (a document may be in both).
    ///
    /// The documents come from a second cursor over the claims in the same order, read beside
    /// the first: one sequential pass instead of a lookup per edge.
    public func forEachEdge(_ body: (Edge, EdgeDocuments) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: EdgeTerms.allNamedEdges)
            let claims = try Row.fetchCursor(db, sql: Self.claimDocumentsSQL)
            func nextClaim() throws -> (EdgeKey, String, Bool, Bool)? {
                try claims.next().map { (EdgeKey(subject: $0[0], predicate: $0[1], object: $0[2]), $0[3], $0[4], $0[5]) }
            }
            var pending = try nextClaim()
            while let row = try rows.next() {
                let edge = Self.edge(row)
                var documents = EdgeDocuments()
                while let (claimKey, document, affirms, denies) = pending {
                    let order = Self.byteOrder(claimKey, edge.key)
                    if order > 0 { break }
                    if order == 0 {
                        documents.all.append(document)
                        if affirms { documents.supporting.append(document) }
                        if denies { documents.denying.append(document) }
                    }
                    pending = try nextClaim()
                }
                try body(edge, documents)
            }
        }
    }

    /// Each claim's edge key and document, distinct, with whether the document affirms the
    /// edge and whether it denies it, in the edges' order (SQLite's BINARY order, which
    /// `strcmp` keeps).
    public static let claimDocumentsSQL = """
        SELECT substr(ts.value, \(GraphWriter.entityStart)) AS s, substr(tp.value, \(GraphWriter.predicateStart)) AS p,
               substr(tob.value, \(GraphWriter.entityStart)) AS o, d.id, c.affirms, c.denies
        FROM (SELECT subject, predicate, object, doc, max(negated = 0) AS affirms, max(negated) AS denies
              FROM claims GROUP BY subject, predicate, object, doc) c
        JOIN terms ts ON ts.id = c.subject JOIN terms tp ON tp.id = c.predicate JOIN terms tob ON tob.id = c.object
        JOIN documents d ON d.num = c.doc
        ORDER BY 1, 2, 3, 4
        """

    /// Compares two keys as SQLite's BINARY collation does: by the bytes of their UTF-8.
    public static func byteOrder(_ a: EdgeKey, _ b: EdgeKey) -> Int {
        func order(_ x: String, _ y: String) -> Int {
            if x.utf8.elementsEqual(y.utf8) { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        }
        let bySubject = order(a.subject, b.subject)
        if bySubject != 0 { return bySubject }
        let byPredicate = order(a.predicate, b.predicate)
        return byPredicate != 0 ? byPredicate : order(a.object, b.object)
    }

    /// Ids of entities that some document mentions or some edge (extracted or imported) joins.
    public func usedEntityIDs() throws -> Set<String> {
        try read { db in try Self.mentionedEntityIDs(db).union(try Self.edgeEndIDs(db)) }
    }

    /// Ids of the entities some edge joins.
    static func edgeEndIDs(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT \(EdgeTerms.entityName("d.id")) FROM (\(degreeSQL)) d")
    }

    /// Per term id (`id`) of an edge's end, how many edges it is an end of (`n`): counted per
    /// end in the order of the index that leads with it (the key for subjects, edges_osp for
    /// objects), so only the per-entity counts are grouped, not a sort of two rows per edge.
    static let degreeSQL = """
        SELECT id, sum(n) AS n FROM (SELECT s AS id, count(*) AS n FROM edges GROUP BY s
        UNION ALL SELECT o, count(*) FROM edges INDEXED BY edges_osp GROUP BY o) GROUP BY id
        """


    public func statistics(top: Int = 10) throws -> StoreStatistics {
        try read { db in
            var stats = StoreStatistics()
            stats.documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            stats.mentions = try Int.fetchOne(db, sql: "SELECT total(count) FROM mentions").map { Int($0) } ?? 0
            stats.claims = try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0
            stats.edges = try Int.fetchOne(db, sql: "SELECT count(*) FROM edges") ?? 0
            stats.contestedEdges = try Int.fetchOne(db, sql: "SELECT count(*) FROM edges WHERE contested") ?? 0
            stats.selfContradictingEdges = try Int.fetchOne(db, sql: "SELECT count(*) FROM edges WHERE self_contradicting > 0") ?? 0
            stats.quads = try Int.fetchOne(db, sql: "SELECT count(*) FROM quads") ?? 0
            stats.graphs = try Int.fetchOne(db, sql: QuadPattern.quadGraphs + " SELECT count(g) FROM quad_graphs") ?? 0
            let used = try Self.mentionedEntityIDs(db).union(try Self.edgeEndIDs(db))
            for row in try Row.fetchAll(db, sql: "SELECT id, class FROM entities") where used.contains(row[0]) {
                stats.entitiesByClass[row[1], default: 0] += 1
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT substr(t.value, \(GraphWriter.predicateStart)) AS predicate, n
                FROM (SELECT predicate, count(*) AS n FROM claims GROUP BY predicate) JOIN terms t ON t.id = predicate
                """) {
                stats.claimsByPredicate[row["predicate"]] = row["n"]
            }
            stats.mostConnected = try Row.fetchAll(db, sql: """
                SELECT substr(t.value, \(GraphWriter.entityStart)) AS id, d.n FROM (\(Self.degreeSQL)) d JOIN terms t ON t.id = d.id
                ORDER BY d.n DESC, t.value LIMIT ?
                """, arguments: [top]).map { ($0["id"], $0["n"]) }
            return stats
        }
    }
}

/// The texts of documents, read by number and kept while consecutive reads slice the same one,
/// so rows in document order read each text once.
final class DocumentTexts {
    private let select: Statement
    private var current: Int64 = -1
    private var scalars: [Unicode.Scalar] = []
    private var sentences: [Span] = []

    init(_ db: Database) throws {
        select = try db.makeStatement(sql: """
            SELECT d.text, s.spans FROM documents d LEFT JOIN sentences s ON s.doc = d.num WHERE d.num = ?
            """)
    }

    private func load(_ num: Int64) throws {
        guard num != current else { return }
        let row = try Row.fetchOne(select, arguments: [num])
        scalars = Array(((row?[0] as String?) ?? "").unicodeScalars)
        sentences = PackedSentences.unpack(Array((row?[1] as Data?) ?? Data()))
        current = num
    }

    /// The text of sentence `index` of document `num`.
    func sentence(_ index: Int, of num: Int64) throws -> String {
        try load(num)
        guard sentences.indices.contains(index) else { return "" }
        return try slice(document: num, start: sentences[index].start, end: sentences[index].end)
    }

    /// The text between two scalar offsets of document `num`.
    func slice(document num: Int64, start: Int, end: Int) throws -> String {
        try load(num)
        let lower = max(0, min(start, scalars.count)), upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }
}

/// Entity ids by the term ids mentions name them with, looked up once each.
final class EntityNames {
    private let select: Statement
    private var known: [Int64: String] = [:]

    init(_ db: Database) throws {
        select = try db.makeStatement(sql: "SELECT substr(value, \(GraphWriter.entityStart)) FROM terms WHERE id = ?")
    }

    func id(_ term: Int64) throws -> String {
        if let id = known[term] { return id }
        let id = try String.fetchOne(select, arguments: [term]) ?? ""
        known[term] = id
        return id
    }
}
