import MitraQuery

/// Runs queries of the query language on a SPARQL store that holds the pushed graphs:
/// compiled by the local engine (which resolves names and labels from its store), run
/// there, and finished here so the rows are the ones a local run prints.
public struct RemoteQueryRunner {
    public let engine: QueryEngine
    public let endpoint: SPARQLEndpoint

    public init(engine: QueryEngine, endpoint: SPARQLEndpoint) {
        self.engine = engine
        self.endpoint = endpoint
    }

    /// The query's result; for `explain`, the SPARQL that would run, one line a row.
    public func run(_ text: String) throws -> QueryResult {
        let compiled = try engine.sparql(text)
        if QueryEngine.isExplain(text) {
            return QueryResult(columns: ["sparql"], rows: compiled.sparql.split(separator: "\n").map { [.text(String($0))] })
        }
        let answer = try endpoint.select(compiled.sparql)
        return try engine.result(of: compiled, solutions: answer.solutions)
    }
}
