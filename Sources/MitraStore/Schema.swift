import GRDB

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

    /// The secondary quad indexes: with the (g, s, p, o) primary key they serve every pattern.
    /// The importer drops and re-creates them around a bulk load, so they are kept here once.
    static let quadIndexes = [
        "CREATE INDEX quads_spo ON quads(s, p, o, g)",
        "CREATE INDEX quads_pos ON quads(p, o, s, g)",
        "CREATE INDEX quads_osp ON quads(o, s, p, g)",
    ]
    static let quadIndexNames = ["quads_spo", "quads_pos", "quads_osp"]
    /// The edge table's secondary indexes (v1), re-created the same way after a bulk import.
    static let edgeIndexes = [
        "CREATE INDEX edges_pos ON edges(predicate, object, subject)",
        "CREATE INDEX edges_osp ON edges(object, subject, predicate)",
    ]
    static let edgeIndexNames = ["edges_pos", "edges_osp"]
    static let termIndex = "CREATE UNIQUE INDEX terms_value ON terms(value, kind, datatype, lang)"
}
