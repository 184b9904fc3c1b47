import GRDB
import MitraModel

/// Turns a pattern query into one SQL statement over the edges table: resolves names,
/// orders the patterns by selectivity and joins them in that order.
///
/// Edges are keyed by term ids: names become ids when the plan is made (constants as
/// integer literals), and ids become names only in the select list, once per answer.
///
/// Selectivity is measured, not guessed: each pattern's constant parts are counted through
/// the index that serves them, capped so a broad pattern costs no more than a narrow one to
/// measure. Patterns are then joined greedily (the one sharing a variable with those already
/// joined and matching fewest edges next), and `CROSS JOIN` keeps SQLite to that order.
struct Planner {
    let catalog: Catalog
    let db: Database

    /// The cap on counting a pattern's edges while planning.
    static let estimateCap = 10_000

    // MARK: resolved pieces

    typealias End = ResolvedPattern.End
    typealias Direction = ResolvedPattern.Direction

    /// A pattern after name resolution, with the planner's own measure of it.
    @dynamicMemberLookup
    struct Resolved {
        var pattern: ResolvedPattern
        /// How many edges its constant parts match, counted up to `estimateCap`.
        var estimate = 0

        subscript<T>(dynamicMember path: KeyPath<ResolvedPattern, T>) -> T { pattern[keyPath: path] }
    }

    /// How a joined edge is read: its attributes and the ends of the stored edge.
    struct EdgeRef {
        var alias: String
        var subjectKey: String
        var objectKey: String
        var predicate: String
    }

    /// What a variable is bound to in the SQL.
    struct Binding {
        var expression: String
        var isPredicate: Bool
    }

    // MARK: planning

    func plan(_ select: Select, forSubgraph: Bool = false) throws -> Plan {
        guard !select.patterns.isEmpty else {
            throw invalid("a query needs at least one triple pattern", at: select.position)
        }
        var steps: [String] = []
        let affirmedOnly = !select.conditions.contains { $0.mentionsPolarity }
        var patterns = try select.patterns.enumerated().map { try resolve($1, index: $0 + 1) }
        for i in patterns.indices { patterns[i].estimate = try estimate(patterns[i]) }
        let ordered = order(patterns)
        steps.append("join order (edges counted up to \(Self.estimateCap) per pattern):")
        for (n, p) in ordered.enumerated() {
            steps.append("  \(n + 1). pattern \(p.index): \(describe(p.source)) — \(p.isPath ? "path, " : "")~\(p.estimate) edges, \(access(p))")
        }
        if affirmedOnly { steps.append("only edges some document affirms (support > 0)") }

        var ctes: [String] = []
        var from: [String] = []
        var wheres: [String] = []
        var bindings: [String: Binding] = [:]
        var edges: [EdgeRef] = []
        var scansEverything = false
        let hopConditions = try select.conditions.filter { $0.mentionsEdge && !$0.mentionsVariable }
            .map { try conditionSQL($0, edge: EdgeRef(alias: "h", subjectKey: "h.s", objectKey: "h.o", predicate: "h.p"), bindings: [:]) }
        let hopFilter = (affirmedOnly ? ["h.supporting_docs > 0"] : []) + hopConditions

        for (position, p) in ordered.enumerated() {
            var subjectColumn: String
            var objectColumn: String
            if p.isPath, let exists = try pathBetweenConstants(p, hopFilter: hopFilter) {
                // Both ends fixed: the pattern only says whether a path exists, which a search
                // from both ends answers without enumerating everything reachable.
                steps.append("  pattern \(p.index): both ends fixed, searched from both ends at once: \(exists ? "a path exists" : "no path")")
                from.append("(SELECT 1 AS found WHERE \(exists ? 1 : 0)) AS q\(p.index)")
                continue
            }
            if p.isPath {
                let seededForward: Bool
                if case .constant = p.subject { seededForward = true } else if case .constant = p.object { seededForward = false } else { seededForward = true }
                let name = "path\(p.index)"
                ctes.append(try pathCTE(name: name, pattern: p, forward: seededForward, hopFilter: hopFilter))
                from.append("(SELECT DISTINCT start, node FROM \(name) WHERE depth >= \(p.min)) AS q\(p.index)")
                subjectColumn = seededForward ? "q\(p.index).start" : "q\(p.index).node"
                objectColumn = seededForward ? "q\(p.index).node" : "q\(p.index).start"
            } else {
                let alias = "e\(p.index)"
                let edge: EdgeRef
                switch (p.forward, p.inverse) {
                case (let f?, let i?):
                    from.append("(SELECT s AS a, p, o AS b, 0 AS inv, supporting_docs, denying_docs, hedged_claims, claim_count, self_contradicting, contested FROM edges\(whereClause(try predicateFilter(f, "p"))) UNION ALL SELECT o AS a, p, s AS b, 1 AS inv, supporting_docs, denying_docs, hedged_claims, claim_count, self_contradicting, contested FROM edges\(whereClause(try predicateFilter(i, "p")))) AS \(alias)")
                    subjectColumn = "\(alias).a"
                    objectColumn = "\(alias).b"
                    edge = EdgeRef(alias: alias, subjectKey: "CASE \(alias).inv WHEN 0 THEN \(alias).a ELSE \(alias).b END",
                                   objectKey: "CASE \(alias).inv WHEN 0 THEN \(alias).b ELSE \(alias).a END", predicate: "\(alias).p")
                case (let f?, nil):
                    // A first pattern with nothing fixed reads every edge: a straight scan of
                    // the table beats walking an index and looking each row up.
                    if position == 0 && f.names.isEmpty && !p.subject.isConstant && !p.object.isConstant {
                        scansEverything = true
                    }
                    from.append("edges AS \(alias)" + (scansEverything && position == 0 ? " NOT INDEXED" : ""))
                    wheres += try predicateFilter(f, "\(alias).p")
                    subjectColumn = "\(alias).s"
                    objectColumn = "\(alias).o"
                    edge = EdgeRef(alias: alias, subjectKey: subjectColumn, objectKey: objectColumn, predicate: "\(alias).p")
                case (nil, let i?):
                    from.append("edges AS \(alias)")
                    wheres += try predicateFilter(i, "\(alias).p")
                    subjectColumn = "\(alias).o"
                    objectColumn = "\(alias).s"
                    edge = EdgeRef(alias: alias, subjectKey: objectColumn, objectKey: subjectColumn, predicate: "\(alias).p")
                case (nil, nil):
                    from.append("edges AS \(alias)")
                    subjectColumn = "\(alias).s"
                    objectColumn = "\(alias).o"
                    edge = EdgeRef(alias: alias, subjectKey: subjectColumn, objectKey: objectColumn, predicate: "\(alias).p")
                }
                edges.append(edge)
                if affirmedOnly { wheres.append("\(alias).supporting_docs > 0") }
                if let v = p.predicateVariable {
                    try bind(v, to: edge.predicate, isPredicate: true, bindings: &bindings, wheres: &wheres)
                }
            }
            try constrain(p.subject, column: subjectColumn, bindings: &bindings, wheres: &wheres)
            try constrain(p.object, column: objectColumn, bindings: &bindings, wheres: &wheres)
        }

        for condition in select.conditions {
            if condition.mentionsEdge {
                if edges.isEmpty {
                    if condition.mentionsVariable {
                        throw invalid("this condition needs a pattern of one edge to apply to", at: select.position)
                    }
                    continue
                }
                for edge in edges { wheres.append(try conditionSQL(condition, edge: edge, bindings: bindings)) }
            } else {
                wheres.append(try conditionSQL(condition, edge: nil, bindings: bindings))
            }
        }

        // Projection.
        var projection = select.projection ?? select.defaultProjection(hasEdges: !edges.isEmpty)
        if forSubgraph {
            projection = projection.filter { if case .variable = $0 { true } else { false } }
        }
        let hasAggregate = projection.contains { if case .count = $0 { true } else { false } }
        for key in select.tail.order {
            if case .edge(let number) = key.target, !projection.contains(where: { if case .edge(number, _) = $0 { true } else { false } }) {
                if hasAggregate { throw invalid("order by \(number.rawValue) cannot be combined with count", at: key.position) }
                if !forSubgraph { projection.append(.edge(number, key.position)) }
            }
        }
        /// The select list's expressions, entry `i` to be called `c<i>`.
        var selectList: [String] = []
        /// Per select-list entry, the id column an entity's label is looked up for (nil: the
        /// entry is an expression of its own).
        var labelOf: [Int?] = []
        /// Per select-list entry holding a term id, where its name starts in the term's value
        /// (nil: the entry is what it says).
        var nameOf: [Int?] = []
        var columns: [Plan.Column] = []
        var groupBy: [String] = []
        var sortAliases: [String: [String]] = [:]
        func add(_ expression: String, named: Int? = nil) -> Int {
            selectList.append(expression)
            labelOf.append(nil)
            nameOf.append(named)
            return selectList.count - 1
        }
        for item in projection {
            switch item {
            case .variable(let v):
                guard let binding = bindings[v.name] else { throw unbound(v) }
                if binding.isPredicate {
                    let i = add(binding.expression, named: GraphWriter.predicateStart)
                    columns.append(.text(name: v.name, index: i))
                    sortAliases["?" + v.name] = ["c\(i)"]
                } else {
                    let id = add(binding.expression, named: GraphWriter.entityStart)
                    // Read from the id's term row once the rows are distinct.
                    let label = add("NULL")
                    labelOf[label] = id
                    columns.append(.entity(name: v.name, id: id, label: label))
                    sortAliases["?" + v.name] = ["c\(label)", "c\(id)"]
                }
                groupBy.append(binding.expression)
            case .count(let v):
                var expression = "count(*)"
                if let v {
                    guard let binding = bindings[v.name] else { throw unbound(v) }
                    expression = "count(DISTINCT \(binding.expression))"
                }
                let i = add(expression)
                columns.append(.integer(name: "count", index: i))
                sortAliases["count"] = ["c\(i)"]
            case .edge(let number, let position):
                guard !edges.isEmpty else { throw invalid("\(number.rawValue) needs a pattern of one edge", at: position) }
                let attributes = edges.map { "\($0.alias).\(Self.column(number))" }
                let i = add(attributes.count == 1 ? attributes[0] : "min(\(attributes.joined(separator: ", ")))")
                columns.append(.integer(name: number.rawValue, index: i))
                sortAliases[number.rawValue] = ["c\(i)"]
            }
        }
        var plan = Plan(sql: "", arguments: [], columns: columns, steps: steps)
        if forSubgraph {
            for edge in edges {
                let s = add(edge.subjectKey, named: GraphWriter.entityStart), p = add(edge.predicate, named: GraphWriter.predicateStart)
                let o = add(edge.objectKey, named: GraphWriter.entityStart)
                plan.edgeKeys.append((s, p, o))
            }
            plan.entityColumns = columns.compactMap { if case .entity(_, let id, _) = $0 { id } else { nil } }
        }
        for v in select.groupBy where bindings[v.name] == nil { throw unbound(v) }

        // Order: the keys asked for, then every column, so results are stable.
        var orderBy: [String] = []
        for key in select.tail.order {
            let name: String
            switch key.target {
            case .variable(let v): name = "?" + v.name
            case .count: name = "count"
            case .edge(let number): name = number.rawValue
            }
            guard let aliases = sortAliases[name] else {
                if forSubgraph { continue }
                let what = name == "count" ? "count" : name
                throw invalid("order by \(what) needs \(what) among the columns", at: key.position)
            }
            orderBy += aliases.map { $0 + (key.descending ? " DESC" : "") }
        }
        // Sorting a large result only to keep its first rows costs more than the query: with
        // a limit and no order asked for, rows come in the order the indexes give them.
        if select.tail.limit == nil || !select.tail.order.isEmpty {
            for column in columns {
                switch column {
                case .entity(_, let id, let label): orderBy += ["c\(label)", "c\(id)"]
                case .text(_, let i), .integer(_, let i): orderBy.append("c\(i)")
                }
            }
        }

        var sql = ctes.isEmpty ? "" : "WITH RECURSIVE " + ctes.joined(separator: ",\n") + "\n"
        var grouping = ""
        if hasAggregate {
            let keys = groupBy + select.groupBy.compactMap { bindings[$0.name]?.expression }.filter { !groupBy.contains($0) }
            // When every edge is read anyway, unary + keeps SQLite from walking an index just
            // to meet rows in group order, which costs a table lookup per edge; a scan and a
            // sort of the groups is cheaper.
            let prefix = scansEverything ? "+" : ""
            if !keys.isEmpty { grouping = "\nGROUP BY " + keys.map { prefix + $0 }.joined(separator: ", ") }
        }
        let core = selectList.indices.filter { labelOf[$0] == nil }.map { "\(selectList[$0]) AS c\($0)" }
        var coreSQL = "SELECT \(hasAggregate ? "" : "DISTINCT ")\(core.joined(separator: ", "))\nFROM \(from.joined(separator: " CROSS JOIN "))"
        if !wheres.isEmpty { coreSQL += "\nWHERE " + wheres.joined(separator: "\n  AND ") }
        coreSQL += grouping
        if nameOf.contains(where: { $0 != nil }) {
            // Names and labels are looked up once per distinct row (or group), not once per
            // joined row: a join that meets each answer many times (two hops through a hub)
            // would look the same name up for every path to it. Each id column joins its
            // term once, and its name and label are read from that row.
            func name(_ i: Int) -> String { nameOf[i].map { "substr(t\(i).value, \($0))" } ?? "i.c\(i)" }
            let outer = selectList.indices.map { i in "\(labelOf[i].map { Self.label(of: name($0)) } ?? name(i)) AS c\(i)" }
            let terms = selectList.indices.filter { nameOf[$0] != nil }.map { " CROSS JOIN terms t\($0) ON t\($0).id = i.c\($0)" }
            sql += "SELECT \(outer.joined(separator: ", "))\nFROM (\(coreSQL)) i" + terms.joined()
        } else {
            sql += coreSQL
        }
        if !orderBy.isEmpty && !(forSubgraph && hasAggregate) { sql += "\nORDER BY " + orderBy.joined(separator: ", ") }
        if let limit = select.tail.limit, !(forSubgraph && hasAggregate) {
            sql += "\nLIMIT \(limit)"
            if let offset = select.tail.offset { sql += " OFFSET \(offset)" }
        } else if let offset = select.tail.offset, !forSubgraph {
            sql += "\nLIMIT -1 OFFSET \(offset)"
        }
        plan.sql = sql
        return plan
    }

    /// An entity's label (its id when it has none), for the id `expression` gives.
    static func label(of expression: String) -> String {
        "coalesce((SELECT label FROM entities WHERE id = \(expression)), \(expression))"
    }

    // MARK: resolution

    func resolve(_ pattern: Pattern, index: Int) throws -> Resolved {
        Resolved(pattern: try PatternResolver(names: CatalogNames(catalog: catalog, db: db)).resolve(pattern, index: index))
    }

    // MARK: selectivity

    /// How many edges the pattern's constant parts match, counted through an index up to the cap.
    func estimate(_ p: Resolved) throws -> Int {
        if p.isPath {
            switch (p.subject, p.object) {
            case (.constant, .constant): return 1
            case (.constant(let ids, _), _), (_, .constant(let ids, _)): return min(Self.estimateCap, ids.count * 100 * p.max)
            default: return Int.max / 4
            }
        }
        var total = 0
        for (direction, inverse) in [(p.forward, false), (p.inverse, true)] {
            guard let direction else { continue }
            var parts = try predicateFilter(direction, "p")
            if case .constant(let ids, _) = p.subject { parts.append(try entityFilter(inverse ? "o" : "s", ids)) }
            if case .constant(let ids, _) = p.object { parts.append(try entityFilter(inverse ? "s" : "o", ids)) }
            total += try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM edges\(whereClause(parts)) LIMIT \(Self.estimateCap))") ?? 0
        }
        return total
    }

    /// Greedy join order: start from the narrowest pattern, then keep taking the narrowest
    /// pattern that shares a variable with what is joined (so no step is a cross product).
    func order(_ patterns: [Resolved]) -> [Resolved] {
        var remaining = patterns
        var result: [Resolved] = []
        var bound: Set<String> = []
        while !remaining.isEmpty {
            let connected = remaining.indices.filter { !bound.isDisjoint(with: remaining[$0].variables) }
            let candidates = connected.isEmpty ? Array(remaining.indices) : connected
            let best = candidates.min { (remaining[$0].estimate, remaining[$0].index) < (remaining[$1].estimate, remaining[$1].index) }!
            let next = remaining.remove(at: best)
            bound.formUnion(next.variables)
            result.append(next)
        }
        return result
    }

    // MARK: SQL pieces

    func pathCTE(name: String, pattern p: Resolved, forward: Bool, hopFilter: [String]) throws -> String {
        let seedIDs: [Int64]?
        switch forward ? p.subject : p.object {
        case .constant(let ids, _): seedIDs = try EdgeTerms.entities(ids, in: db)
        case .variable: seedIDs = nil
        }
        // A seed without a term has no edges; with none, the walk starts nowhere.
        let seed = seedIDs.map { ids in
            ids.isEmpty ? "SELECT NULL, NULL, 0 WHERE 0" : "SELECT column1, column1, 0 FROM (VALUES \(ids.map { "(\($0))" }.joined(separator: ", ")))"
        } ?? "SELECT s, s, 0 FROM edges UNION SELECT o, o, 0 FROM edges"
        var arms = [seed]
        // Walking forward, a forward step goes subject → object; walking back from the object
        // end, every step is taken the other way round.
        for (direction, reversed) in [(p.forward, !forward), (p.inverse, forward)] {
            guard let direction else { continue }
            let (from, to) = reversed ? ("o", "s") : ("s", "o")
            let filter = ([("r.depth < \(p.max)")] + (try predicateFilter(direction, "h.p")) + hopFilter).joined(separator: " AND ")
            arms.append("SELECT r.start, h.\(to), r.depth + 1 FROM \(name) r JOIN edges h ON h.\(from) = r.node WHERE \(filter)")
        }
        return "\(name)(start, node, depth) AS (\n  " + arms.joined(separator: "\n  UNION\n  ") + ")"
    }

    /// For a path between two constants, whether one of `min` to `max` edges exists, by a
    /// breadth-first search from both ends that grows the cheaper end and stops as soon as
    /// the ends meet; nil when the pattern is not such a path. A minimum of two or more asks
    /// for walks of those lengths (nodes may repeat, as in the recursive SQL), which keep
    /// each end's layers apart instead of everything seen.
    func pathBetweenConstants(_ p: Resolved, hopFilter: [String]) throws -> Bool? {
        guard case .constant(let sources, _) = p.subject, case .constant(let targets, _) = p.object else { return nil }
        let overlap = !Set(sources).isDisjoint(with: targets)
        if overlap && p.min <= 1 { return p.min == 0 ? true : nil }
        // Forward steps follow (subject → object) for the pattern's forward predicates and
        // (object → subject) for its inverse ones; the search from the target walks them back.
        func steps(_ forward: (String, String), _ inverse: (String, String)) throws -> [(String, String, [String])] {
            [try p.forward.map { (forward.0, forward.1, try predicateFilter($0, "h.p")) },
             try p.inverse.map { (inverse.0, inverse.1, try predicateFilter($0, "h.p")) }].compactMap { $0 }
        }
        let search = try PathSearch(db: db, outward: try steps(("s", "o"), ("o", "s")),
                                    inward: try steps(("o", "s"), ("s", "o")), hopFilter: hopFilter)
        let (from, to) = (try EdgeTerms.entities(sources, in: db), try EdgeTerms.entities(targets, in: db))
        if p.min >= 2 { return try search.connects(from, to, min: p.min, max: p.max) }
        return try search.connects(from, to, maxLength: p.max)
    }

    func constrain(_ term: End, column: String, bindings: inout [String: Binding], wheres: inout [String]) throws {
        switch term {
        case .constant(let ids, _):
            wheres.append(try entityFilter(column, ids))
        case .variable(let v, let classes):
            try bind(v, to: column, isPredicate: false, bindings: &bindings, wheres: &wheres)
            if let classes { wheres.append(classTest(column, classes)) }
        }
    }

    func bind(_ v: Variable, to column: String, isPredicate: Bool, bindings: inout [String: Binding], wheres: inout [String]) throws {
        if let existing = bindings[v.name] {
            if existing.isPredicate != isPredicate {
                throw invalid("?\(v.name) cannot stand both for a predicate and for an entity", at: v.position)
            }
            wheres.append("\(column) = \(existing.expression)")
        } else {
            bindings[v.name] = Binding(expression: column, isPredicate: isPredicate)
        }
    }

    /// The operands of a chain of one operator (`a or b or c`, however the parser grouped it),
    /// left to right, gathered without recursion.
    static func operands(of c: Condition, and: Bool) -> [Condition] {
        var pending = [c]
        var found: [Condition] = []
        while let next = pending.popLast() {
            switch next {
            case .and(let a, let b) where and, .or(let a, let b) where !and:
                pending.append(b)
                pending.append(a)
            default:
                found.append(next)
            }
        }
        return found
    }

    func conditionSQL(_ c: Condition, edge: EdgeRef?, bindings: [String: Binding]) throws -> String {
        switch c {
        case .and, .or:
            // A chain goes out flat, `(a OR b OR c)`: one pair of parentheses per operand
            // overflows SQLite's parser stack (about 100 deep) long before 256 conditions.
            let isAnd = if case .and = c { true } else { false }
            let parts = try Self.operands(of: c, and: isAnd).map { try conditionSQL($0, edge: edge, bindings: bindings) }
            return "(" + parts.joined(separator: isAnd ? " AND " : " OR ") + ")"
        case .not(let a):
            return "NOT (\(try conditionSQL(a, edge: edge, bindings: bindings)))"
        case .number(let number, let op, let value):
            return "\(edge!.alias).\(Self.column(number)) \(op == "!=" ? "<>" : op) \(value)"
        case .flag(.negated):
            return "\(edge!.alias).denying_docs > 0"
        case .flag(.hedged):
            return "\(edge!.alias).hedged_claims > 0"
        case .flag(.contested):
            return "\(edge!.alias).contested = 1"
        case .source(let op, let name):
            let document = op == "like" ? name.text : try catalog.document(name, in: db)
            let test = op == "like" ? "d.id LIKE \(quote(document))" : "d.id = \(quote(document))"
            let exists = claimExists(edge!, join: "JOIN documents d ON d.num = c.doc", test: test)
            return op == "!=" ? "NOT " + exists : exists
        case .holder(let op, let name):
            let exists = claimExists(edge!, join: "", test: try holderTest(op, name, column: "c.holder"))
            return op == "!=" ? "NOT " + exists : exists
        case .compare(let v, let op, let term):
            guard let binding = bindings[v.name] else { throw unbound(v) }
            let negate = op == "!="
            switch term {
            case .variable(let other, _):
                guard let right = bindings[other.name] else { throw unbound(other) }
                return "\(binding.expression) \(negate ? "<>" : "=") \(right.expression)"
            case .entity(let name):
                let names = binding.isPredicate ? [try catalog.predicate(name, in: db)] : try catalog.entityIDs(name, in: db)
                let ids = binding.isPredicate ? try EdgeTerms.predicates(names, in: db) : try EdgeTerms.entities(names, in: db)
                return (negate ? "NOT " : "") + EdgeTerms.inList(binding.expression, ids)
            }
        case .isA(let v, let cls):
            guard let binding = bindings[v.name] else { throw unbound(v) }
            let classes = try catalog.classAndSubclasses(cls, in: db)
            return classTest(binding.expression, classes)
        }
    }

    /// Whether the entity whose term id is in `column` is of one of `classes`, looked up by the
    /// entity's name for each row. (Written as `column IN (ids of the class)`, SQLite may
    /// instead drive the join from every pair of such ids, which at a million edges never ends.)
    func classTest(_ column: String, _ classes: [String]) -> String {
        inList("(SELECT class FROM entities WHERE id = \(EdgeTerms.entityName(column)))", classes)
    }

    /// Whether some claim behind the edge passes `test` (on the claim `c` and what `join` adds).
    func claimExists(_ e: EdgeRef, join: String, test: String) -> String {
        """
        EXISTS (SELECT 1 FROM claims c \(join) WHERE c.subject = \(e.subjectKey) \
        AND c.predicate = \(e.predicate) AND c.object = \(e.objectKey) AND \(test))
        """
    }

    /// The SQL test that a claim's holder in `column` is `name` (`=`, `!=`: in any case, or
    /// the agency the name denotes by any of its labels, "Food and Drug Administration" for
    /// "FDA") or fits the pattern (`like`). For `!=` the test is the equality, which the
    /// caller negates around its `EXISTS`.
    func holderTest(_ op: String, _ name: NameRef, column: String) throws -> String {
        if op == "like" { return "\(column) LIKE \(quote(name.text))" }
        // The extractor writes an agency's preferred label as its holder.
        let labels = try String.fetchAll(db, sql: """
            SELECT DISTINCT e.label FROM labels l JOIN entities e ON e.id = l.entity WHERE l.normalized = ?
            """, arguments: [LabelNormalizer.normalize(name.text)])
        let names = [name.text.lowercased()] + labels.map { $0.lowercased() }
        return "lower(\(column)) IN (" + Set(names).sorted().map(quote).joined(separator: ", ") + ")"
    }

    static func column(_ number: EdgeNumber) -> String {
        switch number {
        case .support: "supporting_docs"
        case .denials: "denying_docs"
        case .claims: "claim_count"
        case .hedged: "hedged_claims"
        }
    }

    /// The test that the predicate id in `column` is one of the direction's (none: any).
    func predicateFilter(_ d: Direction, _ column: String) throws -> [String] {
        d.names.isEmpty ? [] : [EdgeTerms.inList(column, try EdgeTerms.predicates(d.names, in: db))]
    }

    /// The test that the entity id in `column` is one of those the names denote.
    func entityFilter(_ column: String, _ names: [String]) throws -> String {
        EdgeTerms.inList(column, try EdgeTerms.entities(names, in: db))
    }

    func whereClause(_ parts: [String]) -> String {
        parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND ")
    }

    func inList(_ column: String, _ values: [String]) -> String {
        values.count == 1 ? "\(column) = \(quote(values[0]))" : "\(column) IN (\(values.map(quote).joined(separator: ", ")))"
    }

    func describe(_ p: Pattern) -> String {
        func term(_ t: PatternTerm) -> String {
            switch t {
            case .variable(let v, let c): "?" + v.name + (c.map { ":" + $0.text } ?? "")
            case .entity(let n): n.text.contains(" ") ? "\"\(n.text)\"" : n.text
            }
        }
        var predicate: String
        switch p.predicate {
        case .variable(let v): predicate = "?" + v.name
        case .steps(let steps, let min, let max, _):
            predicate = steps.map { ($0.inverse ? "^" : "") + ($0.name?.text ?? "any") }.joined(separator: "|")
            if min != 1 || max != 1 { predicate += "{\(min),\(max)}" }
        }
        return "\(term(p.subject)) \(predicate) \(term(p.object))"
    }

    func access(_ p: Resolved) -> String {
        if p.isPath { return "recursive walk from the \(p.subject.isConstant || !p.object.isConstant ? "subject" : "object") side" }
        let s = p.subject.isConstant, o = p.object.isConstant
        let predicateBound = p.predicateVariable == nil && !(p.forward?.names.isEmpty ?? true && p.inverse?.names.isEmpty ?? true)
        switch (s, predicateBound, o) {
        case (true, _, _): return "index edges(subject, predicate, object)"
        case (false, _, true): return "index edges_osp(object, subject, predicate)"
        case (false, true, false): return "index edges_pos(predicate, object, subject)"
        default: return "scan of edges"
        }
    }

    func unbound(_ v: Variable) -> QueryError { .unbound(v) }

    func invalid(_ message: String, at position: SourcePosition) -> QueryError { .invalid(message, at: position) }
}

/// A string as an SQL literal. Plans are built as text with literals (no bound parameters)
/// so `explain` prints exactly what runs.
func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
}
