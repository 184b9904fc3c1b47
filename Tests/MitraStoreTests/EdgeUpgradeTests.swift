import Foundation
import GRDB
import MitraModel
import MitraQuery
import MitraRDF
@testable import MitraStore
import MitraTestSupport
import Testing

/// A store of the present release (schema v5: edges keyed by names) is upgraded in place to
/// edges keyed by term ids, and answers every kind of query as it did.
@Suite struct EdgeUpgradeTests {
    static let queries = [
        "kratom treats ?c", "?x treats pain", "find ?a, ?b where ?a ?p ?b", "count ?b where kratom any ?b",
        "count ?c where ?x treats ?c group by ?x", "find ?p, count(*) where ?s ?p ?o order by count desc, ?p", "find ?c where kratom any ?c and ?c:Condition",
        "find ?x where kratom any{1,2} ?x", "count where kratom any{1,3} mu-opioid-receptor",
        "count where kratom any{1,3} fibromyalgia", "describe kratom", "neighbors kratom depth 2",
        "path kratom to mu-opioid-receptor", "contested", "kratom treats ?c where source = \"b.txt\"",
        "find ?p where kratom ?p mitragynine",
    ]

    /// A store holding extracted claims (one edge contested) and an imported graph in our vocabulary.
    static func store() throws -> GraphStore {
        let dir = Fixtures.temporaryDirectory()
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        func claim(_ s: String, _ p: String, _ o: String, _ doc: String, negated: Bool = false) -> Claim {
            Claim(subject: s, predicate: p, object: o, documentID: doc, sentenceIndex: 0, sentence: "Some words here.",
                  subjectSpan: Span(start: 0, end: 4), objectSpan: Span(start: 5, end: 10), negated: negated,
                  rule: "fixture", confidence: 1)
        }
        let documents = [
            ("a.txt", [claim("kratom", "treats", "pain", "a.txt"), claim("kratom", "contains", "mitragynine", "a.txt")]),
            ("b.txt", [claim("kratom", "treats", "pain", "b.txt", negated: true), claim("kratom", "treats", "nausea", "b.txt")]),
        ]
        try store.write { db in
            let writer = try GraphWriter(db)
            try writer.writeOntology(Fixtures.ontology)
            for (id, claims) in documents {
                try writer.replace(document: Document(id: id, text: "Some words here.", format: "text"),
                                   sentences: [Sentence(index: 0, span: Span(start: 0, end: 16), text: "Some words here.")],
                                   mentions: [], claims: claims)
            }
            try writer.finish()
        }
        let mg = Namespace.ontology, mge = Namespace.entity
        let file = Fixtures.write("""
            <\(mge)mitragynine> <\(mg)interacts_with> <\(mge)mu-opioid-receptor> .
            <\(mge)kratom> <\(mg)treats> <\(mge)pain> .
            <\(mge)morphine> <\(mg)treats> <\(mge)pain> .

            """, to: "g.nt", in: dir)
        try GraphImporter(store: store).importFile(file, syntax: .ntriples)
        return store
    }

    static func answers(_ store: GraphStore) throws -> [[[String]]] {
        try queries.map { try QueryEngine(store: store).run($0).displayRows }
    }

    @Test func aV5StoreKeyedByNamesIsUpgradedAndAnswersTheSame() throws {
        let store = try Self.store()
        let before = try Self.answers(store)
        #expect(before[0].count == 2 && before[13].count == 1, "the fixture has two treatments and a contested edge")
        let edges = try store.edges()
        let path = store.path

        // Back to the v5 layout, as the last release wrote it: names in every row and index.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE edges_v5 (
                    subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
                    supporting_docs INTEGER NOT NULL, denying_docs INTEGER NOT NULL, hedged_claims INTEGER NOT NULL,
                    claim_count INTEGER NOT NULL, self_contradicting INTEGER NOT NULL DEFAULT 0,
                    contested INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (subject, predicate, object)) WITHOUT ROWID;
                INSERT INTO edges_v5 SELECT \(EdgeTerms.names), e.supporting_docs, e.denying_docs, e.hedged_claims,
                    e.claim_count, e.self_contradicting, e.contested FROM \(EdgeTerms.namedEdges);
                DROP TABLE edges;
                ALTER TABLE edges_v5 RENAME TO edges;
                CREATE INDEX edges_pos ON edges(predicate, object, subject);
                CREATE INDEX edges_osp ON edges(object, subject, predicate);
                CREATE INDEX graph_edges_spo ON graph_edges(s, p, o, graph);
                DELETE FROM grdb_migrations WHERE identifier = 'v6-edges-by-id';
                """)
        }
        try queue.close()

        let upgraded = try GraphStore(path: path)
        let types = try upgraded.read { db in
            try String.fetchAll(db, sql: "SELECT type FROM pragma_table_info('edges') ORDER BY cid LIMIT 3")
        }
        #expect(types == ["INTEGER", "INTEGER", "INTEGER"], "edges keyed by term ids")
        let indexes = try upgraded.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'graph_edges'")
        }
        #expect(indexes.allSatisfy { $0.hasPrefix("sqlite_autoindex") }, "the imported support in one ordering: \(indexes)")
        #expect(try upgraded.edges() == edges)
        let after = try Self.answers(upgraded)
        for (i, query) in Self.queries.enumerated() {
            #expect(after[i] == before[i], "\(query)")
        }
    }
}
