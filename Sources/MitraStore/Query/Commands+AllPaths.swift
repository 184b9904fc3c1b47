import MitraModel

extension Commands {
    /// Every shortest path between two entities (edges followed either way), as Neo4j's
    /// `allShortestPaths`.
    func allShortestPaths(_ from: NameRef, _ to: NameRef, maxLength: Int) throws -> [[Step]] {
        try pathFinder.allShortest(from: Set(try catalog.entityIDs(from, in: db)), to: Set(try catalog.entityIDs(to, in: db)),
                                   maxLength: maxLength)
    }
}
