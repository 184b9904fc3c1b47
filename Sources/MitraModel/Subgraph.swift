/// A part of the graph, such as a query's result, that an export or a drawing is restricted to.
public struct Subgraph: Hashable, Sendable {
    /// Entity ids, including every end of every edge.
    public var entityIDs: Set<String>
    public var edges: Set<EdgeKey>

    public init(entityIDs: Set<String> = [], edges: Set<EdgeKey> = []) {
        self.edges = edges
        self.entityIDs = entityIDs.union(edges.flatMap { [$0.subject, $0.object] })
    }

    public var isEmpty: Bool { entityIDs.isEmpty && edges.isEmpty }
}
