import Foundation
import GRDB
import MitraModel

/// The store's tables, created and upgraded by numbered migrations.
enum Schema {
    /// 'MGRF': marks a SQLite file as a mitragraph store.
    static let applicationID: Int32 = 0x4D47_5246

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY NOT NULL,
                    hash TEXT NOT NULL,
                    format TEXT NOT NULL,
                    added_at TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE TABLE sentences (
                    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (doc, idx)
                ) WITHOUT ROWID;
                CREATE TABLE classes (
                    name TEXT PRIMARY KEY NOT NULL,
                    iri TEXT NOT NULL,
                    parent TEXT,
                    biolink TEXT
                );
                CREATE TABLE predicates (
                    name TEXT PRIMARY KEY NOT NULL,
                    iri TEXT NOT NULL,
                    biolink TEXT NOT NULL,
                    subject_classes TEXT NOT NULL,
                    object_classes TEXT NOT NULL
                );
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY NOT NULL,
                    iri TEXT NOT NULL,
                    label TEXT NOT NULL,
                    class TEXT NOT NULL,
                    exact_matches TEXT NOT NULL,
                    close_matches TEXT NOT NULL
                );
                CREATE TABLE labels (
                    entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    label TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    normalized TEXT NOT NULL
                );
                CREATE INDEX labels_normalized ON labels(normalized);
                CREATE TABLE mentions (
                    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    entity TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    sentence INTEGER NOT NULL
                );
                CREATE INDEX mentions_doc ON mentions(doc);
                CREATE INDEX mentions_entity ON mentions(entity);
                CREATE TABLE claims (
                    id INTEGER PRIMARY KEY,
                    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    sentence INTEGER NOT NULL,
                    subject TEXT NOT NULL,
                    predicate TEXT NOT NULL,
                    object TEXT NOT NULL,
                    subject_start INTEGER NOT NULL,
                    subject_end INTEGER NOT NULL,
                    object_start INTEGER NOT NULL,
                    object_end INTEGER NOT NULL,
                    negated INTEGER NOT NULL,
                    hedged INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    confidence REAL NOT NULL
                );
                CREATE INDEX claims_doc ON claims(doc);
                CREATE INDEX claims_spo ON claims(subject, predicate, object);
                CREATE TABLE edges (
                    subject TEXT NOT NULL,
                    predicate TEXT NOT NULL,
                    object TEXT NOT NULL,
                    supporting_docs INTEGER NOT NULL,
                    denying_docs INTEGER NOT NULL,
                    hedged_claims INTEGER NOT NULL,
                    claim_count INTEGER NOT NULL,
                    PRIMARY KEY (subject, predicate, object)
                ) WITHOUT ROWID;
                CREATE INDEX edges_pos ON edges(predicate, object, subject);
                CREATE INDEX edges_osp ON edges(object, subject, predicate);
                """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        // Who the text says holds each claim (nil when it names nobody).
        migrator.registerMigration("v3-claim-holder") { db in
            try db.execute(sql: "ALTER TABLE claims ADD COLUMN holder TEXT")
        }
        migrator.registerMigration("v3-document-metadata") { db in
            // A store that already has the integer-keyed documents keeps metadata in their
            // columns: the side table would only go unused.
            if try db.columns(in: "documents").contains(where: { $0.name == "num" }) { return }
            try db.execute(sql: documentMetadata)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4
                .replacingOccurrences(of: "?1", with: "'\(Namespace.entity)'")
                .replacingOccurrences(of: "?2", with: "'\(Namespace.ontology)'")
                .replacingOccurrences(of: "?3", with: "'\(Namespace.document)%'"))
            try packMentions(in: db)
            try packSentences(in: db)
            // The edges are derived again by v5, which always follows: the derivation reads
            // the imported support in v5's layout.
        }
        migrator.registerMigration("v5-graph-edges-by-id") { db in
            try db.execute(sql: v5
                .replacingOccurrences(of: "?1", with: "'\(Namespace.entity)'")
                .replacingOccurrences(of: "?2", with: "'\(Namespace.ontology)'"))
            // The edges are derived again by v6, which always follows: it keys them by term id.
        }
        PushesTable.register(in: &migrator)
        migrator.registerMigration("v6-edges-by-id") { db in
            try db.execute(sql: v6)
            try EdgeDeriver.rebuildAll(in: db)
        }
        // The quads' (s, p, o, g) ordering goes: with the graph-first primary key and few
        // graphs, a subject is found by one seek per graph (`QuadGraphs`), and an import
        // builds one B-tree of its quads fewer.
        migrator.registerMigration("v7-no-quads-spo") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS quads_spo")
        }
        return migrator
    }

    /// The triple store beside the v1 tables: a term dictionary, quads in named graphs
    /// indexed for every access order, the edges imported graphs contribute, and metadata.
    static let v2 = """
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            value TEXT NOT NULL,
            datatype TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX terms_value ON terms(value, kind, datatype, lang);
        CREATE TABLE quads (
            g INTEGER NOT NULL,
            s INTEGER NOT NULL,
            p INTEGER NOT NULL,
            o INTEGER NOT NULL,
            PRIMARY KEY (g, s, p, o)
        ) WITHOUT ROWID;
        \(quadIndexes.joined(separator: ";\n"));
        CREATE TABLE graphs (
            iri TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            triples INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE graph_edges (
            subject TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object TEXT NOT NULL,
            graph INTEGER NOT NULL,
            PRIMARY KEY (subject, predicate, object, graph)
        ) WITHOUT ROWID;
        CREATE INDEX graph_edges_graph ON graph_edges(graph);
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        ALTER TABLE entities ADD COLUMN source TEXT NOT NULL DEFAULT 'ontology';
        CREATE INDEX entities_source ON entities(source);
        """

    /// One source of truth keyed by integers: documents get a number, sentences and mentions
    /// become spans of the document's text, claims and mentions name entities, predicates and
    /// rules by term id, edges learn which documents contradict themselves, and the reified
    /// claims of the document graphs (which nothing read) go. A v2 store's rows are carried
    /// over in place, the v3 `document_metadata` side table folded into the documents' columns
    /// (one place for metadata); `?1` stands for the entity namespace, `?2` the ontology's, `?3` the documents'
    /// (constants spliced in, as several statements cannot share bound parameters).
    static let v4 = """
        CREATE TABLE documents_v3 (
            num INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            format TEXT NOT NULL,
            added_at TEXT NOT NULL,
            text TEXT NOT NULL,
            title TEXT,
            url TEXT,
            date TEXT
        );
        INSERT INTO documents_v3 (id, hash, format, added_at, text, title, url, date)
            SELECT d.id, d.hash, d.format, d.added_at, d.text, m.title, m.url, m.date
            FROM documents d LEFT JOIN document_metadata m ON m.doc = d.id ORDER BY d.id;
        INSERT OR IGNORE INTO terms (kind, value)
            SELECT 1, ?1 || subject FROM claims UNION SELECT 1, ?1 || object FROM claims
            UNION SELECT 1, ?1 || entity FROM mentions UNION SELECT 1, ?2 || predicate FROM claims;
        INSERT OR IGNORE INTO terms (kind, value) SELECT DISTINCT 3, rule FROM claims;
        CREATE TABLE sentences_v3 (
            doc INTEGER PRIMARY KEY,
            count INTEGER NOT NULL,
            spans BLOB NOT NULL
        );
        CREATE TEMP TABLE sentences_flat AS
            SELECT d.num AS doc, s.start, s."end" FROM sentences s JOIN documents_v3 d ON d.id = s.doc ORDER BY 1, s.idx;
        CREATE TABLE mentions_v3 (
            doc INTEGER PRIMARY KEY,
            count INTEGER NOT NULL,
            spans BLOB NOT NULL
        );
        CREATE TEMP TABLE mentions_flat AS
            SELECT d.num AS doc, m.start, m."end", t.id AS entity, m.sentence FROM mentions m JOIN documents_v3 d ON d.id = m.doc
            JOIN terms t ON t.value = ?1 || m.entity AND t.kind = 1 AND t.datatype = '' AND t.lang = ''
            ORDER BY 1;
        CREATE TABLE claims_v3 (
            id INTEGER PRIMARY KEY,
            doc INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            subject INTEGER NOT NULL,
            predicate INTEGER NOT NULL,
            object INTEGER NOT NULL,
            subject_start INTEGER NOT NULL,
            subject_end INTEGER NOT NULL,
            object_start INTEGER NOT NULL,
            object_end INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            hedged INTEGER NOT NULL,
            rule INTEGER NOT NULL,
            confidence REAL NOT NULL,
            holder TEXT
        );
        INSERT INTO claims_v3
            SELECT c.id, d.num, c.sentence, ts.id, tp.id, tob.id, c.subject_start, c.subject_end, c.object_start,
                   c.object_end, c.negated, c.hedged, tr.id, c.confidence, c.holder
            FROM claims c JOIN documents_v3 d ON d.id = c.doc
            JOIN terms ts ON ts.value = ?1 || c.subject AND ts.kind = 1 AND ts.datatype = '' AND ts.lang = ''
            JOIN terms tp ON tp.value = ?2 || c.predicate AND tp.kind = 1 AND tp.datatype = '' AND tp.lang = ''
            JOIN terms tob ON tob.value = ?1 || c.object AND tob.kind = 1 AND tob.datatype = '' AND tob.lang = ''
            JOIN terms tr ON tr.value = c.rule AND tr.kind = 3 AND tr.datatype = '' AND tr.lang = ''
            ORDER BY c.id;
        DROP TABLE document_metadata;
        DROP TABLE claims;
        DROP TABLE mentions;
        DROP TABLE sentences;
        DROP TABLE documents;
        ALTER TABLE documents_v3 RENAME TO documents;
        ALTER TABLE sentences_v3 RENAME TO sentences;
        ALTER TABLE mentions_v3 RENAME TO mentions;
        ALTER TABLE claims_v3 RENAME TO claims;
        \(claimIndexes.joined(separator: ";\n"));
        DELETE FROM quads WHERE g IN (SELECT id FROM terms WHERE kind = 1 AND value LIKE ?3);
        ALTER TABLE edges ADD COLUMN self_contradicting INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE edges ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
        """

    /// An imported graph's support for edges keyed by term ids, graph first, like the quads
    /// it is found in: an import writes integers once instead of names twice (row and index).
    /// Labels get an index by entity: removing an entity (replacing an imported graph, or the
    /// ontology) cascades to its labels, which without one is a scan of them all per entity.
    /// A v4 store's rows are carried over; their terms exist (the graph's quads use them), and
    /// are added should one be missing, so no support is lost. `?1` and `?2` stand for the
    /// entity and ontology namespaces.
    static let v5 = """
        INSERT OR IGNORE INTO terms (kind, value)
            SELECT 1, ?1 || subject FROM graph_edges UNION SELECT 1, ?1 || object FROM graph_edges
            UNION SELECT 1, ?2 || predicate FROM graph_edges;
        CREATE TABLE graph_edges_v5 (
            graph INTEGER NOT NULL,
            s INTEGER NOT NULL,
            p INTEGER NOT NULL,
            o INTEGER NOT NULL,
            PRIMARY KEY (graph, s, p, o)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO graph_edges_v5
            SELECT g.graph, ts.id, tp.id, tob.id FROM graph_edges g
            JOIN terms ts ON ts.value = ?1 || g.subject AND ts.kind = 1 AND ts.datatype = '' AND ts.lang = ''
            JOIN terms tp ON tp.value = ?2 || g.predicate AND tp.kind = 1 AND tp.datatype = '' AND tp.lang = ''
            JOIN terms tob ON tob.value = ?1 || g.object AND tob.kind = 1 AND tob.datatype = '' AND tob.lang = ''
            ORDER BY 1, 2, 3, 4;
        DROP TABLE graph_edges;
        ALTER TABLE graph_edges_v5 RENAME TO graph_edges;
        CREATE INDEX graph_edges_spo ON graph_edges(s, p, o, graph);
        CREATE INDEX labels_entity ON labels(entity);
        """

    /// Edges keyed by the term ids of subject, predicate and object, as claims and imported
    /// support are: each name is kept once, in the dictionary, instead of in every edge row
    /// and both its indexes. The v5 rows (by name) are not converted but derived again from
    /// the claims and the imported support, which is what they are a count of. The imported
    /// support loses its second ordering: re-deriving a key seeks it once per imported graph
    /// in the primary key, and an import builds one B-tree for it instead of two.
    static let v6 = """
        DROP INDEX IF EXISTS graph_edges_spo;
        DROP TABLE edges;
        \(edgeTable);
        \(edgeIndexes.joined(separator: ";\n"));
        """

    /// The edge table: one row per (subject, predicate, object) of term ids.
    static let edgeTable = """
        CREATE TABLE edges (
            s INTEGER NOT NULL,
            p INTEGER NOT NULL,
            o INTEGER NOT NULL,
            supporting_docs INTEGER NOT NULL,
            denying_docs INTEGER NOT NULL,
            hedged_claims INTEGER NOT NULL,
            claim_count INTEGER NOT NULL,
            self_contradicting INTEGER NOT NULL DEFAULT 0,
            contested INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (s, p, o)
        ) WITHOUT ROWID
        """

    /// Packs the v2 mentions the migration copied out (`temp.mentions_flat`) a document at a time.
    private static func packMentions(in db: Database) throws {
        try packPerDocument(
            in: db, flat: "mentions_flat", columns: "start, \"end\", entity, sentence", into: "mentions",
            row: { PackedMention(start: $0[1], end: $0[2], entity: $0[3], sentence: $0[4]) }, pack: PackedMention.pack)
    }

    /// Packs the v2 sentences the migration copied out (`temp.sentences_flat`) a document at a time.
    private static func packSentences(in db: Database) throws {
        try packPerDocument(
            in: db, flat: "sentences_flat", columns: "start, \"end\"", into: "sentences",
            row: { Span(start: $0[1], end: max($0[1], $0[2] as Int)) }, pack: PackedSentences.pack)
    }

    /// Reads a flat temporary table ordered as copied (document number first), packs each
    /// document's rows into one row of `table` (doc, count, spans), and drops the flat table.
    private static func packPerDocument<Item>(
        in db: Database, flat: String, columns: String, into table: String,
        row makeItem: (Row) -> Item, pack: ([Item]) -> [UInt8]
    ) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO \(table) (doc, count, spans) VALUES (?, ?, ?)")
        var doc: Int64?
        var pending: [Item] = []
        func flush() throws {
            guard let doc else { return }
            try insert.execute(arguments: [doc, pending.count, Data(pack(pending))])
            pending.removeAll()
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT doc, \(columns) FROM temp.\(flat)")
        while let row = try rows.next() {
            let num: Int64 = row[0]
            if num != doc {
                try flush()
                doc = num
            }
            pending.append(makeItem(row))
        }
        try flush()
        try db.execute(sql: "DROP TABLE temp.\(flat)")
    }

    /// What a document states about itself (title, URL, date), in a v3 side table that v4
    /// folds into the documents' own columns.
    static let documentMetadata = """
        CREATE TABLE document_metadata (
            doc TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            title TEXT,
            url TEXT,
            date TEXT
        );
        CREATE INDEX document_metadata_url ON document_metadata(url);
        """

    /// The claims' secondary indexes: by document (to replace one) and by edge key, covering
    /// what edge derivation counts so it never looks a claim up.
    static let claimIndexes = [
        "CREATE INDEX claims_doc ON claims(doc)",
        "CREATE INDEX claims_spo ON claims(subject, predicate, object, doc, negated, hedged)",
    ]

    /// The secondary quad indexes: with the (g, s, p, o) primary key they serve every pattern,
    /// a bound subject without a graph by one primary-key seek per graph (`QuadGraphs`).
    /// The importer drops and re-creates them around a bulk load, so they are kept here once.
    static let quadIndexes = [
        "CREATE INDEX quads_pos ON quads(p, o, s, g)",
        "CREATE INDEX quads_osp ON quads(o, s, p, g)",
    ]
    static let quadIndexNames = ["quads_pos", "quads_osp"]
    /// The edge table's secondary indexes (v6), re-created the same way after a bulk import.
    static let edgeIndexes = [
        "CREATE INDEX edges_pos ON edges(p, o, s)",
        "CREATE INDEX edges_osp ON edges(o, s, p)",
    ]
    static let edgeIndexNames = ["edges_pos", "edges_osp"]
    static let termIndex = "CREATE UNIQUE INDEX terms_value ON terms(value, kind, datatype, lang)"
}
