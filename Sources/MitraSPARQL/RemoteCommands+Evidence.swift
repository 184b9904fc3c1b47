import MitraModel

/// `evidence` over the endpoint: the edges the pattern matches, then each edge's claims with
/// their documents, in the one schema of an evidence row.
extension RemoteCommands {
    static let evidenceColumns = [
        "subject", "predicate", "object", "document", "title", "url", "sentence_index", "polarity", "certainty", "holder",
        "rule", "confidence", "subject_span", "object_span", "sentence",
    ]

    /// A test of a top-level `source` or `holder` condition, which picks the claims too.
    struct DocumentTest {
        var op: String
        /// A document id, or the `like` pattern.
        var value: String
        /// For a holder: the names it may have (lowercased), or nil for a document test.
        var holders: [String]? = nil
    }

    func evidence(_ query: Select) throws -> QueryResult {
        if let key = query.tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "evidence comes in edge, document and sentence order; it takes limit and offset only")
        }
        var tests: [DocumentTest] = []
        for condition in query.conditions {
            if case .holder(let op, let name) = condition {
                tests.append(DocumentTest(op: op, value: name.text, holders: op == "like" ? [] : try names.holderNames(name)))
                continue
            }
            guard case .source(let op, let name) = condition else { continue }
            tests.append(DocumentTest(op: op, value: op == "like" ? name.text : try names.document(name)))
        }
        var select = query
        select.tail = Tail()
        // A condition on support lifts the default of affirmed edges only: a denial is evidence.
        select.conditions.append(.number(.support, ">=", 0))
        let compiled = try compiler.compile(select, edgeKeys: true)
        var keys: Set<EdgeKey> = []
        for solution in try self.select(compiled.sparql) {
            for n in compiled.edgeIndexes {
                guard let s = Self.entityID(solution["s\(n)"]), let o = Self.entityID(solution["o\(n)"]) else { continue }
                keys.insert(EdgeKey(subject: s, predicate: Self.predicateName(solution["p\(n)"]), object: o))
            }
        }
        var rows: [[Value]] = []
        for key in keys.sorted() { rows += try evidenceRows(key, documents: tests) }
        let offset = min(query.tail.offset ?? 0, rows.count)
        let end = query.tail.limit.map { min(rows.count, offset + $0) } ?? rows.count
        return QueryResult(columns: Self.evidenceColumns, rows: Array(rows[offset..<end]))
    }

    /// The claims of one edge as evidence rows, in document and sentence order (and, within
    /// a sentence, by where their ends stand).
    func evidenceRows(_ key: EdgeKey, documents tests: [DocumentTest]) throws -> [[Value]] {
        let sparql = Self.prefixes + """
            PREFIX rdfs: <\(Namespace.rdfs)>
            PREFIX prov: <\(Namespace.prov)>
            SELECT ?id ?title ?url ?index ?neg ?hed ?holder ?rule ?confidence ?ss ?se ?os ?oe ?sentence WHERE {
              GRAPH ?g { ?c rdf:subject <\(Namespace.entity + key.subject)> ; rdf:predicate <\(Namespace.ontology + key.predicate)> ;
                rdf:object <\(Namespace.entity + key.object)> ; prov:wasDerivedFrom ?d ; mg:sentenceIndex ?index ;
                mg:negated ?neg ; mg:hedged ?hed ; mg:rule ?rule ; mg:confidence ?confidence ; mg:subjectStart ?ss ;
                mg:subjectEnd ?se ; mg:objectStart ?os ; mg:objectEnd ?oe ; mg:sentence ?sentence .
                ?d rdfs:label ?id . OPTIONAL { ?d mg:title ?title } OPTIONAL { ?d mg:url ?url } OPTIONAL { ?c mg:holder ?holder } } }
            """
        var claims: [(doc: String, index: Int, spans: [Int], row: [Value])] = []
        for solution in try select(sparql) {
            let holder = solution["holder"]?.value
            guard let doc = solution["id"]?.value, tests.allSatisfy({ Self.passes(doc, holder: holder, $0) }) else { continue }
            let spans = ["ss", "se", "os", "oe"].map { Self.integer(solution[$0]) }
            let index = Self.integer(solution["index"])
            let row: [Value] = [
                try names.entity(key.subject).value, .text(key.predicate), try names.entity(key.object).value, .text(doc),
                solution["title"].map { .text($0.value) } ?? .null, solution["url"].map { .text($0.value) } ?? .null,
                .integer(index), .text(Self.boolean(solution["neg"]) ? "denied" : "affirmed"),
                .text(Self.boolean(solution["hed"]) ? "hedged" : "firm"), holder.map(Value.text) ?? .null,
                .text(solution["rule"]?.value ?? ""),
                .real(Double(solution["confidence"]?.value ?? "") ?? 0), .span(spans[0], spans[1]), .span(spans[2], spans[3]),
                .text(solution["sentence"]?.value ?? ""),
            ]
            claims.append((doc, index, [spans[0], spans[2], spans[1], spans[3]], row))
        }
        claims.sort { a, b in
            if a.doc != b.doc { return SPARQLResult.compare(.text(a.doc), .text(b.doc)) < 0 }
            if a.index != b.index { return a.index < b.index }
            return a.spans.lexicographicallyPrecedes(b.spans)
        }
        return claims.map(\.row)
    }

    /// Whether a document passes a `source` test as SQL would: `=`, `<>`, or `LIKE` (case
    /// folded for ASCII, `%` any run, `_` one character).
    static func passes(_ doc: String, holder: String?, _ test: DocumentTest) -> Bool {
        if let holders = test.holders {
            // As locally: `!=` keeps claims without a holder; `=` and `like` need one.
            guard let holder else { return test.op == "!=" }
            switch test.op {
            case "=": return holders.contains(holder.lowercased())
            case "!=": return !holders.contains(holder.lowercased())
            default: return like(Array(holder.lowercased()), Array(test.value.lowercased()))
            }
        }
        switch test.op {
        case "=": return doc == test.value
        case "!=": return doc != test.value
        default: return like(Array(doc.lowercased()), Array(test.value.lowercased()))
        }
    }

    static func like(_ text: [Character], _ pattern: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = Array(pattern.dropFirst())
        if first == "%" { return (0...text.count).contains { like(Array(text[$0...]), rest) } }
        guard let head = text.first, first == "_" || first == head else { return false }
        return like(Array(text.dropFirst()), rest)
    }
}
