import GRDB
import MitraModel

/// Turns the ends of edges between the term ids `edges` is keyed by and the names the typed
/// API speaks: in SQL (subqueries on the dictionary's primary key and its value index) and in
/// Swift (through statements cached on the connection).
///
/// Every edge's subject and object is an `mge:` IRI and its predicate an `mg:` one, so a name
/// is the term's value less that namespace, and ordering terms by value orders them by name.
enum EdgeTerms {
    /// SQL for the entity name of the term id `expression` (which must not be a bare `id`:
    /// inside the subquery that is the term's own).
    static func entityName(_ expression: String) -> String {
        "substr((SELECT value FROM terms WHERE id = \(expression)), \(GraphWriter.entityStart))"
    }

    /// SQL for the predicate name of the term id `expression`.
    static func predicateName(_ expression: String) -> String {
        "substr((SELECT value FROM terms WHERE id = \(expression)), \(GraphWriter.predicateStart))"
    }

    /// SQL for the term id of the predicate whose name `expression` gives (NULL when none).
    static func predicateTerm(_ expression: String) -> String {
        "(SELECT id FROM terms WHERE value = \(quote(Namespace.ontology)) || \(expression) AND kind = 1 AND datatype = '' AND lang = '')"
    }

    /// The FROM clause of edges `e` with the terms of their ends joined as `ts`, `tp`, `tob`.
    static let namedEdges = namedEdges(indexedBy: nil)

    /// `namedEdges`, the edges read through `index` when one is given.
    static func namedEdges(indexedBy index: String?) -> String {
        "edges e\(index.map { " INDEXED BY " + $0 } ?? "") JOIN terms ts ON ts.id = e.s JOIN terms tp ON tp.id = e.p JOIN terms tob ON tob.id = e.o"
    }

    /// The select list of the names of a `namedEdges` row: subject, predicate, object.
    static let names = """
        substr(ts.value, \(GraphWriter.entityStart)) AS subject, substr(tp.value, \(GraphWriter.predicateStart)) AS predicate, \
        substr(tob.value, \(GraphWriter.entityStart)) AS object
        """

    /// Every edge with its names and counts (`names`, then `e.*`'s counts), ordered by subject,
    /// predicate and object name (by their UTF-8 bytes, SQLite's BINARY order). The subjects'
    /// terms are read in order from the dictionary's value index, so only each subject's
    /// edges are sorted, not all of them.
    static let allNamedEdges = """
        SELECT \(names), e.supporting_docs, e.denying_docs, e.hedged_claims, e.claim_count, e.self_contradicting, e.contested
        FROM terms ts CROSS JOIN edges e ON e.s = ts.id JOIN terms tp ON tp.id = e.p JOIN terms tob ON tob.id = e.o
        WHERE ts.value > \(quote(Namespace.entity)) AND ts.value < \(quote(TermNames.upperBound(ofPrefix: Namespace.entity)))
          AND ts.kind = 1 AND ts.datatype = '' AND ts.lang = ''
        ORDER BY ts.value, tp.value, tob.value
        """

    /// The term id of entity `name`, nil when the dictionary has none (then no edge has it).
    static func entity(_ name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(try lookup(db), arguments: [Namespace.entity + name])
    }

    /// The term id of predicate `name`, nil when the dictionary has none.
    static func predicate(_ name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(try lookup(db), arguments: [Namespace.ontology + name])
    }

    /// The term ids of those of `names` the dictionary has, in their order.
    static func entities(_ names: [String], in db: Database) throws -> [Int64] {
        try names.compactMap { try entity($0, in: db) }
    }

    /// The term ids of those of the predicate `names` the dictionary has, in their order.
    static func predicates(_ names: [String], in db: Database) throws -> [Int64] {
        try names.compactMap { try predicate($0, in: db) }
    }

    private static func lookup(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: "SELECT id FROM terms WHERE value = ? AND kind = 1 AND datatype = '' AND lang = ''")
    }

    /// `column = id` or `column IN (ids)`; with no ids, a test no row passes.
    static func inList(_ column: String, _ ids: [Int64]) -> String {
        switch ids.count {
        case 0: "\(column) IN ()"
        case 1: "\(column) = \(ids[0])"
        default: "\(column) IN (\(ids.map(String.init).joined(separator: ", ")))"
        }
    }
}
