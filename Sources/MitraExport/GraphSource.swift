import Foundation
import GRDB
import MitraModel
import MitraOntology
import MitraStore

/// An entity as the exports show it: the ontology's entity with how much evidence names it.
struct NodeRecord: Sendable {
    var entity: Entity
    /// The Biolink category of its class.
    var category: String
    var mentions: Int
    /// Documents that mention it.
    var documents: Int
    /// Edges it is an end of.
    var degree: Int
}

/// A claim as the exports read it, with the store's id for it.
struct ClaimRecord: Sendable {
    var id: Int64
    var claim: Claim
}

/// A mention as the exports read it, with its document.
struct MentionRecord: Sendable {
    var documentID: String
    var mention: Mention
}

/// An edge as the exports show it, with the documents behind it.
struct EdgeRecord: Sendable {
    var edge: Edge
    /// Ids of the documents with a claim about the edge, sorted.
    var documents: [String]
}

/// Reads what the exports need from a store, restricted to a subgraph when one is given.
///
/// Everything the exporters know about the store's tables is here, so a schema change
/// touches one file. Edges, claims and mentions are read with one cursor each, never loaded
/// whole, so an export of a million claims holds one at a time.
struct GraphSource {
    let store: GraphStore
    let subgraph: Subgraph?
    let ontology: Ontology

    init(store: GraphStore, subgraph: Subgraph?) throws {
        self.store = store
        self.subgraph = subgraph
        self.ontology = try store.ontology()
    }

    /// The entities to export: those of the subgraph, or else every entity some document
    /// mentions or some claim names; sorted by id. Degrees cost a pass over the edges, so
    /// they are counted only when asked for (and are 0 otherwise).
    func nodes(withDegree: Bool = false) throws -> [NodeRecord] {
        try store.read { db in
            var counts: [String: (mentions: Int, documents: Int)] = [:]
            let mentionRows = try Row.fetchCursor(db, sql: """
                SELECT entity, count(*) AS n, count(DISTINCT doc) AS d FROM mentions GROUP BY entity
                """)
            while let row = try mentionRows.next() { counts[row[0]] = (row[1], row[2]) }
            var degree: [String: Int] = [:]
            if withDegree && subgraph == nil {
                let degreeRows = try Row.fetchCursor(db, sql: """
                    SELECT id, count(*) FROM (SELECT subject AS id FROM edges UNION ALL SELECT object FROM edges)
                    GROUP BY id
                    """)
                while let row = try degreeRows.next() { degree[row[0]] = row[1] }
            }
            if let subgraph {
                for key in subgraph.edges {
                    degree[key.subject, default: 0] += 1
                    degree[key.object, default: 0] += 1
                }
            }
            let wanted: Set<String>
            if let subgraph {
                wanted = subgraph.entityIDs
            } else {
                wanted = Set(try String.fetchAll(db, sql: """
                    SELECT entity FROM mentions UNION SELECT subject FROM edges UNION SELECT object FROM edges
                    """))
            }
            return wanted.sorted().map { id in
                let entity = ontology.entities[id]
                    ?? Entity(id: id, iri: Namespace.entity + id, prefLabel: id, entityClass: EntityClass("Unknown"))
                return NodeRecord(
                    entity: entity, category: ontology.biolinkCategory(of: entity.entityClass),
                    mentions: counts[id]?.mentions ?? 0, documents: counts[id]?.documents ?? 0,
                    degree: degree[id] ?? 0)
            }
        }
    }

    /// Calls `body` for each edge (of the subgraph), ordered by subject, predicate, object.
    ///
    /// Each edge's documents come from a second cursor over the claims in the same order, read
    /// beside the first: one sequential pass instead of a lookup per edge.
    func forEachEdge(_ body: (EdgeRecord) throws -> Void) throws {
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count
                FROM edges ORDER BY subject, predicate, object
                """)
            let claims = try Row.fetchCursor(db, sql: """
                SELECT subject, predicate, object, doc FROM claims ORDER BY subject, predicate, object, doc
                """)
            func nextClaim() throws -> (EdgeKey, String)? {
                try claims.next().map { (EdgeKey(subject: $0[0], predicate: $0[1], object: $0[2]), $0[3]) }
            }
            var pending = try nextClaim()
            while let row = try rows.next() {
                let key = EdgeKey(subject: row[0], predicate: row[1], object: row[2])
                var documents: [String] = []
                while let (claimKey, document) = pending {
                    let order = Self.byteOrder(claimKey, key)
                    if order > 0 { break }
                    if order == 0 && documents.last.map({ !$0.utf8.elementsEqual(document.utf8) }) ?? true {
                        documents.append(document)
                    }
                    pending = try nextClaim()
                }
                if let subgraph, !subgraph.edges.contains(key) { continue }
                try body(EdgeRecord(
                    edge: Edge(key: key, supportingDocuments: row[3], denyingDocuments: row[4], hedgedClaims: row[5],
                               claimCount: row[6]),
                    documents: documents))
            }
        }
    }

    /// Compares two keys as SQLite's BINARY collation does: by the bytes of their UTF-8.
    static func byteOrder(_ a: EdgeKey, _ b: EdgeKey) -> Int {
        func order(_ x: String, _ y: String) -> Int {
            if x.utf8.elementsEqual(y.utf8) { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        }
        let bySubject = order(a.subject, b.subject)
        if bySubject != 0 { return bySubject }
        let byPredicate = order(a.predicate, b.predicate)
        return byPredicate != 0 ? byPredicate : order(a.object, b.object)
    }

    /// Calls `body` for each claim (of the subgraph's edges), in document and sentence order.
    func forEachClaim(_ body: (ClaimRecord) throws -> Void) throws {
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.subject, c.predicate, c.object, c.doc, c.sentence, s.text, c.subject_start,
                       c.subject_end, c.object_start, c.object_end, c.negated, c.hedged, c.rule, c.confidence, c.holder
                FROM claims c JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence
                ORDER BY c.doc, c.sentence, c.id
                """)
            while let row = try rows.next() {
                let claim = Claim(
                    subject: row[1], predicate: row[2], object: row[3], documentID: row[4], sentenceIndex: row[5],
                    sentence: row[6], subjectSpan: Span(start: row[7], end: row[8]),
                    objectSpan: Span(start: row[9], end: row[10]), negated: row[11], hedged: row[12], rule: row[13],
                    confidence: row[14], holder: row[15])
                if let subgraph, !subgraph.edges.contains(claim.key) { continue }
                try body(ClaimRecord(id: row[0], claim: claim))
            }
        }
    }

    /// Calls `body` for each mention (of the subgraph's entities), in document order.
    func forEachMention(_ body: (MentionRecord) throws -> Void) throws {
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT doc, entity, start, "end", text, sentence FROM mentions ORDER BY doc, start, entity
                """)
            while let row = try rows.next() {
                let entity: String = row[1]
                if let subgraph, !subgraph.entityIDs.contains(entity) { continue }
                try body(MentionRecord(documentID: row[0], mention: Mention(
                    entityID: entity, span: Span(start: row[2], end: row[3]), text: row[4], sentenceIndex: row[5])))
            }
        }
    }

    /// Ids and content hashes of the documents behind the exported claims or mentions.
    func documents() throws -> [(id: String, hash: String)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, hash FROM documents ORDER BY id").map { ($0[0], $0[1]) }
        }
    }

    /// The entity's CURIE, also for an id the ontology no longer has.
    func curie(_ id: String) -> String {
        ontology.entities[id]?.curie ?? Namespace.entityPrefix + ":" + id
    }
}
