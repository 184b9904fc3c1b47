import GRDB
import MitraModel

/// Executes parsed statements on one read transaction: pattern queries through the planner,
/// the other commands through their own SQL or, for `path`, a search the engine runs itself.
struct Commands {
    let catalog: Catalog
    let db: Database
    let canceller: QueryCanceller

    func run(_ statement: Statement) throws -> QueryResult {
        switch statement {
        case .select(let select):
            return try execute(try Planner(catalog: catalog, db: db).plan(select))
        case .describe(let name):
            return try describe(name)
        case .neighbors(let name, let depth, let tail):
            return try neighbors(name, depth: depth, tail: tail).result
        case .path(let from, let to, let maxLength):
            return pathResult(try path(from, to, maxLength: maxLength))
        case .evidence(let s, let p, let o):
            return try evidence(s, p, o)
        case .contested(let tail):
            return try contested(tail)
        case .explain(let inner):
            return try explain(inner)
        }
    }

    // MARK: pattern queries

    func execute(_ plan: Plan) throws -> QueryResult {
        let statement = try db.makeStatement(sql: plan.sql)
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
        var rows = try describeFacts(id)
        for row in try Row.fetchAll(db, sql: """
            SELECT predicate, object AS other, coalesce(n.label, object) AS label, supporting_docs, denying_docs, 0 AS inv
            FROM edges LEFT JOIN entities n ON n.id = object WHERE subject = ?
            UNION ALL
            SELECT predicate, subject, coalesce(n.label, subject), supporting_docs, denying_docs, 1
            FROM edges INDEXED BY edges_osp LEFT JOIN entities n ON n.id = subject WHERE object = ?
            ORDER BY inv, predicate, supporting_docs DESC, label
            """, arguments: [id, id]) {
            let predicate: String = row["predicate"]
            rows.append([.text((row["inv"] as Int) == 1 ? "^" + predicate : predicate),
                         .entity(id: row["other"], label: row["label"]),
                         .integer(row["supporting_docs"]), .integer(row["denying_docs"])])
        }
        return QueryResult(columns: ["property", "value", "support", "denials"], rows: rows)
    }

    /// The rows of `describe` before the edges: the entity's id, labels, class and matches.
    func describeFacts(_ id: String) throws -> [[Value]] {
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
        return rows
    }

    // MARK: neighbors

    func neighbors(_ name: NameRef, depth: Int, tail: Tail) throws -> (result: QueryResult, ids: [String]) {
        if let key = tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "neighbors are ordered by depth; use limit and offset only")
        }
        let seeds = try catalog.entityIDs(name, in: db)
        let values = seeds.map { "(\(quote($0)))" }.joined(separator: ", ")
        var sql = """
            WITH RECURSIVE walk(node, depth) AS (
              SELECT column1, 0 FROM (VALUES \(values))
              UNION
              SELECT e.object, w.depth + 1 FROM walk w JOIN edges e ON e.subject = w.node WHERE w.depth < \(depth) AND e.supporting_docs > 0
              UNION
              SELECT e.subject, w.depth + 1 FROM walk w JOIN edges e ON e.object = w.node WHERE w.depth < \(depth) AND e.supporting_docs > 0
            )
            SELECT w.node, min(w.depth) AS depth, coalesce(n.label, w.node) AS label, coalesce(n.class, '') AS class
            FROM walk w LEFT JOIN entities n ON n.id = w.node
            WHERE w.node NOT IN (\(seeds.map(quote).joined(separator: ", ")))
            GROUP BY w.node ORDER BY depth, label, w.node
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

    /// One edge of a path with its support.
    struct Step {
        var key: EdgeKey
        var support: Int
    }

    /// The shortest path between two entities, edges followed either way, found by a
    /// breadth-first search from both ends (each round grows the smaller frontier), so the
    /// work is about the square root of a one-sided search's.
    func path(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [Step]? {
        let sources = try catalog.entityIDs(from, in: db)
        let targets = try catalog.entityIDs(to, in: db)
        if !Set(sources).isDisjoint(with: targets) { return [] }
        let outgoing = try db.cachedStatement(sql: """
            SELECT predicate, object, supporting_docs FROM edges WHERE subject = ? AND supporting_docs > 0
            """)
        let incoming = try db.cachedStatement(sql: """
            SELECT subject, predicate, supporting_docs FROM edges INDEXED BY edges_osp WHERE object = ? AND supporting_docs > 0
            """)
        // node → (the node it was reached from, the edge between them); nil for a root.
        var parents: [[String: (String, Step)?]] = [
            Dictionary(uniqueKeysWithValues: sources.map { ($0, nil) }),
            Dictionary(uniqueKeysWithValues: targets.map { ($0, nil) }),
        ]
        var frontiers = [sources, targets]
        var depths = [0, 0]
        while depths[0] + depths[1] < maxLength, !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            var next: [String] = []
            for node in frontiers[side] {
                try canceller.check()
                var found: [(String, Step)] = []
                for row in try Row.fetchAll(outgoing, arguments: [node]) {
                    let other: String = row[1]
                    found.append((other, Step(key: EdgeKey(subject: node, predicate: row[0], object: other), support: row[2])))
                }
                for row in try Row.fetchAll(incoming, arguments: [node]) {
                    let other: String = row[0]
                    found.append((other, Step(key: EdgeKey(subject: other, predicate: row[1], object: node), support: row[2])))
                }
                for (other, step) in found where parents[side][other] == nil {
                    parents[side][other] = .some((node, step))
                    if parents[1 - side][other] != nil {
                        return Self.join(at: other, parents)
                    }
                    next.append(other)
                }
            }
            frontiers[side] = next
            depths[side] += 1
        }
        return nil
    }

    static func join(at meeting: String, _ parents: [[String: (String, Step)?]]) -> [Step] {
        var head: [Step] = []
        var node = meeting
        while let entry = parents[0][node], let (previous, step) = entry {
            head.append(step)
            node = previous
        }
        var tail: [Step] = []
        node = meeting
        while let entry = parents[1][node], let (previous, step) = entry {
            tail.append(step)
            node = previous
        }
        return head.reversed() + tail
    }

    func pathResult(_ steps: [Step]?) -> QueryResult {
        var rows: [[Value]] = []
        for (n, step) in (steps ?? []).enumerated() {
            rows.append([.integer(n + 1), entity(step.key.subject), .text(step.key.predicate), entity(step.key.object),
                         .integer(step.support)])
        }
        return QueryResult(columns: ["step", "subject", "predicate", "object", "support"], rows: rows)
    }

    func entity(_ id: String) -> Value {
        let label = (try? String.fetchOne(db, sql: "SELECT label FROM entities WHERE id = ?", arguments: [id])) ?? nil
        return .entity(id: id, label: label ?? id)
    }

    // MARK: evidence

    func evidence(_ s: NameRef, _ p: NameRef, _ o: NameRef) throws -> QueryResult {
        let subjects = try catalog.entityIDs(s, in: db)
        let predicate = try catalog.predicate(p, in: db)
        let objects = try catalog.entityIDs(o, in: db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.doc, c.sentence, c.negated, c.hedged, s.text FROM claims c
            JOIN sentences s ON s.doc = c.doc AND s.idx = c.sentence
            WHERE c.subject IN (\(subjects.map(quote).joined(separator: ", "))) AND c.predicate = ?
              AND c.object IN (\(objects.map(quote).joined(separator: ", ")))
            ORDER BY c.doc, c.sentence, c.id
            """, arguments: [predicate]).map { row -> [Value] in
            [.text(row["doc"]), .integer(row["sentence"]), .text((row["negated"] as Bool) ? "denied" : "affirmed"),
             .text((row["hedged"] as Bool) ? "hedged" : "firm"), .text(row["text"])]
        }
        return QueryResult(columns: ["document", "sentence", "polarity", "certainty", "text"], rows: rows)
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
                   coalesce(o.label, e.object) AS object_label, e.supporting_docs, e.denying_docs
            FROM edges e LEFT JOIN entities s ON s.id = e.subject LEFT JOIN entities o ON o.id = e.object
            WHERE e.supporting_docs > 0 AND e.denying_docs > 0
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
             .integer(row["denying_docs"])]
        }
        return QueryResult(columns: ["subject", "predicate", "object", "support", "denials"], rows: rows)
    }

    // MARK: explain

    func explain(_ statement: Statement) throws -> QueryResult {
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
        case .path(_, _, let maxLength):
            lines = ["path: breadth-first search from both ends, up to \(maxLength) edges, growing the smaller frontier;",
                     "each node's edges read through edges(subject, …) and edges_osp(object, …)"]
        case .evidence:
            lines = ["evidence: claims by index claims_spo(subject, predicate, object), joined to their sentences"]
        case .contested:
            lines = ["contested: a scan of edges for support > 0 and denials > 0"]
        case .explain(let inner):
            return try explain(inner)
        }
        return QueryResult(columns: ["plan"], rows: lines.map { [.text($0)] })
    }

    // MARK: subgraphs

    func subgraph(_ statement: Statement) throws -> Subgraph {
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
                SELECT subject, predicate, object FROM edges WHERE subject = ?
                UNION SELECT subject, predicate, object FROM edges INDEXED BY edges_osp WHERE object = ?
                """, arguments: [id, id]).map { EdgeKey(subject: $0[0], predicate: $0[1], object: $0[2]) }
            return Subgraph(entityIDs: [id], edges: Set(edges))
        case .neighbors(let name, let depth, let tail):
            let ids = try neighbors(name, depth: depth, tail: tail).ids
            let members = Set(ids)
            var edges: Set<EdgeKey> = []
            let outgoing = try db.cachedStatement(sql: "SELECT predicate, object FROM edges WHERE subject = ? AND supporting_docs > 0")
            for id in ids {
                for row in try Row.fetchAll(outgoing, arguments: [id]) where members.contains(row[1]) {
                    edges.insert(EdgeKey(subject: id, predicate: row[0], object: row[1]))
                }
            }
            return Subgraph(entityIDs: members, edges: edges)
        case .path(let from, let to, let maxLength):
            let steps = try path(from, to, maxLength: maxLength) ?? []
            return Subgraph(edges: Set(steps.map(\.key)))
        case .evidence(let s, let p, let o):
            let subjects = try catalog.entityIDs(s, in: db), objects = try catalog.entityIDs(o, in: db)
            let predicate = try catalog.predicate(p, in: db)
            var edges: Set<EdgeKey> = []
            for subject in subjects {
                for object in objects where try Bool.fetchOne(db, sql: "SELECT 1 FROM edges WHERE subject = ? AND predicate = ? AND object = ?",
                                                               arguments: [subject, predicate, object]) == true {
                    edges.insert(EdgeKey(subject: subject, predicate: predicate, object: object))
                }
            }
            return Subgraph(entityIDs: Set(subjects + objects), edges: edges)
        case .contested(let tail):
            return Subgraph(edges: Set(try contestedKeys(tail).map { EdgeKey(subject: $0["subject"], predicate: $0["predicate"], object: $0["object"]) }))
        case .explain(let inner):
            return try subgraph(inner)
        }
    }
}
