import GRDB
import MitraModel

/// `evidence` over a pattern and filters, and `contested with evidence`: the claims behind
/// edges, one row each, in the one schema every evidence output shares.
extension Commands {
    /// The columns of an evidence row, everywhere (`query`, the shell, `mitragraph evidence
    /// --json`): the edge, the document (id, title, URL), the sentence, the spans of subject
    /// and object in it, polarity, certainty, who the text says holds the claim (null when it
    /// names nobody), the rule that made the claim and its confidence.
    static let evidenceColumns = [
        "subject", "predicate", "object", "document", "title", "url", "sentence_index", "polarity", "certainty", "holder",
        "rule", "confidence", "subject_span", "object_span", "sentence",
    ]

    /// The edges the statement's pattern matches under its conditions, in key order. Edges
    /// every document denies count too (evidence of a denial is evidence), unless a condition
    /// on the counts says otherwise.
    func evidenceEdges(_ select: Select) throws -> [EdgeKey] {
        var select = select
        select.tail = Tail()
        // A condition on support lifts the planner's default of affirmed edges only.
        select.conditions.append(.number(.support, ">=", 0))
        let plan = try Planner(catalog: catalog, db: db).plan(select, forSubgraph: true)
        var keys: Set<EdgeKey> = []
        let cursor = try Row.fetchCursor(try db.makeStatement(sql: plan.sql))
        while let row = try cursor.next() {
            try canceller.check()
            for (s, p, o) in plan.edgeKeys { keys.insert(EdgeKey(subject: row[s], predicate: row[p], object: row[o])) }
        }
        return keys.sorted()
    }

    /// One row per claim behind the matched edges. A `source` or `holder` condition at the top
    /// level of the `where` also picks the claims, not only the edges: `where source = "a.txt"`
    /// shows a.txt's sentences alone, `where holder = "FDA"` the FDA's claims alone.
    func evidence(_ select: Select) throws -> QueryResult {
        if let key = select.tail.order.first {
            throw QueryError(kind: .invalid, line: key.position.line, column: key.position.column,
                             message: "evidence comes in edge, document and sentence order; it takes limit and offset only")
        }
        var documentTests: [String] = []
        var arguments: [DatabaseValueConvertible] = []
        for condition in select.conditions {
            if case .holder(let op, let name) = condition {
                let test = try Planner(catalog: catalog, db: db).holderTest(op, name, column: "c.holder")
                documentTests.append(op == "!=" ? "(c.holder IS NULL OR NOT \(test))" : test)
                continue
            }
            guard case .source(let op, let name) = condition else { continue }
            if op == "like" {
                documentTests.append("d.id LIKE ?")
                arguments.append(name.text)
            } else {
                documentTests.append(op == "=" ? "d.id = ?" : "d.id <> ?")
                arguments.append(try catalog.document(name, in: db))
            }
        }
        var rows: [[Value]] = []
        for key in try evidenceEdges(select) {
            rows += try evidenceRows(key, documentTests: documentTests, arguments: arguments)
        }
        let offset = min(select.tail.offset ?? 0, rows.count)
        let end = select.tail.limit.map { min(rows.count, offset + $0) } ?? rows.count
        return QueryResult(columns: Self.evidenceColumns, rows: Array(rows[offset..<end]))
    }

    /// The claims of one edge as evidence rows, in document and sentence order.
    func evidenceRows(_ key: EdgeKey, documentTests: [String] = [], arguments: [DatabaseValueConvertible] = []) throws -> [[Value]] {
        guard let s = try GraphStore.termID(.iri(Namespace.entity + key.subject), in: db),
              let p = try GraphStore.termID(.iri(Namespace.ontology + key.predicate), in: db),
              let o = try GraphStore.termID(.iri(Namespace.entity + key.object), in: db)
        else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT d.id, c.sentence, c.doc, c.subject_start, c.subject_end, c.object_start, c.object_end,
                   c.negated, c.hedged, tr.value, c.confidence, d.title, d.url, c.holder
            FROM claims c INDEXED BY claims_spo JOIN documents d ON d.num = c.doc JOIN terms tr ON tr.id = c.rule
            WHERE c.subject = ? AND c.predicate = ? AND c.object = ?\((documentTests.map { " AND " + $0 }).joined())
            ORDER BY d.id, c.sentence, c.id
            """)
        let texts = try DocumentTexts(db)
        let subject = entity(key.subject), object = entity(key.object)
        return try Row.fetchAll(statement, arguments: StatementArguments([s, p, o] + arguments)).map { row in
            [subject, .text(key.predicate), object, .text(row[0]), (row[11] as String?).map(Value.text) ?? .null,
             (row[12] as String?).map(Value.text) ?? .null, .integer(row[1]),
             .text((row[7] as Bool) ? "denied" : "affirmed"), .text((row[8] as Bool) ? "hedged" : "firm"),
             (row[13] as String?).map(Value.text) ?? .null, .text(row[9]),
             .real(row[10]), .span(row[3], row[4]), .span(row[5], row[6]), .text(try texts.sentence(row[1], of: row[2]))]
        }
    }

    /// `contested with evidence`: both sides of each contested edge, the affirming claims
    /// first, then the denying ones.
    func contestedWithEvidence(_ tail: Tail) throws -> QueryResult {
        var rows: [[Value]] = []
        for edge in try contestedKeys(tail) {
            let key = EdgeKey(subject: edge["subject"], predicate: edge["predicate"], object: edge["object"])
            let claims = try evidenceRows(key)
            // Column 7 is the polarity.
            rows += claims.filter { $0[7] == .text("affirmed") } + claims.filter { $0[7] == .text("denied") }
        }
        return QueryResult(columns: Self.evidenceColumns, rows: rows)
    }
}
