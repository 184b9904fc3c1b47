import Foundation
import GRDB
import MitraModel
@testable import MitraStore
import MitraTestSupport
import Testing

/// The v3 layout: one source of truth keyed by integers, upgrades of v2 stores in place, and
/// edges that tell a dispute between documents from a document contradicting itself.
@Suite struct StoreLayoutTests {
    static func claim(
        _ s: String, _ p: String, _ o: String, doc: String, sentence: Int = 0, in text: String, negated: Bool = false,
        holder: String? = nil
    ) -> Claim {
        let sentence = text.components(separatedBy: ". ")[sentence]
        return Claim(subject: s, predicate: p, object: o, documentID: doc, sentenceIndex: 0, sentence: sentence,
                     subjectSpan: Span(start: 0, end: 6), objectSpan: Span(start: 14, end: 18), negated: negated,
                     rule: "trigger-between", confidence: 0.9, holder: holder)
    }

    static func result(_ doc: Document, claims: [Claim]) -> (Document, [Sentence], [Mention], [Claim]) {
        let sentence = Sentence(index: 0, span: Span(start: 0, end: doc.text.scalarCount), text: doc.text)
        let mentions = [Mention(entityID: "kratom", span: Span(start: 0, end: 6), text: doc.text.scalarSlice(Span(start: 0, end: 6)),
                                sentenceIndex: 0)]
        return (doc, [sentence], mentions, claims)
    }

    /// A store migrated up to `migration` only, holding `rows` (SQL inserts), as an older
    /// build left it.
    static func oldStore(_ migration: String, rows: String) throws -> String {
        let path = Fixtures.temporaryDirectory() + "/\(migration).sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            try db.execute(sql: rows)
        }
        try queue.close()
        return path
    }

    func store(_ documents: [(Document, [Sentence], [Mention], [Claim])]) throws -> GraphStore {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        try store.write { db in
            let writer = try GraphWriter(db)
            try writer.writeOntology(Fixtures.ontology)
            for (d, s, m, c) in documents { try writer.replace(document: d, sentences: s, mentions: m, claims: c) }
            try writer.finish()
        }
        return store
    }

    @Test func sentencesAndMentionsAreSpansOfTheDocumentTextAndHolderAndTitleAreKept() throws {
        let text = "Kratom eases pain, say users."
        let doc = Document(id: "a.txt", text: text, format: "text", title: "On kratom", url: "https://ex.org/a", date: "2026-01-02")
        let s = try store([Self.result(doc, claims: [Self.claim("kratom", "treats", "pain", doc: "a.txt", in: text, holder: "users")])])
        let claims = try s.claims()
        #expect(claims.map(\.claim.sentence) == [text])
        #expect(claims.map(\.claim.holder) == ["users"])
        #expect(try s.mentions().map(\.mention.text) == ["Kratom"])
        let stored = try #require(try s.documents().first)
        #expect(stored.title == "On kratom" && stored.url == "https://ex.org/a" && stored.date == "2026-01-02")
        // Text is kept once: no sentence or mention table has a text column.
        let columns = try s.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('sentences') UNION ALL SELECT name FROM pragma_table_info('mentions')")
        }
        #expect(!columns.contains("text"))
        #expect(try s.quadCount(graph: .iri(StoreGraphs.document("a.txt"))) == 0, "no reified claims")
    }

    @Test func mentionsPackIntoOneValuePerDocumentAndBack() {
        let mentions = [
            PackedMention(start: 0, end: 6, entity: 3, sentence: 0),
            PackedMention(start: 200_000, end: 200_130, entity: 9_000_000_000, sentence: 4_000),
            PackedMention(start: 7, end: 12, entity: 127, sentence: 0),
            PackedMention(start: 7, end: 12, entity: 128, sentence: 0),
        ]
        let packed = PackedMention.pack(mentions)
        #expect(PackedMention.unpack(packed) == [mentions[0], mentions[2], mentions[3], mentions[1]])
        #expect(packed.count < mentions.count * 8)
        #expect(PackedMention.unpack([]).isEmpty)
    }

    @Test func anEdgeIsContestedOnlyWhenDifferentDocumentsDisagree() throws {
        let a = "Kratom eases pain. Kratom eases pain not."
        let docA = Document(id: "a.txt", text: a, format: "text")
        let selfContradicting = Self.result(docA, claims: [
            Self.claim("kratom", "treats", "pain", doc: "a.txt", in: a),
            Self.claim("kratom", "treats", "pain", doc: "a.txt", in: a, negated: true),
        ])
        let alone = try store([selfContradicting])
        let edge = try #require(try alone.edges().first)
        #expect(edge.supportingDocuments == 1 && edge.denyingDocuments == 1 && edge.selfContradictingDocuments == 1)
        #expect(!edge.contested && edge.selfContradicting)
        #expect(try alone.statistics().contestedEdges == 0 && alone.statistics().selfContradictingEdges == 1)

        let b = "Kratom eases pain not."
        let docB = Document(id: "b.txt", text: b, format: "text")
        let disputed = try store([selfContradicting, Self.result(docB, claims: [
            Self.claim("kratom", "treats", "pain", doc: "b.txt", in: b, negated: true),
        ])])
        let both = try #require(try disputed.edges().first)
        #expect(both.contested && both.selfContradictingDocuments == 1)
        #expect(try disputed.statistics().contestedEdges == 1)
    }

    @Test func aStoreOfTheLastReleaseThatCannotBeUpgradedIsRefusedWithHowToRebuild() throws {
        let path = Fixtures.temporaryDirectory() + "/damaged-v2.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2")
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            try db.execute(sql: "INSERT INTO documents VALUES ('a.txt', 'h1', 'text', '2026-01-01', 'Kratom eases pain.')")
            try db.execute(sql: "DROP TABLE claims")
        }
        try queue.close()
        do {
            _ = try GraphStore(path: path)
            Issue.record("a store that cannot be upgraded was opened")
        } catch let error as StoreError {
            #expect(error.message.contains("cannot be upgraded in place") && error.message.contains("mitragraph build --store"))
        }
        let after = try DatabaseQueue(path: path)
        #expect(try after.read { try String.fetchAll($0, sql: "SELECT id FROM documents") } == ["a.txt"], "left as it was")
    }

    @Test func aStoreOfTheLastReleaseIsUpgradedInPlace() throws {
        // A v2 store as the last release wrote it: text keys, copied texts, reified claims.
        let path = try Self.oldStore("v2", rows: """
                INSERT INTO documents VALUES ('a.txt', 'h1', 'text', '2026-01-01', 'Kratom eases pain. Kratom is not addictive.');
                INSERT INTO sentences VALUES ('a.txt', 0, 0, 18, 'Kratom eases pain.'), ('a.txt', 1, 19, 43, 'Kratom is not addictive.');
                INSERT INTO mentions VALUES ('a.txt', 'kratom', 0, 6, 'Kratom', 0), ('a.txt', 'pain', 13, 17, 'pain', 0);
                INSERT INTO claims VALUES (1, 'a.txt', 0, 'kratom', 'treats', 'pain', 0, 6, 13, 17, 0, 0, 'trigger-between', 0.9),
                                          (2, 'a.txt', 1, 'kratom', 'has_adverse_effect', 'addiction', 19, 25, 33, 42, 1, 0, 'copula-adjective', 0.8);
                INSERT INTO edges VALUES ('kratom', 'treats', 'pain', 1, 0, 0, 1), ('kratom', 'has_adverse_effect', 'addiction', 0, 1, 0, 1);
                INSERT INTO terms (id, kind, value) VALUES (1, 1, '\(StoreGraphs.document("a.txt"))'), (2, 1, 'x');
                INSERT INTO quads VALUES (1, 1, 2, 2);
                """)

        let store = try GraphStore(path: path)
        let claims = try store.claims().map(\.claim)
        #expect(claims.map { "\($0.subject) \($0.predicate) \($0.object) \($0.negated) \($0.rule)" } == [
            "kratom treats pain false trigger-between", "kratom has_adverse_effect addiction true copula-adjective",
        ])
        #expect(claims.map(\.sentence) == ["Kratom eases pain.", "Kratom is not addictive."])
        #expect(try store.mentions().map(\.mention.text) == ["Kratom", "pain"])
        #expect(try store.edges().count == 2)
        #expect(try store.quadCount() == 0, "the document's reified claims are gone")
        #expect(try store.documents().map(\.id) == ["a.txt"])
    }

    @Test func aV6StoreLosesTheQuadsSubjectOrderingAndStillFindsSubjects() throws {
        // The last release kept quads in four orderings.
        let path = try Self.oldStore("v6-edges-by-id", rows: """
                CREATE INDEX quads_spo ON quads(s, p, o, g);
                INSERT INTO terms (id, kind, value) VALUES (1, 1, 'urn:g'), (2, 1, 'urn:h'), (3, 1, 'urn:s'), (4, 1, 'urn:p');
                INSERT INTO quads VALUES (1, 3, 4, 4), (2, 3, 4, 3), (2, 4, 4, 4);
                """)
        let store = try GraphStore(path: path)
        let indexes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quads' ORDER BY name")
        }
        #expect(indexes == ["quads_osp", "quads_pos"])
        #expect(Set(try store.quads(subject: .iri("urn:s")).map(\.graph)) == [.iri("urn:g"), .iri("urn:h")])
        let plan = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(QuadPattern.quadGraphs) SELECT 1 FROM quads q WHERE q.s = 3 AND q.g IN (SELECT g FROM quad_graphs)")
                .map { $0["detail"] as String }
        }
        #expect(plan.first?.contains("PRIMARY KEY (g=? AND s=?)") == true, "one seek per graph: \(plan)")
    }

    @Test func aV4StoreKeepsItsImportedSupportKeyedByTermIDs() throws {
        // A store of the last release: an import's support for edges kept by name. One name
        // ("nausea") has no term yet, as a damaged dictionary might; its support is kept too.
        let e = Namespace.entity, o = Namespace.ontology
        let path = try Self.oldStore("v4", rows: """
                INSERT INTO terms (id, kind, value) VALUES (1, 1, 'urn:g'), (2, 1, '\(e)kratom'), (3, 1, '\(o)treats'), (4, 1, '\(e)pain');
                INSERT INTO quads VALUES (1, 2, 3, 4);
                INSERT INTO graphs VALUES ('urn:g', 'import', 'g.nt', 1, '2026-01-01');
                INSERT INTO graph_edges VALUES ('kratom', 'treats', 'pain', 1), ('kratom', 'treats', 'nausea', 1);
                INSERT INTO edges VALUES ('kratom', 'treats', 'nausea', 1, 0, 0, 1, 0, 0), ('kratom', 'treats', 'pain', 1, 0, 0, 1, 0, 0);
                """)

        let store = try GraphStore(path: path)
        #expect(try store.edges().map { "\($0.key.object) \($0.supportingDocuments) \($0.claimCount)" } == ["nausea 1 1", "pain 1 1"])
        let types = try store.read { db in
            try String.fetchAll(db, sql: "SELECT type FROM pragma_table_info('graph_edges') ORDER BY cid")
        }
        #expect(types == ["INTEGER", "INTEGER", "INTEGER", "INTEGER"], "no names in the imported support")

        // Removing an entity finds its labels by index, not by reading them all.
        let plan = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT 1 FROM labels WHERE entity = 'kratom'").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("labels_entity") }, "\(plan)")

        // The carried-over support is the graph's: importing the graph again, empty, takes it away.
        let empty = Fixtures.write("", to: "g.nt", in: Fixtures.temporaryDirectory())
        try GraphImporter(store: store).importFile(empty, syntax: .ntriples, graph: "urn:g")
        #expect(try store.edges().isEmpty)
    }

    @Test func aStoreWithTheDocumentMetadataTableKeepsItsMetadataInTheDocuments() throws {
        // A store of the build that kept title, URL and date in a side table.
        let path = try Self.oldStore("v3-document-metadata", rows: """
                INSERT INTO documents VALUES ('a.html', 'h1', 'html', '2026-01-01', 'Kratom eases pain.');
                INSERT INTO documents VALUES ('b.txt', 'h2', 'text', '2026-01-01', 'Kratom is a plant.');
                INSERT INTO document_metadata VALUES ('a.html', 'Leaf Notes', 'https://example.org/leaf', '2025-03-01');
                """)

        let store = try GraphStore(path: path)
        let documents = try store.documents()
        #expect(documents.map { "\($0.id) \($0.title ?? "-") \($0.url ?? "-") \($0.date ?? "-")" } == [
            "a.html Leaf Notes https://example.org/leaf 2025-03-01", "b.txt - - -",
        ])
        let tables = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("document_metadata"), "metadata has one place: the documents' columns")
    }
}
