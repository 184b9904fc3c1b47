import GRDB
import MitraModel
import MitraRDF

/// The statements of an import that may support edges, gathered while the file streams by:
/// `mge:A mg:p mge:B` with `p` a predicate of the ontology, by term id. Once the import's own
/// entities are in, each is judged against the ontology and the accepted ones are written to
/// `graph_edges` in key order; nothing is read back from the quads.
struct ImportedEdges {
    /// The ontology's predicates by name, and the names of the predicate ids seen.
    let predicates: Set<String>
    private var predicateNames: [Int64: String] = [:]
    private var candidates: [SIMD3<Int64>] = []

    init(predicates: Set<String>) { self.predicates = predicates }

    /// The predicate's name when `iri` names one of the ontology's predicates, remembered for `id`.
    mutating func predicate(_ id: Int64, iri: UnsafeBufferPointer<UInt8>) -> Bool {
        if predicateNames[id] != nil { return true }
        guard let name = Vocabulary.local(iri, after: Vocabulary.ontologyBytes), predicates.contains(name) else { return false }
        predicateNames[id] = name
        return true
    }

    /// Keeps a statement whose predicate `predicate(_:iri:)` accepted (its ends are tested here).
    mutating func add(_ s: Int64, _ p: Int64, _ o: Int64, subject: RDFNodeView, object: RDFNodeView) {
        guard Self.isEntity(subject), Self.isEntity(object) else { return }
        candidates.append(SIMD3(s, p, o))
    }

    /// Whether a node is an IRI in our entity namespace with a local name.
    static func isEntity(_ node: RDFNodeView) -> Bool {
        node.kind == .iri && node.value.count > Vocabulary.entityBytes.count && node.value.hasPrefix(Vocabulary.entityBytes)
    }

    /// Why a statement of predicate `c.x` between entities of classes `c.y` and `c.z` (indexes
    /// into `classNames`, -1 for no entity) is not an edge, as a function of the ends' names;
    /// nil when it is one.
    private func judge(
        _ c: SIMD3<Int64>, classNames: [String], domains: [String: ([String], [String])], fits: (String, [String]) -> Bool
    ) -> ((String, String) -> String)? {
        let predicate = predicateNames[c.x] ?? ""
        guard c.y >= 0, c.z >= 0 else {
            let subjectMissing = c.y < 0
            return { s, o in "\(subjectMissing ? s : o) is no entity of the store" }
        }
        let sc = classNames[Int(c.y)], oc = classNames[Int(c.z)]
        guard let (domain, range) = domains[predicate] else { return nil }
        if !fits(sc, domain) { return { s, _ in "\(s) (\(sc)) is outside the domain of \(predicate)" } }
        if !fits(oc, range) { return { _, o in "\(o) (\(oc)) is outside the range of \(predicate)" } }
        return nil
    }

    /// Writes the statements that fit the ontology (both ends entities, in the predicate's
    /// domain and range) to `graph_edges` for graph `g`, and says which did not and why, as
    /// `subject predicate object: why`, in the order of those names. Whether one fits depends
    /// only on its predicate and its ends' classes, so each combination is judged once.
    ///
    /// `asEdges`: the edge table is empty (no claims, no other graph), so each accepted
    /// statement is also a whole edge, supported by this graph alone, and is appended to it
    /// here, in key order, rather than merged into it afterwards.
    mutating func write(graph g: Int64, asEdges: Bool, in db: Database) throws -> (accepted: Int, rejected: [String]) {
        candidates.sort { a, b in a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.z < b.z }
        var parents: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, parent FROM classes WHERE parent IS NOT NULL") { parents[row[0]] = row[1] }
        var domains: [String: ([String], [String])] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, subject_classes, object_classes FROM predicates") {
            domains[row[0]] = ((row[1] as String).split(separator: " ").map(String.init),
                               (row[2] as String).split(separator: " ").map(String.init))
        }
        func fits(_ c: String, _ allowed: [String]) -> Bool {
            var current: String? = c
            var seen: Set<String> = []
            while let x = current, seen.insert(x).inserted {
                if allowed.contains(x) { return true }
                current = parents[x]
            }
            return false
        }
        // The entities as the import left them (its own concepts included), by term id.
        var classes: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, class FROM entities") { classes[row[0]] = row[1] }
        // Each end's class once, as an index (-1: no entity), so the loop below compares and
        // hashes integers only; names are read for the rejected statements alone.
        let nameOf = try db.makeStatement(sql: "SELECT substr(value, \(GraphWriter.entityStart)) FROM terms WHERE id = ?")
        func name(_ id: Int64) throws -> String { try String.fetchOne(nameOf, arguments: [id]) ?? "" }
        var classNames: [String] = []
        var classIndex: [String: Int64] = [:]
        var ends: [Int64: Int64] = [:]
        func endClass(_ id: Int64) throws -> Int64 {
            if let known = ends[id] { return known }
            var index: Int64 = -1
            if let c = classes[try name(id)] {
                if let i = classIndex[c] { index = i } else {
                    index = Int64(classNames.count)
                    classIndex[c] = index
                    classNames.append(c)
                }
            }
            ends[id] = index
            return index
        }

        // Per (predicate, subject class, object class): nil when it fits, else why not.
        var verdicts: [SIMD3<Int64>: ((String, String) -> String)?] = [:]
        let insert = try IntegerRowInserter(db, insert: "INSERT INTO graph_edges (graph, s, p, o)", rowTemplate: "(?, ?, ?, ?)")
        let edge = try IntegerRowInserter(db, insert: """
            INSERT INTO edges (s, p, o, supporting_docs, denying_docs, hedged_claims, claim_count, self_contradicting, contested)
            """, rowTemplate: "(?, ?, ?, 1, 0, 0, 1, 0, 0)")
        var accepted = 0
        var rejected: [(key: [String], text: String)] = []
        var previous: SIMD3<Int64>?
        // Sorted by subject: its class is the last one's, mostly; and so is the verdict.
        var subject: (id: Int64, entityClass: Int64) = (0, -2)
        var last: (combination: SIMD3<Int64>, why: ((String, String) -> String)?) = (SIMD3(0, 0, -2), nil)
        for key in candidates where key != previous {
            previous = key
            if subject.id != key.x { subject = (key.x, try endClass(key.x)) }
            let combination = SIMD3(key.y, subject.entityClass, try endClass(key.z))
            if combination != last.combination {
                if let known = verdicts[combination] {
                    last = (combination, known)
                } else {
                    let verdict = judge(combination, classNames: classNames, domains: domains, fits: fits)
                    verdicts[combination] = .some(verdict)
                    last = (combination, verdict)
                }
            }
            if let why = last.why {
                let (s, o, predicate) = (try name(key.x), try name(key.z), predicateNames[key.y] ?? "")
                rejected.append(([s, predicate, o], "\(s) \(predicate) \(o): \(why(s, o))"))
                continue
            }
            try insert.add(g, key.x, key.y, key.z)
            if asEdges { try edge.add(key.x, key.y, key.z) }
            accepted += 1
        }
        try insert.flush()
        try edge.flush()
        candidates = []
        return (accepted, rejected.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.text))
    }
}
