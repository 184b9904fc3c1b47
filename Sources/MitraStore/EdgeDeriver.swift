import GRDB
import MitraModel

/// Keeps the `edges` table equal to what the claims and the imported graphs say, by
/// re-deriving only the (subject, predicate, object) keys a write touched.
///
/// An edge counts, per key: documents with an affirming claim plus imported graphs that
/// state the triple (supporting), documents with a denying claim (denying), hedged claims,
/// all claims plus imported statements (claim_count), and documents with both an affirming
/// and a denying claim (self_contradicting). It is `contested` when an affirmer and a
/// different denier exist (`Edge.isContested`). A key nothing supports any more loses its row.
enum EdgeDeriver {
    /// Re-derives the edges of `keys`.
    static func refresh(_ keys: Set<EdgeKey>, in db: Database) throws {
        guard !keys.isEmpty else { return }
        try prepareAffected(in: db)
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.affected_edges VALUES (?, ?, ?)")
        for key in keys { try insert.execute(arguments: [key.subject, key.predicate, key.object]) }
        try refreshAffected(in: db)
    }

    /// Adds a newly imported graph's support: one supporting "document" and one statement
    /// for each key the graph (by term id) states. Exact when the graph held nothing before
    /// (an import first takes the graph's old support away and re-derives those keys).
    static func addSupport(ofGraph graph: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO edges (subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count)
            SELECT subject, predicate, object, 1, 0, 0, 1 FROM graph_edges WHERE graph = ?
            ORDER BY subject, predicate, object
            ON CONFLICT (subject, predicate, object) DO UPDATE
            SET supporting_docs = supporting_docs + 1, claim_count = claim_count + 1,
                contested = \(contested("supporting_docs + 1", "denying_docs", "self_contradicting"))
            """, arguments: [graph])
    }

    /// Recomputes every edge from scratch; for repairs and tests of the incremental path.
    static func rebuildAll(in db: Database) throws {
        try prepareAffected(in: db)
        try db.execute(sql: """
            INSERT OR IGNORE INTO temp.affected_edges
                SELECT DISTINCT substr(ts.value, \(GraphWriter.entityStart)), substr(tp.value, \(GraphWriter.predicateStart)),
                       substr(tob.value, \(GraphWriter.entityStart))
                FROM (SELECT DISTINCT subject, predicate, object FROM claims) c
                JOIN terms ts ON ts.id = c.subject JOIN terms tp ON tp.id = c.predicate JOIN terms tob ON tob.id = c.object;
            INSERT OR IGNORE INTO temp.affected_edges SELECT subject, predicate, object FROM graph_edges;
            INSERT OR IGNORE INTO temp.affected_edges SELECT subject, predicate, object FROM edges;
            """)
        try refreshAffected(in: db)
    }

    private static func prepareAffected(in db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS affected_edges (
                subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
                PRIMARY KEY (subject, predicate, object)) WITHOUT ROWID;
            DELETE FROM temp.affected_edges;
            """)
    }

    /// The SQL for `Edge.isContested` over three count expressions.
    static func contested(_ supporting: String, _ denying: String, _ selfContradicting: String) -> String {
        "(\(supporting) > 0 AND \(denying) > 0 AND NOT (\(supporting) = 1 AND \(denying) = 1 AND \(selfContradicting) = 1))"
    }

    /// Claims are keyed by term ids, edges by names: the affected names are turned into term
    /// ids once, the claims of each key counted per document, then per key.
    private static func refreshAffected(in db: Database) throws {
        let e = Namespace.entity, p = Namespace.ontology
        try db.execute(sql: """
            DELETE FROM edges WHERE (subject, predicate, object) IN (SELECT subject, predicate, object FROM temp.affected_edges)
            """)
        try db.execute(sql: """
            INSERT INTO edges (subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count,
                               self_contradicting, contested)
            SELECT subject, predicate, object, sum(supporting), sum(denying), sum(hedged), sum(n), sum(both),
                   \(contested("sum(supporting)", "sum(denying)", "sum(both)"))
            FROM (
                SELECT subject, predicate, object, sum(affirms > 0) AS supporting, sum(denies > 0) AS denying,
                       sum(hedged) AS hedged, sum(n) AS n, sum(affirms > 0 AND denies > 0) AS both
                FROM (
                    SELECT a.subject, a.predicate, a.object, c.doc, sum(c.negated = 0) AS affirms, sum(c.negated) AS denies,
                           sum(c.hedged) AS hedged, count(*) AS n
                    FROM temp.affected_edges a
                    JOIN terms ts ON ts.value = ?1 || a.subject AND ts.kind = 1 AND ts.datatype = '' AND ts.lang = ''
                    JOIN terms tp ON tp.value = ?2 || a.predicate AND tp.kind = 1 AND tp.datatype = '' AND tp.lang = ''
                    JOIN terms tob ON tob.value = ?1 || a.object AND tob.kind = 1 AND tob.datatype = '' AND tob.lang = ''
                    JOIN claims c ON c.subject = ts.id AND c.predicate = tp.id AND c.object = tob.id
                    GROUP BY a.subject, a.predicate, a.object, c.doc
                ) GROUP BY subject, predicate, object
                UNION ALL
                SELECT g.subject, g.predicate, g.object, count(*), 0, 0, count(*), 0
                FROM temp.affected_edges a
                JOIN graph_edges g ON g.subject = a.subject AND g.predicate = a.predicate AND g.object = a.object
                GROUP BY g.subject, g.predicate, g.object
            ) GROUP BY subject, predicate, object
            """, arguments: [e, p])
        try db.execute(sql: "DELETE FROM temp.affected_edges")
    }
}
