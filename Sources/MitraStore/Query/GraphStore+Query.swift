import GRDB
import MitraModel

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

/// The store executes the query language: a parsed statement comes in, typed rows come out.
///
/// The query layer (MitraQuery) owns the language: text to syntax tree, errors rendered with
/// their line, results formatted. The store owns everything that depends on how the graph is
/// laid out: resolving names against its tables, measuring each pattern's selectivity through
/// its indexes, compiling the joined patterns to one SQL statement, searching paths, and
/// stopping a statement on time-out or Ctrl-C (`QueryCanceller`).
extension GraphStore {
    /// The fields of an evidence row, the one schema of `evidence`, `contested with evidence`
    /// and `mitragraph evidence --json`.
    public static var evidenceColumns: [String] { Commands.evidenceColumns }

    /// Runs one statement on a consistent snapshot. `canceller` stops it (on time-out or from
    /// another thread); failures of the store underneath become `.storeFailure` errors.
    public func run(_ statement: MitraModel.Statement, canceller: QueryCanceller = QueryCanceller()) throws -> QueryResult {
        try executing(canceller) { db in
            try Commands(catalog: Catalog(), db: db, canceller: canceller, plans: isSingleConnection ? planStatements : nil).run(statement)
        }
    }

    /// The part of the graph a statement's result covers: every entity in it and every edge
    /// its patterns matched (for `describe`, `neighbors`, `path`, `evidence` and `contested`,
    /// the edges they show).
    public func subgraph(of statement: MitraModel.Statement, canceller: QueryCanceller = QueryCanceller()) throws -> Subgraph {
        try executing(canceller) { db in
            try Commands(catalog: Catalog(), db: db, canceller: canceller).subgraph(statement)
        }
    }

    private func executing<T>(_ canceller: QueryCanceller, _ body: (Database) throws -> T) throws -> T {
        do {
            return try read { db in
                try tuneForQueries(db)
                return try canceller.watching(db) { try body(db) }
            }
        } catch let error as DatabaseError {
            throw QueryError(kind: .storeFailure, line: 1, column: 1, message: "the store failed: \(error.message ?? "\(error)")")
        }
    }

    /// A bigger page cache and memory-mapped reads for the connection: joins over a large
    /// graph look rows up by key all over the file, which the default 2 MB cache turns into
    /// reads from disk. A pragma takes effect when it is prepared, so these are prepared
    /// afresh; the single connection of an up-to-date store keeps them until a write (whose
    /// bulk loads set their own cache size), so a short query pays for them once, not each time.
    func tuneForQueries(_ db: Database) throws {
        if isSingleConnection && isTunedForQueries { return }
        try db.execute(sql: "PRAGMA cache_size = -65536")
        try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        if isSingleConnection { isTunedForQueries = true }
    }

    /// Predicates, classes and labels, for Tab completion. Labels are capped so a store of
    /// imported millions still completes at once.
    public func completionNames(labelLimit: Int = 50_000) throws -> CompletionNames {
        try read { db in
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
        try read { db in
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
                       (SELECT count(*) FROM edges e INDEXED BY edges_pos WHERE e.p = \(EdgeTerms.predicateTerm("p.name"))) AS n
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
