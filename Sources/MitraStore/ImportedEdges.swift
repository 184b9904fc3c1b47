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
        node.kind == .iri && node.value.count > Vocabulary.entityBytes.count && node.value.starts(with: Vocabulary.entityBytes)
    }

    /// Writes the statements that fit the ontology (both ends entities, in the predicate's
    /// domain and range) to `graph_edges` for graph `g`, and says which did not and why, as
    /// `subject predicate object: why`, in the order of those names. Whether one fits depends
    /// only on its predicate and its ends' classes, so each combination is judged once.
    mutating func write(graph g: Int64, in db: Database) throws -> (accepted: Int, rejected: [String]) {
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
        let nameOf = try db.makeStatement(sql: "SELECT substr(value, \(GraphWriter.entityStart)) FROM terms WHERE id = ?")
        var ends: [Int64: (name: String, entityClass: String?)] = [:]
        func end(_ id: Int64) throws -> (name: String, entityClass: String?) {
            if let known = ends[id] { return known }
            let name = try String.fetchOne(nameOf, arguments: [id]) ?? ""
            ends[id] = (name, classes[name])
            return ends[id]!
        }

        struct Combination: Hashable { var p: Int64; var subjectClass: String?; var objectClass: String? }
        var verdicts: [Combination: ((String, String) -> String)?] = [:]
        let insert = try RowInserter(db, sql: "INSERT INTO graph_edges (graph, s, p, o) VALUES (?, ?, ?, ?)")
        var accepted = 0
        var rejected: [(key: [String], text: String)] = []
        var previous: SIMD3<Int64>?
        for key in candidates where key != previous {
            previous = key
            let (subject, object) = (try end(key.x), try end(key.z))
            let predicate = predicateNames[key.y] ?? ""
            let combination = Combination(p: key.y, subjectClass: subject.entityClass, objectClass: object.entityClass)
            if verdicts[combination] == nil {
                let why: ((String, String) -> String)?
                if let sc = subject.entityClass, let oc = object.entityClass {
                    if let (domain, range) = domains[predicate], !fits(sc, domain) || !fits(oc, range) {
                        why = fits(sc, domain) ? { _, o in "\(o) (\(oc)) is outside the range of \(predicate)" }
                            : { s, _ in "\(s) (\(sc)) is outside the domain of \(predicate)" }
                    } else {
                        why = nil
                    }
                } else {
                    let subjectMissing = subject.entityClass == nil
                    why = { s, o in "\(subjectMissing ? s : o) is no entity of the store" }
                }
                verdicts[combination] = .some(why)
            }
            if let why = verdicts[combination] ?? nil {
                rejected.append(([subject.name, predicate, object.name],
                                 "\(subject.name) \(predicate) \(object.name): \(why(subject.name, object.name))"))
                continue
            }
            insert.bind(1, g); insert.bind(2, key.x); insert.bind(3, key.y); insert.bind(4, key.z)
            try insert.run()
            accepted += 1
        }
        candidates = []
        return (accepted, rejected.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.text))
    }
}
