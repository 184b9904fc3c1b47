import GRDB
import MitraModel
import MitraStore

/// Compiles a pattern query to SPARQL 1.1 over the graphs `mitragraph push` writes: one
/// named graph per document holding its claims (`rdf:subject`, `rdf:predicate`,
/// `rdf:object`, `mg:negated`, `mg:hedged`) and the plain triple of each affirmed claim,
/// and the ontology's graph.
///
/// Names are resolved as the local planner resolves them. An edge and its numbers are
/// aggregated from the claims of every document graph (support: documents with an
/// affirming claim; denials: documents with a denying one). Bounded paths expand into a
/// union of chains of one to `max` hops; a hop over affirmed edges with no edge filter is
/// a property path (`p|^q`) inside one graph, any other hop an aggregated edge.
struct SPARQLCompiler {
    let catalog: Catalog
    let db: Database

    private var planner: Planner { Planner(catalog: catalog, db: db) }

    static let rdf = Namespace.rdf
    static let mg = Namespace.ontology

    func compile(_ select: Select) throws -> SPARQLQuery {
        let planner = self.planner
        guard !select.patterns.isEmpty else {
            throw planner.invalid("a query needs at least one triple pattern", at: select.position)
        }
        let affirmedOnly = !select.conditions.contains { $0.mentionsPolarity }
        let patterns = try select.patterns.enumerated().map { try planner.resolve($1, index: $0 + 1) }
        let hopConditions = select.conditions.filter { $0.mentionsEdge && !planner.mentionsVariable($0) }

        var groups: [String] = []
        var bindings: [String: Bool] = [:]  // variable → is a predicate
        var edgeIndexes: [Int] = []
        for p in patterns {
            if p.isPath {
                groups.append(try pathGroup(p, affirmedOnly: affirmedOnly, hopConditions: hopConditions, bindings: &bindings))
            } else {
                groups.append(try edgeGroup(p, bindings: &bindings))
                edgeIndexes.append(p.index)
            }
        }

        var filters: [String] = []
        if affirmedOnly { filters += edgeIndexes.map { "?sup\($0) > 0" } }
        for condition in select.conditions {
            if condition.mentionsEdge {
                if edgeIndexes.isEmpty {
                    if planner.mentionsVariable(condition) {
                        throw planner.invalid("this condition needs a pattern of one edge to apply to", at: select.position)
                    }
                    continue
                }
                for n in edgeIndexes { filters.append(try conditionSPARQL(condition, edge: String(n), bindings: bindings)) }
            } else {
                filters.append(try conditionSPARQL(condition, edge: nil, bindings: bindings))
            }
        }

        // Projection, as the local planner makes it.
        var projection = select.projection ?? planner.defaultProjection(select, patterns: patterns, hasEdges: !edgeIndexes.isEmpty)
        let hasAggregate = projection.contains { if case .count = $0 { true } else { false } }
        for key in select.tail.order {
            if case .edge(let number) = key.target, !projection.contains(where: { if case .edge(number, _) = $0 { true } else { false } }) {
                if hasAggregate { throw planner.invalid("order by \(number.rawValue) cannot be combined with count", at: key.position) }
                projection.append(.edge(number, key.position))
            }
        }
        var columns: [SPARQLQuery.Column] = []
        var selected: [String] = []
        var groupKeys: [String] = []
        for item in projection {
            switch item {
            case .variable(let v):
                guard let isPredicate = bindings[v.name] else { throw planner.unbound(v) }
                let name = Self.variable(v.name)
                columns.append(isPredicate ? .predicate(name: v.name, variable: name) : .entity(name: v.name, variable: name))
                selected.append("?" + name)
                groupKeys.append("?" + name)
            case .count(let v):
                let alias = "count\(columns.count)"
                if let v {
                    guard bindings[v.name] != nil else { throw planner.unbound(v) }
                    selected.append("(COUNT(DISTINCT ?\(Self.variable(v.name))) AS ?\(alias))")
                } else {
                    selected.append("(COUNT(*) AS ?\(alias))")
                }
                columns.append(.integer(name: "count", variables: [alias]))
            case .edge(let number, let position):
                guard !edgeIndexes.isEmpty else { throw planner.invalid("\(number.rawValue) needs a pattern of one edge", at: position) }
                if hasAggregate {
                    throw planner.invalid("\(number.rawValue) beside count is not supported over an endpoint", at: position)
                }
                let variables = edgeIndexes.map { Self.numberVariable(number, String($0)) }
                columns.append(.integer(name: number.rawValue, variables: variables))
                selected += variables.map { "?" + $0 }.filter { !selected.contains($0) }
            }
        }
        for v in select.groupBy where bindings[v.name] == nil { throw planner.unbound(v) }
        let extraKeys = select.groupBy.map { "?" + Self.variable($0.name) }.filter { !groupKeys.contains($0) }

        var order: [SPARQLQuery.SortKey] = []
        for key in select.tail.order {
            let index: Int?
            switch key.target {
            case .variable(let v): index = projection.firstIndex { if case .variable(let w) = $0 { w.name == v.name } else { false } }
            case .count: index = columns.firstIndex { $0.name == "count" }
            case .edge(let number): index = columns.firstIndex { $0.name == number.rawValue }
            }
            guard let index else {
                let name: String
                switch key.target {
                case .variable(let v): name = "?" + v.name
                case .count: name = "count"
                case .edge(let number): name = number.rawValue
                }
                throw planner.invalid("order by \(name) needs \(name) among the columns", at: key.position)
            }
            order.append(SPARQLQuery.SortKey(column: index, descending: key.descending))
        }
        order += columns.indices.map { SPARQLQuery.SortKey(column: $0, descending: false) }

        var sparql = "PREFIX rdf: <\(Self.rdf)>\nPREFIX mg: <\(Self.mg)>\n"
        sparql += "SELECT \(hasAggregate ? "" : "DISTINCT ")\(selected.joined(separator: " "))\nWHERE {\n"
        sparql += groups.joined(separator: "\n")
        for filter in filters { sparql += "\n  FILTER(\(filter))" }
        sparql += "\n}"
        if hasAggregate && !(groupKeys + extraKeys).isEmpty { sparql += "\nGROUP BY " + (groupKeys + extraKeys).joined(separator: " ") }
        return SPARQLQuery(sparql: sparql, columns: columns, order: order, limit: select.tail.limit,
                           offset: select.tail.offset, distinct: !hasAggregate)
    }

    // MARK: edges

    /// One pattern of one edge: the edge's aggregate in each direction it may be read, the
    /// ends bound to the pattern's variables.
    func edgeGroup(_ p: Planner.Resolved, bindings: inout [String: Bool]) throws -> String {
        let n = p.index
        var arms: [String] = []
        for (direction, inverse) in [(p.forward, false), (p.inverse, true)] {
            guard let direction else { continue }
            // Read inverted, the pattern's subject is the stored edge's object.
            let (subjectKey, objectKey) = inverse ? ("?o\(n)", "?s\(n)") : ("?s\(n)", "?o\(n)")
            var values: [String] = []
            if !direction.names.isEmpty { values.append(Self.values("?p\(n)", direction.names.map(predicateIRI))) }
            if case .constant(let ids, _) = p.subject { values.append(Self.values(subjectKey, ids.map(entityIRI))) }
            if case .constant(let ids, _) = p.object { values.append(Self.values(objectKey, ids.map(entityIRI))) }
            var arm = "    { " + edgeAggregate(String(n), restrictions: values) + " }"
            arm += try bindEnds(p, subject: subjectKey, object: objectKey, bindings: &bindings)
            if let v = p.predicateVariable {
                try checkKind(v, isPredicate: true, bindings: &bindings)
                arm += "\n    BIND(?p\(n) AS ?\(Self.variable(v.name)))"
            }
            arms.append("  {\n" + arm + "\n  }")
        }
        return arms.joined(separator: "\n  UNION\n")
    }

    /// The edge (?sN ?pN ?oN) with its numbers, aggregated from the claims of every graph;
    /// N tags the variables so several edges stay apart.
    func edgeAggregate(_ n: String, restrictions: [String]) -> String {
        let rdf = Self.rdf, mg = Self.mg
        return """
            SELECT ?s\(n) ?p\(n) ?o\(n) ((COUNT(DISTINCT ?aff\(n)) - MAX(?isn\(n))) AS ?sup\(n)) \
            ((COUNT(DISTINCT ?den\(n)) - 1 + MIN(?isn\(n))) AS ?den\(n)x) (COUNT(?c\(n)) AS ?cl\(n)) (SUM(?ish\(n)) AS ?hd\(n)) \
            WHERE { \(restrictions.joined(separator: " "))\(restrictions.isEmpty ? "" : " ")GRAPH ?g\(n) { ?c\(n) <\(rdf)subject> ?s\(n) ; \
            <\(rdf)predicate> ?p\(n) ; <\(rdf)object> ?o\(n) ; <\(mg)negated> ?neg\(n) ; <\(mg)hedged> ?hed\(n) } \
            BIND(IF(?neg\(n), "-", STR(?g\(n))) AS ?aff\(n)) BIND(IF(?neg\(n), STR(?g\(n)), "-") AS ?den\(n)) \
            BIND(IF(?neg\(n), 1, 0) AS ?isn\(n)) BIND(IF(?hed\(n), 1, 0) AS ?ish\(n)) } GROUP BY ?s\(n) ?p\(n) ?o\(n)
            """
    }

    /// Binds a pattern's variable ends to the keys that hold them (a constant end is
    /// already restricted); the same variable at both ends asks for a loop.
    func bindEnds(_ p: Planner.Resolved, subject: String, object: String, bindings: inout [String: Bool]) throws -> String {
        var text = ""
        var bound: [String: String] = [:]
        for (term, key) in [(p.subject, subject), (p.object, object)] {
            guard case .variable(let v, _) = term else { continue }
            try checkKind(v, isPredicate: false, bindings: &bindings)
            if let earlier = bound[v.name] {
                text += "\n    FILTER(\(earlier) = \(key))"
            } else {
                bound[v.name] = key
                text += "\n    BIND(\(key) AS ?\(Self.variable(v.name)))"
            }
        }
        for (term, _) in [(p.subject, subject), (p.object, object)] {
            if case .variable(let v, let classes?) = term { text += "\n    FILTER(\(classTest("?" + Self.variable(v.name), classes)))" }
        }
        return text
    }

    func checkKind(_ v: Variable, isPredicate: Bool, bindings: inout [String: Bool]) throws {
        if let existing = bindings[v.name], existing != isPredicate {
            throw planner.invalid("?\(v.name) cannot stand both for a predicate and for an entity", at: v.position)
        }
        bindings[v.name] = isPredicate
    }

    // MARK: paths

    /// A bounded path: the distinct pairs of ends joined by a walk of `min` to `max` hops.
    func pathGroup(_ p: Planner.Resolved, affirmedOnly: Bool, hopConditions: [Condition], bindings: inout [String: Bool]) throws -> String {
        let n = p.index
        let start = "?w\(n)_start", end = "?w\(n)_end"
        var startValues: [String] = [], endValues: [String] = []
        if case .constant(let ids, _) = p.subject { startValues.append(Self.values(start, ids.map(entityIRI))) }
        if case .constant(let ids, _) = p.object { endValues.append(Self.values(end, ids.map(entityIRI))) }
        var chains: [String] = []
        for length in p.min...p.max {
            var hops: [String] = []
            for j in 0..<length {
                let from = j == 0 ? start : "?w\(n)_\(length)_\(j)"
                let to = j == length - 1 ? end : "?w\(n)_\(length)_\(j + 1)"
                let restrictions = (j == 0 ? startValues : []) + (j == length - 1 ? endValues : [])
                hops.append(try hop(p, from: from, to: to, tag: "\(n)_\(length)_\(j)", restrictions: restrictions,
                                    affirmedOnly: affirmedOnly, conditions: hopConditions))
            }
            chains.append("{ " + hops.joined(separator: " ") + " }")
        }
        let values = startValues + endValues
        var text = "  {\n    { SELECT DISTINCT \(start) \(end) WHERE { \(values.joined(separator: " ")) "
            + chains.joined(separator: " UNION ") + " } }"
        text += try bindEnds(p, subject: start, object: end, bindings: &bindings)
        return text + "\n  }"
    }

    /// One hop of a path from `from` to `to`: distinct pairs, so an edge stated in many
    /// documents' graphs does not multiply the walks through it.
    func hop(_ p: Planner.Resolved, from: String, to: String, tag: String, restrictions: [String], affirmedOnly: Bool,
             conditions: [Condition]) throws -> String {
        if affirmedOnly && conditions.isEmpty {
            // An affirmed edge is a plain triple in some document's graph.
            var alternatives: [String] = []
            if let f = p.forward { alternatives += (f.names.isEmpty ? try allPredicates() : f.names).map { "<\(predicateIRI($0))>" } }
            if let i = p.inverse { alternatives += (i.names.isEmpty ? try allPredicates() : i.names).map { "^<\(predicateIRI($0))>" } }
            return "{ SELECT DISTINCT \(from) \(to) WHERE { \(restrictions.map { $0 + " " }.joined())"
                + "GRAPH ?h\(tag) { \(from) \(alternatives.joined(separator: "|")) \(to) } } }"
        }
        var arms: [String] = []
        let edge = "e\(tag)"
        for (direction, inverse) in [(p.forward, false), (p.inverse, true)] {
            guard let direction else { continue }
            var restrictions: [String] = []
            if !direction.names.isEmpty { restrictions.append(Self.values("?p\(edge)", direction.names.map(predicateIRI))) }
            var arm = "{ " + edgeAggregate(edge, restrictions: restrictions) + " }"
            var filters = affirmedOnly ? ["?sup\(edge) > 0"] : []
            filters += try conditions.map { try conditionSPARQL($0, edge: edge, bindings: [:]) }
            for filter in filters { arm += " FILTER(\(filter))" }
            let (a, b) = inverse ? ("?o\(edge)", "?s\(edge)") : ("?s\(edge)", "?o\(edge)")
            arm += " BIND(\(a) AS \(from)) BIND(\(b) AS \(to))"
            arms.append("{ " + arm + " }")
        }
        return arms.joined(separator: " UNION ")
    }

    // MARK: conditions

    func conditionSPARQL(_ c: Condition, edge: String?, bindings: [String: Bool]) throws -> String {
        switch c {
        case .and(let a, let b):
            return "(\(try conditionSPARQL(a, edge: edge, bindings: bindings)) && \(try conditionSPARQL(b, edge: edge, bindings: bindings)))"
        case .or(let a, let b):
            return "(\(try conditionSPARQL(a, edge: edge, bindings: bindings)) || \(try conditionSPARQL(b, edge: edge, bindings: bindings)))"
        case .not(let a):
            return "!(\(try conditionSPARQL(a, edge: edge, bindings: bindings)))"
        case .number(let number, let op, let value):
            return "?\(Self.numberVariable(number, edge!)) \(op == "==" ? "=" : op) \(value)"
        case .flag(.negated):
            return "?den\(edge!)x > 0"
        case .flag(.hedged):
            return "?hd\(edge!) > 0"
        case .flag(.contested):
            return "(?sup\(edge!) > 0 && ?den\(edge!)x > 0)"
        case .source(let op, let document):
            let e = edge!
            let claim = "?src\(e) <\(Self.rdf)subject> ?s\(e) ; <\(Self.rdf)predicate> ?p\(e) ; <\(Self.rdf)object> ?o\(e)"
            let exists: String
            if op == "like" {
                exists = "EXISTS { GRAPH ?srcg\(e) { \(claim) } FILTER(REGEX(STR(?srcg\(e)), \(Self.literal(likeRegex(document))), \"i\")) }"
            } else {
                exists = "EXISTS { GRAPH <\(StoreGraphs.document(document))> { \(claim) } }"
            }
            return op == "!=" ? "!" + exists : exists
        case .compare(let v, let op, let term):
            guard let isPredicate = bindings[v.name] else { throw planner.unbound(v) }
            let left = "?" + Self.variable(v.name)
            let negate = op == "!="
            switch term {
            case .variable(let other, _):
                guard bindings[other.name] != nil else { throw planner.unbound(other) }
                return "\(left) \(negate ? "!=" : "=") ?\(Self.variable(other.name))"
            case .entity(let name):
                let iris = isPredicate ? [predicateIRI(try catalog.predicate(name, in: db))] : try catalog.entityIDs(name, in: db).map(entityIRI)
                return "\(left) \(negate ? "NOT IN" : "IN") (\(iris.map { "<\($0)>" }.joined(separator: ", ")))"
            }
        case .isA(let v, let cls):
            guard bindings[v.name] != nil else { throw planner.unbound(v) }
            return classTest("?" + Self.variable(v.name), try catalog.classAndSubclasses(cls, in: db))
        }
    }

    /// Whether the entity is typed, in the ontology's graph, with one of `classes`.
    func classTest(_ variable: String, _ classes: [String]) -> String {
        "EXISTS { GRAPH <\(StoreGraphs.ontology)> { \(variable) a ?class } FILTER(?class IN (\(classes.map { "<\(Self.mg)\($0)>" }.joined(separator: ", ")))) }"
    }

    /// An SQL LIKE pattern over document ids as a regular expression over document IRIs.
    func likeRegex(_ pattern: String) -> String {
        var regex = "^" + Self.regexEscape(Namespace.document)
        var literal = ""
        func flush() {
            if !literal.isEmpty { regex += Self.regexEscape(String(StoreGraphs.document(literal).dropFirst(Namespace.document.count))) }
            literal = ""
        }
        for ch in pattern {
            switch ch {
            case "%": flush(); regex += ".*"
            case "_": flush(); regex += "."
            default: literal.append(ch)
            }
        }
        flush()
        return regex + "$"
    }

    // MARK: names

    func allPredicates() throws -> [String] { try catalog.predicates(db) }

    func predicateIRI(_ name: String) -> String { Self.mg + name }

    func entityIRI(_ id: String) -> String { Namespace.entity + id }

    static func variable(_ name: String) -> String { "v_" + name }

    static func numberVariable(_ number: EdgeNumber, _ edge: String) -> String {
        switch number {
        case .support: "sup\(edge)"
        case .denials: "den\(edge)x"
        case .claims: "cl\(edge)"
        case .hedges: "hd\(edge)"
        }
    }

    static func values(_ variable: String, _ iris: [String]) -> String {
        "VALUES \(variable) { \(iris.map { "<\($0)>" }.joined(separator: " ")) }"
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func regexEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\^$.|?*+()[]{}".contains(ch) { out += "\\" }
            out.append(ch)
        }
        return out
    }
}
