import Foundation
import GRDB
import MitraModel
import MitraStore

/// Runs each statement against a remote SPARQL store holding the pushed graphs, giving the
/// rows the local `Commands` give: pattern queries compiled whole; `contested`, `describe`
/// and `evidence` as one query each; `neighbors` one query per depth and `path` the same
/// two-sided breadth-first search as locally, one query per side and round.
///
/// Names, labels, classes and sentence text are read from the local store that pushed the
/// graphs; edges, their numbers and claims from the remote one.
struct RemoteCommands {
    let catalog: Catalog
    let db: Database
    let select: (String) throws -> [[String: Term]]

    private var compiler: SPARQLCompiler { SPARQLCompiler(catalog: catalog, db: db) }
    private static let prefixes = "PREFIX rdf: <\(Namespace.rdf)>\nPREFIX mg: <\(Namespace.ontology)>\n"

    func run(_ statement: Statement) throws -> QueryResult {
        switch statement {
        case .select(let query):
            return try finish(try compiler.compile(query))
        case .contested(let tail):
            return try finish(try contested(tail))
        case .describe(let name):
            return try describe(name)
        case .neighbors(let name, let depth, let tail):
            return try neighbors(name, depth: depth, tail: tail)
        case .path(let from, let to, let maxLength):
            return try path(from, to, maxLength: maxLength)
        case .evidence(let s, let p, let o):
            return try evidence(s, p, o)
        case .explain(let inner):
            return QueryResult(columns: ["plan"], rows: try explainLines(inner).map { [.text($0)] })
        }
    }

    /// What runs remotely for a statement: the SPARQL of a pattern query or `contested`, a
    /// description of the steps otherwise.
    func explainLines(_ statement: Statement) throws -> [String] {
        switch statement {
        case .select(let query): return try compiler.compile(query).sparql.components(separatedBy: "\n")
        case .contested(let tail): return try contested(tail).sparql.components(separatedBy: "\n")
        case .describe: return ["describe: the entity from the local store; its edges out and in, aggregated from the remote claims"]
        case .neighbors(_, let depth, _):
            return ["neighbors: up to \(depth) remote queries, one per depth, over affirmed edges (plain triples) either way"]
        case .path(_, _, let maxLength):
            return ["path: breadth-first search from both ends, up to \(maxLength) edges; one remote query per side and round"]
        case .evidence: return ["evidence: the remote claims of the edge; sentence text from the local store"]
        case .explain(let inner): return try explainLines(inner)
        }
    }

    func finish(_ query: SPARQLQuery) throws -> QueryResult {
        try QueryEngine.result(of: query, solutions: try select(query.sparql), db: db)
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
        let sparql = Self.prefixes + "SELECT ?s1 ?p1 ?o1 ?sup1 ?den1x WHERE {\n  { " + compiler.edgeAggregate("1", restrictions: [])
            + " }\n  FILTER(?sup1 > 0 && ?den1x > 0)\n}"
        return SPARQLQuery(
            sparql: sparql,
            columns: [.entity(name: "subject", variable: "s1"), .predicate(name: "predicate", variable: "p1"),
                      .entity(name: "object", variable: "o1"), .integer(name: "support", variables: ["sup1"]),
                      .integer(name: "denials", variables: ["den1x"])],
            order: order, limit: tail.limit, offset: tail.offset, distinct: true)
    }

    // MARK: describe

    func describe(_ name: NameRef) throws -> QueryResult {
        let id = try catalog.entityIDs(name, in: db)[0]
        // The facts are the ontology's, which the local store holds as the remote one does.
        var rows = try Commands(catalog: catalog, db: db, canceller: QueryCanceller()).describeFacts(id)
        let iri = "<\(Namespace.entity + id)>"
        let sparql = Self.prefixes + """
            SELECT ?p1 ?other ?sup1 ?den1x ?inv WHERE {
              { { \(compiler.edgeAggregate("1", restrictions: ["VALUES ?s1 { \(iri) }"])) } BIND(?o1 AS ?other) BIND(0 AS ?inv) }
              UNION
              { { \(compiler.edgeAggregate("1", restrictions: ["VALUES ?o1 { \(iri) }"])) } BIND(?s1 AS ?other) BIND(1 AS ?inv) }
            }
            """
        var edges: [(inverse: Int, predicate: String, other: Value, support: Int, denials: Int)] = []
        for solution in try select(sparql) {
            edges.append((Self.integer(solution["inv"]), predicateName(solution["p1"]), entity(solution["other"]),
                          Self.integer(solution["sup1"]), Self.integer(solution["den1x"])))
        }
        edges.sort { a, b in
            if a.inverse != b.inverse { return a.inverse < b.inverse }
            if a.predicate != b.predicate { return QueryEngine.compare(.text(a.predicate), .text(b.predicate)) < 0 }
            if a.support != b.support { return a.support > b.support }
            return QueryEngine.compare(.text(a.other.display), .text(b.other.display)) < 0
        }
        for e in edges {
            rows.append([.text(e.inverse == 1 ? "^" + e.predicate : e.predicate), e.other, .integer(e.support), .integer(e.denials)])
        }
        return QueryResult(columns: ["property", "value", "support", "denials"], rows: rows)
    }

    // MARK: neighbors

    func neighbors(_ name: NameRef, depth: Int, tail: Tail) throws -> QueryResult {
        if let key = tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "neighbors are ordered by depth; use limit and offset only")
        }
        let seeds = try catalog.entityIDs(name, in: db)
        var reached: [String: Int] = Dictionary(uniqueKeysWithValues: seeds.map { ($0, 0) })
        var frontier = seeds
        let predicates = try catalog.predicates(db).map { "<\(Namespace.ontology)\($0)>" }.joined(separator: " ")
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
        var rows: [(id: String, label: String, cls: String, depth: Int)] = []
        for (id, level) in reached where level > 0 {
            let row = try Row.fetchOne(db, sql: "SELECT label, class FROM entities WHERE id = ?", arguments: [id])
            rows.append((id, row?["label"] ?? id, row?["class"] ?? "", level))
        }
        rows.sort { a, b in
            if a.depth != b.depth { return a.depth < b.depth }
            let byLabel = QueryEngine.compare(.text(a.label), .text(b.label))
            return byLabel != 0 ? byLabel < 0 : QueryEngine.compare(.text(a.id), .text(b.id)) < 0
        }
        let start = min(tail.offset ?? 0, rows.count)
        let end = tail.limit.map { min(start + $0, rows.count) } ?? rows.count
        return QueryResult(columns: ["entity", "class", "depth"],
                           rows: rows[start..<end].map { [.entity(id: $0.id, label: $0.label), .text($0.cls), .integer($0.depth)] })
    }

    // MARK: path

    /// The local search's order exactly: per node, its edges out by (predicate, object), then
    /// its edges in by (subject, predicate), so ties between shortest paths break the same way.
    func path(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> QueryResult {
        let sources = try catalog.entityIDs(from, in: db)
        let targets = try catalog.entityIDs(to, in: db)
        var steps: [Commands.Step] = []
        if Set(sources).isDisjoint(with: targets) {
            var parents: [[String: (String, Commands.Step)?]] = [
                Dictionary(uniqueKeysWithValues: sources.map { ($0, nil) }),
                Dictionary(uniqueKeysWithValues: targets.map { ($0, nil) }),
            ]
            var frontiers = [sources, targets]
            var depths = [0, 0]
            search: while depths[0] + depths[1] < maxLength, !frontiers[0].isEmpty, !frontiers[1].isEmpty {
                let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
                let around = try adjacent(frontiers[side])
                var next: [String] = []
                for node in frontiers[side] {
                    for (other, step) in around[node] ?? [] where parents[side][other] == nil {
                        parents[side][other] = .some((node, step))
                        if parents[1 - side][other] != nil {
                            steps = Commands.join(at: other, parents)
                            break search
                        }
                        next.append(other)
                    }
                }
                frontiers[side] = next
                depths[side] += 1
            }
        }
        return Commands(catalog: catalog, db: db, canceller: QueryCanceller()).pathResult(steps)
    }

    /// Each node's affirmed edges, out then in, with the node at the other end.
    func adjacent(_ nodes: [String]) throws -> [String: [(String, Commands.Step)]] {
        let values = nodes.map { "<\(Namespace.entity + $0)>" }.joined(separator: " ")
        var out: [String: [(String, String, Commands.Step)]] = [:]
        var into: [String: [(String, String, Commands.Step)]] = [:]
        for (restriction, outgoing) in [("?s1", true), ("?o1", false)] {
            let sparql = Self.prefixes + "SELECT ?s1 ?p1 ?o1 ?sup1 WHERE { { "
                + compiler.edgeAggregate("1", restrictions: ["VALUES \(restriction) { \(values) }"]) + " } FILTER(?sup1 > 0) }"
            for solution in try select(sparql) {
                guard let s = Self.entityID(solution["s1"]), let o = Self.entityID(solution["o1"]) else { continue }
                let predicate = predicateName(solution["p1"])
                let step = Commands.Step(key: EdgeKey(subject: s, predicate: predicate, object: o), support: Self.integer(solution["sup1"]))
                if outgoing { out[s, default: []].append((predicate, o, step)) } else { into[o, default: []].append((s, predicate, step)) }
            }
        }
        func ordered(_ list: [(String, String, Commands.Step)]) -> [(String, String, Commands.Step)] {
            list.sorted { a, b in
                let first = QueryEngine.compare(.text(a.0), .text(b.0))
                return first != 0 ? first < 0 : QueryEngine.compare(.text(a.1), .text(b.1)) < 0
            }
        }
        var result: [String: [(String, Commands.Step)]] = [:]
        for node in nodes {
            result[node] = ordered(out[node] ?? []).map { ($0.1, $0.2) } + ordered(into[node] ?? []).map { ($0.0, $0.2) }
        }
        return result
    }

    // MARK: evidence

    func evidence(_ s: NameRef, _ p: NameRef, _ o: NameRef) throws -> QueryResult {
        let subjects = try catalog.entityIDs(s, in: db).map { "<\(Namespace.entity + $0)>" }.joined(separator: " ")
        let predicate = try catalog.predicate(p, in: db)
        let objects = try catalog.entityIDs(o, in: db).map { "<\(Namespace.entity + $0)>" }.joined(separator: " ")
        // The sentence's index is `mg:sentence` in the store's quads today and
        // `mg:sentenceIndex` in the projection of docs/rdf.md; either is read.
        let sparql = Self.prefixes + """
            SELECT ?g ?c ?sentence ?index ?start ?neg ?hed WHERE { VALUES ?s { \(subjects) } VALUES ?o { \(objects) }
              GRAPH ?g { ?c rdf:subject ?s ; rdf:predicate <\(Namespace.ontology)\(predicate)> ; rdf:object ?o ;
                mg:negated ?neg ; mg:hedged ?hed .
                OPTIONAL { ?c mg:sentence ?sentence } OPTIONAL { ?c mg:sentenceIndex ?index } OPTIONAL { ?c mg:subjectStart ?start } } }
            """
        var claims: [(doc: String, sentence: Int, index: Int, iri: String, negated: Bool, hedged: Bool)] = []
        for solution in try select(sparql) {
            guard let graph = solution["g"]?.value, graph.hasPrefix(Namespace.document) else { continue }
            let encoded = String(graph.dropFirst(Namespace.document.count))
            let iri = solution["c"]?.value ?? ""
            let sentence = solution["index"].map { Self.integer($0) } ?? Self.integer(solution["sentence"])
            // Claims of one sentence come in the order they were extracted: their number in
            // a numbered claim IRI, else where their subject starts.
            let index = Int(iri.split(separator: "/").last ?? "") ?? Self.integer(solution["start"])
            claims.append((encoded.removingPercentEncoding ?? encoded, sentence, index, iri,
                           Self.boolean(solution["neg"]), Self.boolean(solution["hed"])))
        }
        claims.sort { a, b in
            if a.doc != b.doc { return QueryEngine.compare(.text(a.doc), .text(b.doc)) < 0 }
            if (a.sentence, a.index) != (b.sentence, b.index) { return (a.sentence, a.index) < (b.sentence, b.index) }
            return QueryEngine.compare(.text(a.iri), .text(b.iri)) < 0
        }
        let rows = try claims.map { c -> [Value] in
            let text = try String.fetchOne(db, sql: "SELECT text FROM sentences WHERE doc = ? AND idx = ?", arguments: [c.doc, c.sentence])
            return [.text(c.doc), .integer(c.sentence), .text(c.negated ? "denied" : "affirmed"), .text(c.hedged ? "hedged" : "firm"),
                    .text(text ?? "")]
        }
        return QueryResult(columns: ["document", "sentence", "polarity", "certainty", "text"], rows: rows)
    }

    // MARK: terms

    func entity(_ term: Term?) -> Value {
        guard let id = Self.entityID(term) else { return .null }
        return Commands(catalog: catalog, db: db, canceller: QueryCanceller()).entity(id)
    }

    func predicateName(_ term: Term?) -> String {
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
