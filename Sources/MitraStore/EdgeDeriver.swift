import GRDB
import MitraModel

/// Keeps the `edges` table equal to what the claims and the imported graphs say, by
/// re-deriving only the (subject, predicate, object) keys a write touched.
///
/// An edge counts, per key: documents with an affirming claim plus imported graphs that
/// state the triple (supporting), documents with a denying claim (denying), hedged claims,
/// and all claims plus imported statements (claim_count). A key nothing supports any more
/// loses its row.
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
            SET supporting_docs = supporting_docs + 1, claim_count = claim_count + 1
            """, arguments: [graph])
    }

    /// Recomputes every edge from scratch; for repairs and tests of the incremental path.
    static func rebuildAll(in db: Database) throws {
        try prepareAffected(in: db)
        try db.execute(sql: """
            INSERT OR IGNORE INTO temp.affected_edges SELECT subject, predicate, object FROM claims;
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

    private static func refreshAffected(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM edges WHERE (subject, predicate, object) IN (SELECT subject, predicate, object FROM temp.affected_edges);
            INSERT INTO edges (subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count)
            SELECT subject, predicate, object, sum(supporting), sum(denying), sum(hedged), sum(n) FROM (
                SELECT c.subject, c.predicate, c.object,
                       count(DISTINCT CASE WHEN c.negated = 0 THEN c.doc END) AS supporting,
                       count(DISTINCT CASE WHEN c.negated = 1 THEN c.doc END) AS denying,
                       sum(c.hedged) AS hedged, count(*) AS n
                FROM temp.affected_edges a
                JOIN claims c ON c.subject = a.subject AND c.predicate = a.predicate AND c.object = a.object
                GROUP BY c.subject, c.predicate, c.object
                UNION ALL
                SELECT g.subject, g.predicate, g.object, count(*), 0, 0, count(*)
                FROM temp.affected_edges a
                JOIN graph_edges g ON g.subject = a.subject AND g.predicate = a.predicate AND g.object = a.object
                GROUP BY g.subject, g.predicate, g.object
            ) GROUP BY subject, predicate, object;
            DELETE FROM temp.affected_edges;
            """)
    }
}
