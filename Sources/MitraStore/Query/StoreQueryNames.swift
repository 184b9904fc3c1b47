import GRDB
import MitraModel

/// The store's names for statements that run elsewhere (a SPARQL endpoint holding what
/// this store pushed): each lookup is the local planner's, on its own read.
final class StoreQueryNames: QueryNames {
    let store: GraphStore
    private let catalog = Catalog()

    init(store: GraphStore) {
        self.store = store
    }

    func entityIDs(_ name: NameRef) throws -> [String] { try store.read { try catalog.entityIDs(name, in: $0) } }

    func predicate(_ name: NameRef) throws -> String { try store.read { try catalog.predicate(name, in: $0) } }

    func predicates() throws -> [String] { try store.read { try catalog.predicates($0) } }

    func classAndSubclasses(_ name: NameRef) throws -> [String] {
        try store.read { try catalog.classAndSubclasses(name, in: $0) }
    }

    func importedGraphs() throws -> [String] { try store.graphs().filter { $0.kind == "import" }.map(\.iri) }

    func holderNames(_ name: NameRef) throws -> [String] {
        try store.read { db in
            let labels = try String.fetchAll(db, sql: """
                SELECT DISTINCT e.label FROM labels l JOIN entities e ON e.id = l.entity WHERE l.normalized = ?
                """, arguments: [LabelNormalizer.normalize(name.text)])
            return Set([name.text.lowercased()] + labels.map { $0.lowercased() }).sorted()
        }
    }

    func document(_ name: NameRef) throws -> String { try store.read { try catalog.document(name, in: $0) } }

    func entity(_ id: String) throws -> (value: Value, entityClass: String) {
        try store.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT label, class FROM entities WHERE id = ?", arguments: [id])
            return (.entity(id: id, label: row?["label"] ?? id), row?["class"] ?? "")
        }
    }

    func describeFacts(_ name: NameRef) throws -> [[Value]] {
        try store.read { db in
            // The rows before the first edge (the edges are the rows with a support).
            try Commands(catalog: catalog, db: db, canceller: QueryCanceller()).describe(name).rows.filter { $0[2] == .null }
        }
    }

    func describeJSON(_ result: QueryResult) -> String { Commands.describeJSON(result) }
}

extension GraphStore {
    /// Resolves names as this store's queries do, for a statement run on another engine.
    public func queryNames() -> any QueryNames { StoreQueryNames(store: self) }
}
