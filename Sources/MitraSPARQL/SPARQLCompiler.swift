import MitraModel

/// Compiles a pattern query to SPARQL 1.1 over the graphs of the RDF projection
/// (docs/rdf.md) as `push` writes them: one named graph per document holding its claims,
/// one `mg:DocumentEdge` per edge it speaks of (its affirming, denying and hedged claims
/// there) and the plain triple of each edge it affirms; and the ontology's graph.
///
/// Names are resolved as the local planner resolves them, through `QueryNames`. An edge and
/// its numbers are aggregated from the documents' `mg:DocumentEdge`s (support: documents
/// with an affirming claim; denials: documents with a denying one), one row per document
/// and edge rather than per claim. Bounded paths expand into a union of chains of `min` to
/// `max` hops; a hop over affirmed edges with no edge filter is a property path (`p|^q`)
/// inside one graph, any other hop an aggregated edge.
struct SPARQLCompiler {
    let names: any QueryNames

    static let rdf = Namespace.rdf
    static let mg = Namespace.ontology

    // MARK: resolved patterns

    typealias Resolved = ResolvedPattern

    func resolve(_ pattern: Pattern, index: Int) throws -> Resolved {
        try PatternResolver(names: names).resolve(pattern, index: index)
    }

    func unbound(_ v: Variable) -> QueryError { .unbound(v) }

    func invalid(_ message: String, at position: SourcePosition) -> QueryError { .invalid(message, at: position) }

    // MARK: pattern queries

    /// The query's SPARQL and how to finish its solutions; with `edgeKeys`, a query for the
    /// distinct stored edges its single-edge patterns match instead (what `evidence` shows).
    func compile(_ select: Select, edgeKeys: Bool = false) throws -> SPARQLQuery {
        guard !select.patterns.isEmpty else {
            throw invalid("a query needs at least one triple pattern", at: select.position)
        }
        let affirmedOnly = !select.conditions.contains { $0.mentionsPolarity }
        let patterns = try select.patterns.enumerated().map { try resolve($1, index: $0 + 1) }
        let hopConditions = select.conditions.filter { $0.mentionsEdge && !$0.mentionsVariable }

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
                    if condition.mentionsVariable {
                        throw invalid("this condition needs a pattern of one edge to apply to", at: select.position)
                    }
                    continue
                }
                for n in edgeIndexes { filters.append(try conditionSPARQL(condition, edge: String(n), bindings: bindings)) }
            } else {
                filters.append(try conditionSPARQL(condition, edge: nil, bindings: bindings))
            }
        }

        let prefixes = "PREFIX rdf: <\(Self.rdf)>\nPREFIX mg: <\(Self.mg)>\n"
        let body = groups.joined(separator: "\n") + filters.map { "\n  FILTER(\($0))" }.joined() + "\n}"
        if edgeKeys {
            let keys = edgeIndexes.map { "?s\($0) ?p\($0) ?o\($0)" }.joined(separator: " ")
            var query = SPARQLQuery(sparql: prefixes + "SELECT DISTINCT \(keys.isEmpty ? "*" : keys)\nWHERE {\n" + body,
                                    columns: [], order: [], limit: nil, offset: nil, distinct: true)
            query.edgeIndexes = edgeIndexes
            return query
        }

        // Projection, as the local planner makes it.
        var projection = select.projection ?? select.defaultProjection(hasEdges: !edgeIndexes.isEmpty)
        let hasAggregate = projection.contains { if case .count = $0 { true } else { false } }
        for key in select.tail.order {
            if case .edge(let number) = key.target, !projection.contains(where: { if case .edge(number, _) = $0 { true } else { false } }) {
                if hasAggregate { throw invalid("order by \(number.rawValue) cannot be combined with count", at: key.position) }
                projection.append(.edge(number, key.position))
            }
        }
        var columns: [SPARQLQuery.Column] = []
        var selected: [String] = []
        var groupKeys: [String] = []
        for item in projection {
            switch item {
            case .variable(let v):
                guard let isPredicate = bindings[v.name] else { throw unbound(v) }
                let name = Self.variable(v.name)
                columns.append(isPredicate ? .predicate(name: v.name, variable: name) : .entity(name: v.name, variable: name))
                selected.append("?" + name)
                groupKeys.append("?" + name)
            case .count(let v):
                let alias = "count\(columns.count)"
                if let v {
                    guard bindings[v.name] != nil else { throw unbound(v) }
                    selected.append("(COUNT(DISTINCT ?\(Self.variable(v.name))) AS ?\(alias))")
                } else {
                    selected.append("(COUNT(*) AS ?\(alias))")
                }
                columns.append(.integer(name: "count", variables: [alias]))
            case .edge(let number, let position):
                guard !edgeIndexes.isEmpty else { throw invalid("\(number.rawValue) needs a pattern of one edge", at: position) }
                if hasAggregate {
                    throw invalid("\(number.rawValue) beside count is not supported over an endpoint", at: position)
                }
                let variables = edgeIndexes.map { Self.numberVariable(number, String($0)) }
                columns.append(.integer(name: number.rawValue, variables: variables))
                selected += variables.map { "?" + $0 }.filter { !selected.contains($0) }
            }
        }
        for v in select.groupBy where bindings[v.name] == nil { throw unbound(v) }
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
                throw invalid("order by \(name) needs \(name) among the columns", at: key.position)
            }
            order.append(SPARQLQuery.SortKey(column: index, descending: key.descending))
        }
        order += columns.indices.map { SPARQLQuery.SortKey(column: $0, descending: false) }

        var sparql = prefixes + "SELECT \(hasAggregate ? "" : "DISTINCT ")\(selected.joined(separator: " "))\nWHERE {\n" + body
        if hasAggregate && !(groupKeys + extraKeys).isEmpty { sparql += "\nGROUP BY " + (groupKeys + extraKeys).joined(separator: " ") }
        return SPARQLQuery(sparql: sparql, columns: columns, order: order, limit: select.tail.limit,
                           offset: select.tail.offset, distinct: !hasAggregate)
    }

    // MARK: edges

    /// One pattern of one edge: the edge's aggregate in each direction it may be read, the
    /// ends bound to the pattern's variables.
    func edgeGroup(_ p: Resolved, bindings: inout [String: Bool]) throws -> String {
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
            var arm = "    { " + (try edgeAggregate(String(n), restrictions: values)) + " }"
            arm += try bindEnds(p, subject: subjectKey, object: objectKey, bindings: &bindings)
            if let v = p.predicateVariable {
                try checkKind(v, isPredicate: true, bindings: &bindings)
                arm += "\n    BIND(?p\(n) AS ?\(Self.variable(v.name)))"
            }
            arms.append("  {\n" + arm + "\n  }")
        }
        return arms.joined(separator: "\n  UNION\n")
    }

    /// The edge (?sN ?pN ?oN) with its numbers, summed over the documents' `mg:DocumentEdge`s
    /// and the imported graphs that state it, each of which counts as one affirming document
    /// with one claim, as in the store; N tags the variables so several edges stay apart.
    /// The imported graphs are named (the local store knows them): an engine then reads each
    /// through its graph's index instead of every graph's triples.
    func edgeAggregate(_ n: String, restrictions: [String]) throws -> String {
        let mg = Self.mg
        var imports = ""
        let graphs = try names.importedGraphs()
        if !graphs.isEmpty {
            let predicates = try names.predicates().map { "<\(mg)\($0)>" }.joined(separator: ", ")
            let test = "FILTER(?p\(n) IN (\(predicates)) && STRSTARTS(STR(?s\(n)), \"\(Namespace.entity)\") "
                + "&& STRSTARTS(STR(?o\(n)), \"\(Namespace.entity)\")) BIND(1 AS ?a\(n)) BIND(0 AS ?d\(n)) BIND(0 AS ?h\(n))"
            imports = graphs.map { " UNION { GRAPH <\($0)> { ?s\(n) ?p\(n) ?o\(n) } \(test) }" }.joined()
        }
        return """
            SELECT ?s\(n) ?p\(n) ?o\(n) (SUM(IF(?a\(n) > 0, 1, 0)) AS ?sup\(n)) (SUM(IF(?d\(n) > 0, 1, 0)) AS ?den\(n)x) \
            (SUM(?a\(n) + ?d\(n)) AS ?cl\(n)) (SUM(?h\(n)) AS ?hd\(n)) (SUM(IF(?a\(n) > 0 && ?d\(n) > 0, 1, 0)) AS ?sc\(n)) \
            WHERE { \(restrictions.joined(separator: " "))\(restrictions.isEmpty ? "" : " ")\
            { GRAPH ?g\(n) { ?e\(n) <\(mg)edgeSubject> ?s\(n) ; \
            <\(mg)edgePredicate> ?p\(n) ; <\(mg)edgeObject> ?o\(n) ; <\(mg)affirmingClaims> ?a\(n) ; <\(mg)denyingClaims> ?d\(n) ; \
            <\(mg)hedgedClaims> ?h\(n) } }\(imports) } GROUP BY ?s\(n) ?p\(n) ?o\(n)
            """
    }

    /// The local definition of a contested edge (`Edge.isContested`): an affirmer and a
    /// different denier, so a document contradicting itself alone never makes one.
    static func contested(_ e: String) -> String {
        "(?sup\(e) > 0 && ?den\(e)x > 0 && !(?sup\(e) = 1 && ?den\(e)x = 1 && ?sc\(e) = 1))"
    }

    /// Binds a pattern's variable ends to the keys that hold them (a constant end is
    /// already restricted); the same variable at both ends asks for a loop.
    func bindEnds(_ p: Resolved, subject: String, object: String, bindings: inout [String: Bool]) throws -> String {
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
            throw invalid("?\(v.name) cannot stand both for a predicate and for an entity", at: v.position)
        }
        bindings[v.name] = isPredicate
    }

    // MARK: paths

    /// A bounded path: the distinct pairs of ends joined by a walk of `min` to `max` hops.
    func pathGroup(_ p: Resolved, affirmedOnly: Bool, hopConditions: [Condition], bindings: inout [String: Bool]) throws -> String {
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
    func hop(_ p: Resolved, from: String, to: String, tag: String, restrictions: [String], affirmedOnly: Bool,
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
            var arm = "{ " + (try edgeAggregate(edge, restrictions: restrictions)) + " }"
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
            return Self.contested(edge!)
        case .source(let op, let name):
            let e = edge!
            let said = "?src\(e) <\(Self.mg)edgeSubject> ?s\(e) ; <\(Self.mg)edgePredicate> ?p\(e) ; <\(Self.mg)edgeObject> ?o\(e)"
            let exists: String
            if op == "like" {
                exists = "EXISTS { GRAPH ?srcg\(e) { \(said) } FILTER(REGEX(STR(?srcg\(e)), \(Self.literal(likeRegex(name.text))), \"i\")) }"
            } else {
                exists = "EXISTS { GRAPH <\(Namespace.documentIRI(try names.document(name)))> { \(said) } }"
            }
            return op == "!=" ? "!" + exists : exists
        case .holder(let op, let name):
            let e = edge!
            let exists = "EXISTS { GRAPH ?hg\(e) { ?hc\(e) <\(Self.rdf)subject> ?s\(e) ; <\(Self.rdf)predicate> ?p\(e) ; "
                + "<\(Self.rdf)object> ?o\(e) ; <\(Self.mg)holder> ?hv\(e) } FILTER(\(try holderTest(op, name, "?hv\(e)"))) }"
            return op == "!=" ? "!" + exists : exists
        case .compare(let v, let op, let term):
            guard let isPredicate = bindings[v.name] else { throw unbound(v) }
            let left = "?" + Self.variable(v.name)
            let negate = op == "!="
            switch term {
            case .variable(let other, _):
                guard bindings[other.name] != nil else { throw unbound(other) }
                return "\(left) \(negate ? "!=" : "=") ?\(Self.variable(other.name))"
            case .entity(let name):
                let iris = isPredicate ? [predicateIRI(try names.predicate(name))] : try names.entityIDs(name).map(entityIRI)
                return "\(left) \(negate ? "NOT IN" : "IN") (\(iris.map { "<\($0)>" }.joined(separator: ", ")))"
            }
        case .isA(let v, let cls):
            guard bindings[v.name] != nil else { throw unbound(v) }
            return classTest("?" + Self.variable(v.name), try names.classAndSubclasses(cls))
        }
    }

    /// Whether the entity is typed, in the ontology's graph, with one of `classes`.
    func classTest(_ variable: String, _ classes: [String]) -> String {
        "EXISTS { GRAPH <\(Namespace.ontologyGraph)> { \(variable) a ?class } FILTER(?class IN (\(classes.map { "<\(Self.mg)\($0)>" }.joined(separator: ", ")))) }"
    }

    /// The test that the holder in `variable` is `name` (`=`, `!=`: in any case, or the
    /// agency the name denotes by any of its labels) or fits the LIKE pattern (`like`); for
    /// `!=` the equality, which the caller negates around its `EXISTS`, as locally.
    func holderTest(_ op: String, _ name: NameRef, _ variable: String) throws -> String {
        if op == "like" { return "REGEX(STR(\(variable)), \(Self.literal(Self.likeRegex(name.text))), \"i\")" }
        let names = try names.holderNames(name).map(Self.literal).joined(separator: ", ")
        return "LCASE(STR(\(variable))) IN (\(names))"
    }

    /// An SQL LIKE pattern as a regular expression over the whole text.
    static func likeRegex(_ pattern: String) -> String {
        "^" + pattern.map { $0 == "%" ? ".*" : $0 == "_" ? "." : regexEscape(String($0)) }.joined() + "$"
    }

    /// An SQL LIKE pattern over document ids as a regular expression over document IRIs.
    func likeRegex(_ pattern: String) -> String {
        var regex = "^" + Self.regexEscape(Namespace.document)
        var literal = ""
        func flush() {
            if !literal.isEmpty { regex += Self.regexEscape(String(Namespace.documentIRI(literal).dropFirst(Namespace.document.count))) }
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

    func allPredicates() throws -> [String] { try names.predicates() }

    func predicateIRI(_ name: String) -> String { Self.mg + name }

    func entityIRI(_ id: String) -> String { Namespace.entity + id }

    static func variable(_ name: String) -> String { "v_" + name }

    static func numberVariable(_ number: EdgeNumber, _ edge: String) -> String {
        switch number {
        case .support: "sup\(edge)"
        case .denials: "den\(edge)x"
        case .claims: "cl\(edge)"
        case .hedged: "hd\(edge)"
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
