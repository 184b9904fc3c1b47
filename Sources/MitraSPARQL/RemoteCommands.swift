import Foundation
import MitraModel

/// Runs each statement against a remote SPARQL store holding the pushed graphs, giving the
/// rows the local store gives: pattern queries compiled whole; `contested`, `describe` and
/// `evidence` as one query each (evidence one per edge); `neighbors` one query per depth and
/// `path` the same breadth-first searches as locally, one query per side and round.
///
/// Names, labels and classes come from `names` (the store that pushed the graphs); edges,
/// their numbers, claims and sentences from the remote one.
public struct RemoteCommands {
    let names: any QueryNames
    let select: (String) throws -> [[String: Term]]

    /// `select` sends one SPARQL query to the endpoint and returns its solutions.
    public init(names: any QueryNames, select: @escaping (String) throws -> [[String: Term]]) {
        self.names = names
        self.select = select
    }

    var compiler: SPARQLCompiler { SPARQLCompiler(names: names) }
    static let prefixes = "PREFIX rdf: <\(Namespace.rdf)>\nPREFIX mg: <\(Namespace.ontology)>\n"

    public func run(_ statement: Statement) throws -> QueryResult {
        switch statement {
        case .select(let query):
            return try finish(try compiler.compile(query))
        case .contested(let tail, let withEvidence):
            return withEvidence ? try contestedWithEvidence(tail) : try finish(try contested(tail))
        case .describe(let name):
            return try describe(name)
        case .neighbors(let name, let depth, let tail):
            return try neighbors(name, depth: depth, tail: tail)
        case .path(let from, let to, let maxLength, let all):
            return try path(from, to, maxLength: maxLength, all: all)
        case .evidence(let query):
            return try evidence(query)
        case .explain(let inner):
            return QueryResult(columns: ["plan"], rows: try explainLines(inner).map { [.text($0)] })
        }
    }

    /// What runs remotely for a statement: the SPARQL of a pattern query or `contested`, a
    /// description of the steps otherwise.
    public func explainLines(_ statement: Statement) throws -> [String] {
        switch statement {
        case .select(let query): return try compiler.compile(query).sparql.components(separatedBy: "\n")
        case .contested(let tail, _): return try contested(tail).sparql.components(separatedBy: "\n")
        case .describe: return ["describe: the entity from the local store; its edges out and in, aggregated from the remote documents' edges"]
        case .neighbors(_, let depth, _):
            return ["neighbors: up to \(depth) remote queries, one per depth, over affirmed edges (plain triples) either way"]
        case .path(_, _, let maxLength, _):
            return ["path: breadth-first search, up to \(maxLength) edges; one remote query per side and round"]
        case .evidence(let query):
            return ["evidence: the pattern's edges, compiled as below, then one remote query per edge for its claims"]
                + (try compiler.compile(query, edgeKeys: true).sparql.components(separatedBy: "\n"))
        case .explain(let inner): return try explainLines(inner)
        }
    }

    func finish(_ query: SPARQLQuery) throws -> QueryResult {
        try SPARQLResult.result(of: query, solutions: try select(query.sparql), names: names)
    }

    // MARK: contested

    func contested(_ tail: Tail) throws -> SPARQLQuery {
        var order: [SPARQLQuery.SortKey] = []
        for key in tail.order {
            guard case .edge(let number) = key.target, number == .support || number == .denials else {
                throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                                 message: "contested edges can be ordered by support or denials")
            }
            order.append(SPARQLQuery.SortKey(column: number == .support ? 3 : 4, descending: key.descending))
        }
        // As locally: by labels, or by ids when only a limit is asked for.
        let byID = tail.limit != nil && order.isEmpty
        order += [0, 1, 2].map { SPARQLQuery.SortKey(column: $0, descending: false, byID: byID) }
        let sparql = Self.prefixes + "SELECT ?s1 ?p1 ?o1 ?sup1 ?den1x ?sc1 WHERE {\n  { " + (try compiler.edgeAggregate("1", restrictions: []))
            + " }\n  FILTER\(SPARQLCompiler.contested("1"))\n}"
        return SPARQLQuery(
            sparql: sparql,
            columns: [.entity(name: "subject", variable: "s1"), .predicate(name: "predicate", variable: "p1"),
                      .entity(name: "object", variable: "o1"), .integer(name: "support", variables: ["sup1"]),
                      .integer(name: "denials", variables: ["den1x"]), .integer(name: "self_contradicting", variables: ["sc1"])],
            order: order, limit: tail.limit, offset: tail.offset, distinct: true)
    }

    /// Both sides of each contested edge, the affirming claims first, then the denying ones.
    func contestedWithEvidence(_ tail: Tail) throws -> QueryResult {
        var rows: [[Value]] = []
        for edge in try finish(try contested(tail)).rows {
            guard case .entity(let s, _) = edge[0], case .text(let p) = edge[1], case .entity(let o, _) = edge[2] else { continue }
            let claims = try evidenceRows(EdgeKey(subject: s, predicate: p, object: o), documents: [])
            // Column 7 is the polarity.
            rows += claims.filter { $0[7] == .text("affirmed") } + claims.filter { $0[7] == .text("denied") }
        }
        return QueryResult(columns: Self.evidenceColumns, rows: rows)
    }

    // MARK: describe

    func describe(_ name: NameRef) throws -> QueryResult {
        let id = try names.entityIDs(name)[0]
        var rows = try names.describeFacts(name)
        let iri = "<\(Namespace.entity + id)>"
        let sparql = Self.prefixes + """
            SELECT ?p1 ?other ?sup1 ?den1x ?inv WHERE {
              { { \(try compiler.edgeAggregate("1", restrictions: ["VALUES ?s1 { \(iri) }"])) } BIND(?o1 AS ?other) BIND(0 AS ?inv) }
              UNION
              { { \(try compiler.edgeAggregate("1", restrictions: ["VALUES ?o1 { \(iri) }"])) } BIND(?s1 AS ?other) BIND(1 AS ?inv) }
            }
            """
        var edges: [(inverse: Int, predicate: String, other: Value, support: Int, denials: Int)] = []
        for solution in try select(sparql) {
            edges.append((Self.integer(solution["inv"]), Self.predicateName(solution["p1"]), try entity(solution["other"]),
                          Self.integer(solution["sup1"]), Self.integer(solution["den1x"])))
        }
        edges.sort { a, b in
            if a.inverse != b.inverse { return a.inverse < b.inverse }
            if a.predicate != b.predicate { return SPARQLResult.compare(.text(a.predicate), .text(b.predicate)) < 0 }
            if a.support != b.support { return a.support > b.support }
            return SPARQLResult.compare(.text(a.other.display), .text(b.other.display)) < 0
        }
        for e in edges {
            rows.append([.text(e.inverse == 1 ? "^" + e.predicate : e.predicate), e.other, .integer(e.support), .integer(e.denials)])
        }
        var result = QueryResult(columns: ["property", "value", "support", "denials"], rows: rows)
        result.json = names.describeJSON(result)
        return result
    }

    // MARK: neighbors

    func neighbors(_ name: NameRef, depth: Int, tail: Tail) throws -> QueryResult {
        if let key = tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "neighbors are ordered by depth; use limit and offset only")
        }
        let seeds = try names.entityIDs(name)
        var reached: [String: Int] = Dictionary(uniqueKeysWithValues: seeds.map { ($0, 0) })
        var frontier = seeds
        let predicates = try names.predicates().map { "<\(Namespace.ontology)\($0)>" }.joined(separator: " ")
        for level in 1...max(depth, 1) where level <= depth && !frontier.isEmpty {
            let values = frontier.map { "<\(Namespace.entity + $0)>" }.joined(separator: " ")
            let sparql = """
                SELECT DISTINCT ?n WHERE { VALUES ?x { \(values) } VALUES ?p { \(predicates) }
                  { GRAPH ?g { ?x ?p ?n } } UNION { GRAPH ?g { ?n ?p ?x } } }
                """
            var next: [String] = []
            for solution in try select(sparql) {
                guard let id = Self.entityID(solution["n"]), reached[id] == nil else { continue }
                reached[id] = level
                next.append(id)
            }
            frontier = next
        }
        var rows: [(entity: Value, cls: String, depth: Int)] = []
        for (id, level) in reached where level > 0 {
            let (value, cls) = try names.entity(id)
            rows.append((value, cls, level))
        }
        rows.sort { a, b in
            if a.depth != b.depth { return a.depth < b.depth }
            let byLabel = SPARQLResult.compare(.text(a.entity.display), .text(b.entity.display))
            guard byLabel == 0, case .entity(let x, _) = a.entity, case .entity(let y, _) = b.entity else { return byLabel < 0 }
            return SPARQLResult.compare(.text(x), .text(y)) < 0
        }
        let start = min(tail.offset ?? 0, rows.count)
        let end = tail.limit.map { min(start + $0, rows.count) } ?? rows.count
        return QueryResult(columns: ["entity", "class", "depth"],
                           rows: rows[start..<end].map { [$0.entity, .text($0.cls), .integer($0.depth)] })
    }

    // MARK: terms

    func entity(_ term: Term?) throws -> Value {
        guard let id = Self.entityID(term) else { return .null }
        return try names.entity(id).value
    }

    static func predicateName(_ term: Term?) -> String {
        guard let iri = term?.value else { return "" }
        return iri.hasPrefix(Namespace.ontology) ? String(iri.dropFirst(Namespace.ontology.count)) : iri
    }

    static func entityID(_ term: Term?) -> String? {
        guard let iri = term?.value else { return nil }
        guard iri.hasPrefix(Namespace.entity) else { return iri }
        let local = String(iri.dropFirst(Namespace.entity.count))
        return local.removingPercentEncoding ?? local
    }

    static func integer(_ term: Term?) -> Int {
        guard let value = term?.value else { return 0 }
        return Int(value) ?? Double(value).map { Int($0) } ?? 0
    }

    /// A boolean as engines return it: `true`/`false`, or `1`/`0` (Virtuoso).
    static func boolean(_ term: Term?) -> Bool {
        term?.value == "true" || term?.value == "1"
    }
}
