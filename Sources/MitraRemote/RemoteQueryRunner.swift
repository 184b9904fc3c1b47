import MitraQuery

/// Runs queries of the query language on a SPARQL store that holds the pushed graphs:
/// the local engine compiles them (resolving names and labels from its store) and finishes
/// the rows, so they are the ones a local run prints; the endpoint answers the SPARQL.
public struct RemoteQueryRunner {
    public let engine: QueryEngine
    public let endpoint: SPARQLEndpoint

    public init(engine: QueryEngine, endpoint: SPARQLEndpoint) {
        self.engine = engine
        self.endpoint = endpoint
    }

    /// The query's result; for `explain`, the SPARQL (or the steps) that would run.
    public func run(_ text: String) throws -> QueryResult {
        try engine.run(text) { [endpoint] sparql in try endpoint.select(sparql).solutions }
    }
}
