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

/// How many of each thing the store holds.
public struct StoreStatistics: Sendable, Equatable {
    public var documents = 0
    public var mentions = 0
    public var claims = 0
    public var edges = 0
    public var contestedEdges = 0
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
            && a.contestedEdges == b.contestedEdges && a.graphs == b.graphs && a.quads == b.quads && a.entitiesByClass == b.entitiesByClass
            && a.claimsByPredicate == b.claimsByPredicate && a.mostConnected.map(\.0) == b.mostConnected.map(\.0)
    }
}

extension GraphStore {
    /// Every claim, in document and sentence order.
    public func claims() throws -> [StoredClaim] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, s.text AS sentence_text FROM claims c
                JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence
                ORDER BY c.doc, c.sentence, c.id
                """).map(Self.storedClaim)
        }
    }

    /// The claims behind one edge.
    public func claims(for key: EdgeKey) throws -> [StoredClaim] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, s.text AS sentence_text FROM claims c
                JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence
                WHERE c.subject = ? AND c.predicate = ? AND c.object = ?
                ORDER BY c.doc, c.sentence, c.id
                """, arguments: [key.subject, key.predicate, key.object]).map(Self.storedClaim)
        }
    }

    static func storedClaim(_ row: Row) -> StoredClaim {
        StoredClaim(id: row["id"], claim: Claim(
            subject: row["subject"], predicate: row["predicate"], object: row["object"], documentID: row["doc"],
            sentenceIndex: row["sentence"], sentence: row["sentence_text"],
            subjectSpan: Span(start: row["subject_start"], end: row["subject_end"]),
            objectSpan: Span(start: row["object_start"], end: row["object_end"]),
            negated: row["negated"], hedged: row["hedged"], rule: row["rule"], confidence: row["confidence"],
            holder: row["holder"]))
    }

    /// Every mention, in document order.
    public func mentions() throws -> [StoredMention] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mentions ORDER BY doc, start").map {
                StoredMention(documentID: $0["doc"], mention: Mention(
                    entityID: $0["entity"], span: Span(start: $0["start"], end: $0["end"]), text: $0["text"],
                    sentenceIndex: $0["sentence"]))
            }
        }
    }

    /// Every edge, ordered by subject, predicate, object.
    public func edges() throws -> [Edge] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM edges ORDER BY subject, predicate, object").map(Self.edge)
        }
    }

    static func edge(_ row: Row) -> Edge {
        Edge(key: EdgeKey(subject: row["subject"], predicate: row["predicate"], object: row["object"]),
             supportingDocuments: row["supporting_docs"], denyingDocuments: row["denying_docs"],
             hedgedClaims: row["hedged_claims"], claimCount: row["claim_count"])
    }

    /// Ids of entities that some document mentions or some edge (extracted or imported) joins.
    public func usedEntityIDs() throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT entity FROM mentions UNION SELECT subject FROM edges UNION SELECT object FROM edges
                """))
        }
    }

    public func statistics(top: Int = 10) throws -> StoreStatistics {
        try read { db in
            var stats = StoreStatistics()
            stats.documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            stats.mentions = try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") ?? 0
            stats.claims = try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0
            stats.edges = try Int.fetchOne(db, sql: "SELECT count(*) FROM edges") ?? 0
            stats.contestedEdges = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM edges WHERE supporting_docs > 0 AND denying_docs > 0") ?? 0
            stats.quads = try Int.fetchOne(db, sql: "SELECT count(*) FROM quads") ?? 0
            stats.graphs = try Int.fetchOne(db, sql: "SELECT count(DISTINCT g) FROM quads") ?? 0
            for row in try Row.fetchAll(db, sql: """
                SELECT e.class, count(*) AS n FROM entities e
                WHERE e.id IN (SELECT entity FROM mentions UNION SELECT subject FROM edges UNION SELECT object FROM edges)
                GROUP BY e.class
                """) { stats.entitiesByClass[row["class"]] = row["n"] }
            for row in try Row.fetchAll(db, sql: "SELECT predicate, count(*) AS n FROM claims GROUP BY predicate") {
                stats.claimsByPredicate[row["predicate"]] = row["n"]
            }
            stats.mostConnected = try Row.fetchAll(db, sql: """
                SELECT id, count(*) AS n FROM (SELECT subject AS id FROM edges UNION ALL SELECT object FROM edges)
                GROUP BY id ORDER BY n DESC, id LIMIT ?
                """, arguments: [top]).map { ($0["id"], $0["n"]) }
            return stats
        }
    }
}
