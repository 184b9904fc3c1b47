import GRDB
import MitraModel

/// A named graph as the store lists it.
public struct StoredGraph: Sendable, Equatable {
    public var iri: String
    /// `ontology`, `document` or `import`.
    public var kind: String
    /// Quads in the graph.
    public var quads: Int

    public init(iri: String, kind: String, quads: Int) {
        self.iri = iri
        self.kind = kind
        self.quads = quads
    }
}

extension GraphStore {
    /// The quads matching a pattern; a nil position matches anything. Ordered by the
    /// index SQLite picks for the bound positions.
    public func quads(
        subject: Term? = nil, predicate: Term? = nil, object: Term? = nil, graph: Term? = nil, limit: Int? = nil
    ) throws -> [Quad] {
        var all: [Quad] = []
        try forEachQuad(subject: subject, predicate: predicate, object: object, graph: graph, limit: limit) {
            all.append($0)
        }
        return all
    }

    /// Streams the quads matching a pattern to `body` without holding them all.
    public func forEachQuad(
        subject: Term? = nil, predicate: Term? = nil, object: Term? = nil, graph: Term? = nil, limit: Int? = nil,
        _ body: (Quad) throws -> Void
    ) throws {
        try read { db in
            guard let filter = try QuadPattern(subject: subject, predicate: predicate, object: object, graph: graph, in: db)
            else { return }
            var sql = """
                \(filter.with)SELECT ts.kind, ts.value, ts.datatype, ts.lang, tp.kind, tp.value, tp.datatype, tp.lang,
                       tob.kind, tob.value, tob.datatype, tob.lang, tg.kind, tg.value, tg.datatype, tg.lang
                FROM quads q JOIN terms ts ON ts.id = q.s JOIN terms tp ON tp.id = q.p
                JOIN terms tob ON tob.id = q.o JOIN terms tg ON tg.id = q.g\(filter.where)
                """
            if let limit { sql += " LIMIT \(limit)" }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: filter.arguments)
            while let row = try cursor.next() {
                func term(_ i: Int) -> Term {
                    TermDictionary.term(kind: row[i], value: row[i + 1], datatype: row[i + 2], lang: row[i + 3])
                }
                try body(Quad(term(0), term(4), term(8), graph: term(12)))
            }
        }
    }

    /// How many quads match a pattern.
    public func quadCount(subject: Term? = nil, predicate: Term? = nil, object: Term? = nil, graph: Term? = nil) throws -> Int {
        try read { db in
            guard let filter = try QuadPattern(subject: subject, predicate: predicate, object: object, graph: graph, in: db)
            else { return 0 }
            return try Int.fetchOne(db, sql: "\(filter.with)SELECT count(*) FROM quads q\(filter.where)", arguments: filter.arguments) ?? 0
        }
    }

    /// Every named graph with its size: the ontology, each document, each import.
    public func graphs() throws -> [StoredGraph] {
        try read { db in
            let imported = Dictionary(
                try Row.fetchAll(db, sql: "SELECT iri, kind FROM graphs").map { ($0[0] as String, $0[1] as String) },
                uniquingKeysWith: { a, _ in a })
            return try Row.fetchAll(db, sql: """
                SELECT t.value, n FROM (SELECT g, count(*) AS n FROM quads GROUP BY g) JOIN terms t ON t.id = g
                ORDER BY t.value
                """).map { row in
                let iri: String = row[0]
                let kind = imported[iri] ?? (iri == StoreGraphs.ontology ? "ontology" : "document")
                return StoredGraph(iri: iri, kind: kind, quads: row[1])
            }
        }
    }

    static func termID(_ term: Term, in db: Database) throws -> Int64? {
        let key = TermDictionary.key(term)
        return try Int64.fetchOne(
            db, sql: "SELECT id FROM terms WHERE value = ? AND kind = ? AND datatype = ? AND lang = ?",
            arguments: [key.value, Int(key.kind), key.datatype, key.lang])
    }
}

/// A quad pattern as SQL over `quads q`: the bound positions' term ids, and the graphs to seek
/// when only the subject leads. The primary key is (g, s, p, o) and the other orderings start
/// with p or o, so a bound subject without a graph is found by one seek per graph, which
/// `quad_graphs` lists by hopping from each graph id to the next in the primary key.
struct QuadPattern {
    var with = ""
    var `where` = ""
    var arguments = StatementArguments()

    /// Nil when a bound term is not in the store, so nothing can match.
    init?(subject: Term?, predicate: Term?, object: Term?, graph: Term?, in db: Database) throws {
        var conditions: [String] = []
        var values: [DatabaseValueConvertible] = []
        for (column, term) in [("q.s", subject), ("q.p", predicate), ("q.o", object), ("q.g", graph)] {
            guard let term else { continue }
            guard let id = try GraphStore.termID(term, in: db) else { return nil }
            conditions.append("\(column) = ?")
            values.append(id)
        }
        if subject != nil, object == nil, graph == nil {
            with = Self.quadGraphs + " "
            conditions.append("q.g IN (SELECT g FROM quad_graphs)")
        }
        if !conditions.isEmpty { `where` = " WHERE " + conditions.joined(separator: " AND ") }
        arguments = StatementArguments(values)
    }

    /// The distinct graph ids of `quads`, one primary-key seek each.
    static let quadGraphs = """
        WITH RECURSIVE quad_graphs(g) AS (
            SELECT (SELECT min(g) FROM quads)
            UNION ALL
            SELECT (SELECT min(g) FROM quads WHERE g > quad_graphs.g) FROM quad_graphs WHERE quad_graphs.g IS NOT NULL)
        """
}
