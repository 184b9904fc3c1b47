import GRDB
import MitraModel

/// Executes parsed statements on one read transaction: pattern queries through the planner,
/// the other commands through their own SQL or, for `path`, a search the engine runs itself.
struct Commands {
    let catalog: Catalog
    let db: Database
    let canceller: QueryCanceller
    /// Where plans' statements are kept for the next query (nil: prepared each time).
    var plans: PlanStatements? = nil

    func run(_ statement: MitraModel.Statement) throws -> QueryResult {
        switch statement {
        case .select(let select):
            return try execute(try Planner(catalog: catalog, db: db).plan(select))
        case .describe(let name):
            var result = try describe(name)
            result.json = Self.describeJSON(result)
            return result
        case .neighbors(let name, let depth, let tail):
            return try neighbors(name, depth: depth, tail: tail).result
        case .path(let from, let to, let maxLength, let all):
            let paths = all ? try allShortestPaths(from, to, maxLength: maxLength) : try path(from, to, maxLength: maxLength).map { [$0] } ?? []
            var result = pathResult(paths, numbered: all)
            if paths.isEmpty { result.note = "no path of at most \(maxLength) step\(maxLength == 1 ? "" : "s") between \(from.text) and \(to.text)" }
            return result
        case .evidence(let select):
            return try evidence(select)
        case .contested(let tail, let withEvidence):
            return withEvidence ? try contestedWithEvidence(tail) : try contested(tail)
        case .explain(let inner):
            return try explain(inner)
        }
    }

    // MARK: pattern queries

    func execute(_ plan: Plan) throws -> QueryResult {
        let statement = try plans?.statement(plan.sql, in: db) ?? db.makeStatement(sql: plan.sql)
        var rows: [[Value]] = []
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            rows.append(plan.columns.map { plan.value($0, in: row) })
        }
        return QueryResult(columns: plan.columns.map(\.name), rows: rows)
    }

    // MARK: describe

    func describe(_ name: NameRef) throws -> QueryResult {
        let id = try catalog.entityIDs(name, in: db)[0]
        var rows: [[Value]] = []
        func fact(_ property: String, _ value: String) {
            if !value.isEmpty { rows.append([.text(property), .text(value), .null, .null]) }
        }
        if let entity = try Row.fetchOne(db, sql: "SELECT * FROM entities WHERE id = ?", arguments: [id]) {
            fact("id", id)
            fact("label", entity["label"])
            fact("class", entity["class"])
            fact("iri", entity["iri"])
            let others = try String.fetchAll(db, sql: """
                SELECT label FROM labels WHERE entity = ? AND kind = 'alt' ORDER BY label
                """, arguments: [id])
            fact("also known as", others.joined(separator: "; "))
            fact("exact matches", (entity["exact_matches"] as String).split(separator: " ").joined(separator: "; "))
            fact("close matches", (entity["close_matches"] as String).split(separator: " ").joined(separator: "; "))
        } else {
            fact("id", id)
        }
        // No term, no edges: the entity is only in the ontology.
        let term = try EdgeTerms.entity(id, in: db) ?? -1
        for row in try Row.fetchAll(db, sql: """
            SELECT predicate, other, coalesce(n.label, other) AS label, supporting_docs, denying_docs, inv FROM (
              SELECT \(EdgeTerms.predicateName("e.p")) AS predicate, \(EdgeTerms.entityName("e.o")) AS other,
                     supporting_docs, denying_docs, 0 AS inv FROM edges e WHERE e.s = ?1
              UNION ALL
              SELECT \(EdgeTerms.predicateName("e.p")), \(EdgeTerms.entityName("e.s")), supporting_docs, denying_docs, 1
              FROM edges e INDEXED BY edges_osp WHERE e.o = ?1) LEFT JOIN entities n ON n.id = other
            ORDER BY inv, predicate, supporting_docs DESC, label
            """, arguments: [term]) {
            let predicate: String = row["predicate"]
            rows.append([.text((row["inv"] as Int) == 1 ? "^" + predicate : predicate),
                         .entity(id: row["other"], label: row["label"]),
                         .integer(row["supporting_docs"]), .integer(row["denying_docs"])])
        }
        return QueryResult(columns: ["property", "value", "support", "denials"], rows: rows)
    }

    // MARK: neighbors

    func neighbors(_ name: NameRef, depth: Int, tail: Tail) throws -> (result: QueryResult, ids: [String]) {
        if let key = tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "neighbors are ordered by depth; use limit and offset only")
        }
        let seeds = try catalog.entityIDs(name, in: db)
        // A seed without a term has no edges: the walk starts from the others.
        let terms = try EdgeTerms.entities(seeds, in: db).map(String.init)
        let values = terms.isEmpty ? "SELECT NULL, 0 WHERE 0" : "VALUES " + terms.map { "(\($0), 0)" }.joined(separator: ", ")
        var sql = """
            WITH RECURSIVE walk(node, depth) AS (
              \(values)
              UNION
              SELECT e.o, w.depth + 1 FROM walk w JOIN edges e ON e.s = w.node WHERE w.depth < \(depth) AND e.supporting_docs > 0
              UNION
              SELECT e.s, w.depth + 1 FROM walk w JOIN edges e ON e.o = w.node WHERE w.depth < \(depth) AND e.supporting_docs > 0
            )
            SELECT x.node, x.depth, coalesce(n.label, x.node) AS label, coalesce(n.class, '') AS class
            FROM (SELECT \(EdgeTerms.entityName("w.node")) AS node, min(w.depth) AS depth FROM walk w
                  WHERE w.node NOT IN (\(terms.joined(separator: ", "))) GROUP BY w.node) x
            LEFT JOIN entities n ON n.id = x.node
            ORDER BY x.depth, label, x.node
            """
        if let limit = tail.limit { sql += " LIMIT \(limit)" } else if tail.offset != nil { sql += " LIMIT -1" }
        if let offset = tail.offset { sql += " OFFSET \(offset)" }
        var rows: [[Value]] = []
        var ids: [String] = []
        for row in try Row.fetchAll(db, sql: sql) {
            ids.append(row["node"])
            rows.append([.entity(id: row["node"], label: row["label"]), .text(row["class"]), .integer(row["depth"])])
        }
        return (QueryResult(columns: ["entity", "class", "depth"], rows: rows), seeds + ids)
    }

    // MARK: path

    typealias Step = PathStep

    /// The search `path` and `path all` run, reading each node's edges when it is reached.
    var pathFinder: PathFinder { PathFinder { _ in adjacent } }

    /// The shortest path between two entities, edges followed either way.
    func path(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [Step]? {
        try pathFinder.shortest(from: try catalog.entityIDs(from, in: db), to: try catalog.entityIDs(to, in: db), maxLength: maxLength)
    }

    /// The entities one affirmed edge away from `node`, either way, each with that edge.
    func adjacent(_ node: String) throws -> [(String, Step)] {
        try canceller.check()
        guard let term = try EdgeTerms.entity(node, in: db) else { return [] }
        let outgoing = try db.cachedStatement(sql: """
            SELECT \(EdgeTerms.predicateName("p")), \(EdgeTerms.entityName("o")), supporting_docs
            FROM edges WHERE s = ? AND supporting_docs > 0
            """)
        let incoming = try db.cachedStatement(sql: """
            SELECT \(EdgeTerms.entityName("s")), \(EdgeTerms.predicateName("p")), supporting_docs
            FROM edges INDEXED BY edges_osp WHERE o = ? AND supporting_docs > 0
            """)
        var found: [(String, Step)] = []
        for row in try Row.fetchAll(outgoing, arguments: [term]) {
            let other: String = row[1]
            found.append((other, Step(key: EdgeKey(subject: node, predicate: row[0], object: other), support: row[2])))
        }
        for row in try Row.fetchAll(incoming, arguments: [term]) {
            let other: String = row[0]
            found.append((other, Step(key: EdgeKey(subject: other, predicate: row[1], object: node), support: row[2])))
        }
        return found
    }

    /// Steps as rows; with `numbered`, a first column says which path each step is on.
    func pathResult(_ paths: [[Step]], numbered: Bool = false) -> QueryResult {
        var rows: [[Value]] = []
        for (p, steps) in paths.enumerated() {
            for (n, step) in steps.enumerated() {
                let row: [Value] = [.integer(n + 1), entity(step.key.subject), .text(step.key.predicate), entity(step.key.object),
                                    .integer(step.support)]
                rows.append(numbered ? [.integer(p + 1)] + row : row)
            }
        }
        return QueryResult(columns: (numbered ? ["path"] : []) + ["step", "subject", "predicate", "object", "support"], rows: rows)
    }

    func entity(_ id: String) -> Value {
        let label = (try? String.fetchOne(db, sql: "SELECT label FROM entities WHERE id = ?", arguments: [id])) ?? nil
        return .entity(id: id, label: label ?? id)
    }

    // MARK: contested

    func contestedKeys(_ tail: Tail) throws -> [Row] {
        var order: [String] = []
        for key in tail.order {
            guard case .edge(let number) = key.target, number == .support || number == .denials else {
                throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                                 message: "contested edges can be ordered by support or denials")
            }
            order.append(Planner.column(number) + (key.descending ? " DESC" : ""))
        }
        var sql = """
            SELECT e.subject, coalesce(s.label, e.subject) AS subject_label, e.predicate, e.object,
                   coalesce(o.label, e.object) AS object_label, e.supporting_docs, e.denying_docs, e.self_contradicting
            FROM (SELECT \(EdgeTerms.names), e.supporting_docs, e.denying_docs, e.self_contradicting
                  FROM \(EdgeTerms.namedEdges) WHERE e.contested) e
            LEFT JOIN entities s ON s.id = e.subject LEFT JOIN entities o ON o.id = e.object
            ORDER BY \((order + (tail.limit != nil && order.isEmpty ? ["e.subject", "e.predicate", "e.object"] : ["subject_label", "e.predicate", "object_label"])).joined(separator: ", "))
            """
        if let limit = tail.limit { sql += " LIMIT \(limit)" } else if tail.offset != nil { sql += " LIMIT -1" }
        if let offset = tail.offset { sql += " OFFSET \(offset)" }
        return try Row.fetchAll(db, sql: sql)
    }

    func contested(_ tail: Tail) throws -> QueryResult {
        let rows = try contestedKeys(tail).map { row -> [Value] in
            [.entity(id: row["subject"], label: row["subject_label"]), .text(row["predicate"]),
             .entity(id: row["object"], label: row["object_label"]), .integer(row["supporting_docs"]),
             .integer(row["denying_docs"]), .integer(row["self_contradicting"])]
        }
        // Documents that both affirm and deny an edge are counted apart: they never make it
        // contested on their own.
        return QueryResult(columns: ["subject", "predicate", "object", "support", "denials", "self_contradicting"], rows: rows)
    }

    // MARK: explain

    func explain(_ statement: MitraModel.Statement) throws -> QueryResult {
        var lines: [String]
        switch statement {
        case .select(let select):
            let plan = try Planner(catalog: catalog, db: db).plan(select)
            lines = plan.steps + ["SQL:"] + plan.sql.split(separator: "\n").map { "  " + $0 } + ["SQLite plan:"]
            for row in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.sql) {
                let depth = (row["parent"] as Int) == 0 ? 1 : 2
                lines.append(String(repeating: "  ", count: depth) + (row["detail"] as String))
            }
        case .describe:
            lines = ["describe: the entity's row, its labels, then its edges out (index edges(subject, predicate, object))",
                     "and in (index edges_osp(object, subject, predicate))"]
        case .neighbors(_, let depth, _):
            lines = ["neighbors: a recursive walk up to depth \(depth) over affirmed edges in both directions,",
                     "each step an index lookup (edges by subject, edges_osp by object)"]
        case .path(_, _, let maxLength, _):
            lines = ["path: breadth-first search from both ends, up to \(maxLength) edges, growing the smaller frontier;",
                     "each node's edges read through edges(subject, …) and edges_osp(object, …)"]
        case .evidence:
            lines = ["evidence: the pattern's edges as a pattern query plans them, then their claims by index",
                     "claims_spo(subject, predicate, object), joined to their sentences"]
        case .contested:
            lines = ["contested: a scan of edges for an affirming and a different denying document"]
        case .explain(let inner):
            return try explain(inner)
        }
        return QueryResult(columns: ["plan"], rows: lines.map { [.text($0)] })
    }

    // MARK: subgraphs

    func subgraph(_ statement: MitraModel.Statement) throws -> Subgraph {
        switch statement {
        case .select(let select):
            let plan = try Planner(catalog: catalog, db: db).plan(select, forSubgraph: true)
            var entities: Set<String> = []
            var edges: Set<EdgeKey> = []
            let cursor = try Row.fetchCursor(try db.makeStatement(sql: plan.sql))
            while let row = try cursor.next() {
                for i in plan.entityColumns { if let id: String = row[i] { entities.insert(id) } }
                for (s, p, o) in plan.edgeKeys { edges.insert(EdgeKey(subject: row[s], predicate: row[p], object: row[o])) }
            }
            return Subgraph(entityIDs: entities, edges: edges)
        case .describe(let name):
            let id = try catalog.entityIDs(name, in: db)[0]
            let edges = try Row.fetchAll(db, sql: """
                SELECT \(EdgeTerms.names) FROM \(EdgeTerms.namedEdges) WHERE e.s = ?1
                UNION SELECT \(EdgeTerms.names) FROM \(EdgeTerms.namedEdges(indexedBy: "edges_osp")) WHERE e.o = ?1
                """, arguments: [try EdgeTerms.entity(id, in: db) ?? -1]).map { EdgeKey(subject: $0[0], predicate: $0[1], object: $0[2]) }
            return Subgraph(entityIDs: [id], edges: Set(edges))
        case .neighbors(let name, let depth, let tail):
            let ids = try neighbors(name, depth: depth, tail: tail).ids
            let members = Set(ids)
            var edges: Set<EdgeKey> = []
            let outgoing = try db.cachedStatement(sql: """
                SELECT \(EdgeTerms.predicateName("p")), \(EdgeTerms.entityName("o")) FROM edges WHERE s = ? AND supporting_docs > 0
                """)
            for id in ids {
                guard let term = try EdgeTerms.entity(id, in: db) else { continue }
                for row in try Row.fetchAll(outgoing, arguments: [term]) where members.contains(row[1]) {
                    edges.insert(EdgeKey(subject: id, predicate: row[0], object: row[1]))
                }
            }
            return Subgraph(entityIDs: members, edges: edges)
        case .path(let from, let to, let maxLength, let all):
            let steps = all ? try allShortestPaths(from, to, maxLength: maxLength).flatMap { $0 } : try path(from, to, maxLength: maxLength) ?? []
            return Subgraph(edges: Set(steps.map(\.key)))
        case .evidence(let select):
            let keys = try evidenceEdges(select)
            return Subgraph(entityIDs: Set(keys.flatMap { [$0.subject, $0.object] }), edges: Set(keys))
        case .contested(let tail, _):
            return Subgraph(edges: Set(try contestedKeys(tail).map { EdgeKey(subject: $0["subject"], predicate: $0["predicate"], object: $0["object"]) }))
        case .explain(let inner):
            return try subgraph(inner)
        }
    }
}
