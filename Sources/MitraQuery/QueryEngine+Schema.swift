import GRDB

/// Names the shell completes and the schema it shows.
public struct CompletionNames: Sendable, Equatable {
    public var predicates: [String]
    public var classes: [String]
    /// Preferred and alternative labels (not misspellings), sorted.
    public var labels: [String]

    public init(predicates: [String], classes: [String], labels: [String]) {
        self.predicates = predicates
        self.classes = classes
        self.labels = labels
    }
}

extension QueryEngine {
    /// Predicates, classes and labels, for Tab completion. Labels are capped so a store of
    /// imported millions still completes at once.
    public func completionNames(labelLimit: Int = 50_000) throws -> CompletionNames {
        try store.read { db in
            CompletionNames(
                predicates: try String.fetchAll(db, sql: "SELECT name FROM predicates ORDER BY name"),
                classes: try String.fetchAll(db, sql: "SELECT name FROM classes ORDER BY name"),
                labels: try String.fetchAll(db, sql: """
                    SELECT DISTINCT label FROM labels WHERE kind != 'hidden' ORDER BY label LIMIT ?
                    """, arguments: [labelLimit]))
        }
    }

    /// The classes (with parents) and predicates (with domain, range and edge count) of the store.
    public func schema() throws -> QueryResult {
        try store.read { db in
            var rows: [[Value]] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT c.name, c.parent, (SELECT count(*) FROM entities e WHERE e.class = c.name) AS n
                FROM classes c ORDER BY c.name
                """) {
                let parent: String? = row["parent"]
                rows.append([.text("class"), .text(row["name"]), .text(parent.map { "⊂ " + $0 } ?? ""), .integer(row["n"])])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT p.name, p.subject_classes, p.object_classes,
                       (SELECT count(*) FROM edges e INDEXED BY edges_pos WHERE e.predicate = p.name) AS n
                FROM predicates p ORDER BY p.name
                """) {
                let domain = (row["subject_classes"] as String).split(separator: " ").joined(separator: ", ")
                let range = (row["object_classes"] as String).split(separator: " ").joined(separator: ", ")
                rows.append([.text("predicate"), .text(row["name"]), .text("\(domain) → \(range)"), .integer(row["n"])])
            }
            return QueryResult(columns: ["kind", "name", "detail", "count"], rows: rows)
        }
    }
}
