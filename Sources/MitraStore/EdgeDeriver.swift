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
///
/// Edges, claims and imported support all name their ends by term id: the affected keys are
/// kept in a temporary table, the claims counted through the covering index `claims_spo`
/// (per key and document, then per key) without reading a claim row, and the imported
/// support found by key in each graph's part of `graph_edges`.
enum EdgeDeriver {
    /// Re-derives the edges of keys given by the term ids of subject, predicate and object.
    static func refresh(ids: Set<SIMD3<Int64>>, in db: Database) throws {
        guard !ids.isEmpty else { return }
        try prepareAffected(in: db)
        let insert = try RowInserter(db, sql: "INSERT OR IGNORE INTO temp.affected_ids VALUES (?, ?, ?)")
        for key in ids.sorted(by: { ($0.x, $0.y, $0.z) < ($1.x, $1.y, $1.z) }) {
            insert.bind(1, key.x); insert.bind(2, key.y); insert.bind(3, key.z)
            try insert.run()
        }
        try refreshAffected(in: db)
    }

    /// Re-derives the edges of every key some claim has; for a bulk load, which remembers no keys.
    static func refreshAllClaims(in db: Database) throws {
        try prepareAffected(in: db)
        try db.execute(sql: "INSERT INTO temp.affected_ids SELECT DISTINCT subject, predicate, object FROM claims")
        try refreshAffected(in: db)
    }

    /// Recomputes every edge from scratch; for upgrades, repairs and tests of the incremental path.
    static func rebuildAll(in db: Database) throws {
        try prepareAffected(in: db)
        try db.execute(sql: """
            INSERT OR IGNORE INTO temp.affected_ids SELECT s, p, o FROM edges;
            INSERT OR IGNORE INTO temp.affected_ids SELECT DISTINCT s, p, o FROM graph_edges;
            INSERT OR IGNORE INTO temp.affected_ids SELECT DISTINCT subject, predicate, object FROM claims;
            """)
        try refreshAffected(in: db)
    }

    /// The SQL for `Edge.isContested` over three count expressions.
    static func contested(_ supporting: String, _ denying: String, _ selfContradicting: String) -> String {
        "(\(supporting) > 0 AND \(denying) > 0 AND NOT (\(supporting) = 1 AND \(denying) = 1 AND \(selfContradicting) = 1))"
    }

    /// The term ids (`id`) of the stored graphs: few, so a key's imported support is one
    /// primary-key seek per graph.
    static let importedGraphs = """
        SELECT t.id FROM graphs gr JOIN terms t ON t.value = gr.iri AND t.kind = 1 AND t.datatype = '' AND t.lang = ''
        """

    private static func prepareAffected(in db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS affected_ids (
                s INTEGER NOT NULL, p INTEGER NOT NULL, o INTEGER NOT NULL, PRIMARY KEY (s, p, o)) WITHOUT ROWID;
            DELETE FROM temp.affected_ids;
            """)
    }

    private static func refreshAffected(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM edges WHERE (s, p, o) IN (SELECT s, p, o FROM temp.affected_ids)
            """)
        try db.execute(sql: """
            INSERT INTO edges (s, p, o, supporting_docs, denying_docs, hedged_claims, claim_count,
                               self_contradicting, contested)
            SELECT k.s, k.pr, k.o, k.supporting, k.denying, k.hedged, k.n, k.both, \(contested("k.supporting", "k.denying", "k.both"))
            FROM (
                SELECT s, pr, o, sum(supporting) AS supporting, sum(denying) AS denying, sum(hedged) AS hedged,
                       sum(n) AS n, sum(both) AS both
                FROM (
                    SELECT s, pr, o, sum(affirms > 0) AS supporting, sum(denies > 0) AS denying, sum(hedged) AS hedged,
                           sum(n) AS n, sum(affirms > 0 AND denies > 0) AS both
                    FROM (
                        SELECT c.subject AS s, c.predicate AS pr, c.object AS o, c.doc, sum(c.negated = 0) AS affirms,
                               sum(c.negated) AS denies, sum(c.hedged) AS hedged, count(*) AS n
                        FROM temp.affected_ids a
                        JOIN claims c INDEXED BY claims_spo ON c.subject = a.s AND c.predicate = a.p AND c.object = a.o
                        GROUP BY c.subject, c.predicate, c.object, c.doc
                    ) GROUP BY s, pr, o
                    UNION ALL
                    SELECT g.s, g.p, g.o, count(*), 0, 0, count(*), 0
                    FROM temp.affected_ids a CROSS JOIN (\(importedGraphs)) i
                    CROSS JOIN graph_edges g ON g.graph = i.id AND g.s = a.s AND g.p = a.p AND g.o = a.o
                    GROUP BY g.s, g.p, g.o
                ) GROUP BY s, pr, o
            ) k
            ORDER BY 1, 2, 3
            """)
        try db.execute(sql: "DELETE FROM temp.affected_ids")
    }
}
