import MitraModel
import MitraQuery
import MitraSPARQL
import MitraStore

/// Runs queries of the query language on a SPARQL store that holds the pushed graphs:
/// the local engine parses them, its store resolves names and labels, `RemoteCommands`
/// compiles and finishes the rows, so they are the ones a local run prints; the endpoint
/// answers the SPARQL.
public struct RemoteQueryRunner {
    public let engine: QueryEngine
    public let endpoint: SPARQLEndpoint

    public init(engine: QueryEngine, endpoint: SPARQLEndpoint) {
        self.engine = engine
        self.endpoint = endpoint
    }

    private var commands: RemoteCommands {
        RemoteCommands(names: engine.store.queryNames()) { [endpoint] sparql in try endpoint.select(sparql).solutions }
    }

    /// The query's result; for `explain`, the SPARQL (or the steps) that would run.
    public func run(_ text: String) throws -> QueryResult {
        let commands = self.commands
        return try engine.run(text) { try commands.run($0) }
    }

    /// The SPARQL a query compiles to (for other statements, the steps), without running it.
    public static func sparql(_ text: String, engine: QueryEngine) throws -> String {
        let commands = RemoteCommands(names: engine.store.queryNames()) { _ in [] }
        return try engine.run(text) { statement in
            QueryResult(columns: ["sparql"], rows: try commands.explainLines(statement).map { [.text($0)] })
        }.rows.map { $0[0].display }.joined(separator: "\n")
    }
}
