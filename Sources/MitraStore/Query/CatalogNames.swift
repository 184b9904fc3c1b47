import GRDB
import MitraModel

/// The catalog's lookups on one open read, as the names `PatternResolver` resolves: the
/// planner resolves a query's patterns inside the read it plans in.
struct CatalogNames: PatternNames {
    let catalog: Catalog
    let db: Database

    func entityIDs(_ name: NameRef) throws -> [String] { try catalog.entityIDs(name, in: db) }

    func predicate(_ name: NameRef) throws -> String { try catalog.predicate(name, in: db) }

    func classAndSubclasses(_ name: NameRef) throws -> [String] { try catalog.classAndSubclasses(name, in: db) }
}
