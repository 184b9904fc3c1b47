/// What a push did.
public struct PushSummary: Equatable, Sendable {
    /// Graphs sent (new or changed), in the order sent.
    public var sent: [String] = []
    /// Graphs deleted at the endpoint because they are gone locally.
    public var deleted: [String] = []
    /// Graphs that were already there as they are.
    public var unchanged = 0
    /// Statements sent.
    public var statements = 0

    public init() {}
}

/// Makes an endpoint hold the local graphs: each new or changed named graph is replaced
/// whole, each one gone locally is deleted, and nothing else is sent.
///
/// Every graph is recorded in the ledger only after the endpoint accepted it, so a push
/// stopped at any point and run again converges: a graph sent but not recorded is sent
/// again, which replacing makes harmless.
public struct GraphPusher {
    /// How graphs are replaced and deleted.
    public enum Method: Sendable {
        /// Graph Store HTTP Protocol: PUT and DELETE on the graph store service.
        case graphStore
        /// SPARQL 1.1 Update (`DROP SILENT GRAPH`, `INSERT DATA`), where a store lacks the former.
        case update
    }

    public let endpoint: SPARQLEndpoint
    public let ledger: PushLedger
    public var method: Method

    public init(endpoint: SPARQLEndpoint, ledger: PushLedger, method: Method = .graphStore) {
        self.endpoint = endpoint
        self.ledger = ledger
        self.method = method
    }

    /// Pushes what changed since the last push to this endpoint (everything with `full`).
    /// `progress` hears each graph as it is sent or deleted.
    public func push(_ source: NamedGraphSource, full: Bool = false, progress: (String) -> Void = { _ in }) throws -> PushSummary {
        // Before anything is sent or recorded: is this a SPARQL store, and does it let us in?
        try endpoint.check()
        let key = endpoint.configuration.key
        let pushed = full ? [:] : try ledger.pushedGraphs(endpoint: key)
        var summary = PushSummary()
        var current: Set<String> = []
        try source.forEachGraph { payload in
            let iri = payload.iri
            current.insert(iri)
            if pushed[iri] == payload.hash {
                summary.unchanged += 1
                return
            }
            switch method {
            case .graphStore: try endpoint.putGraph(iri, nTriples: payload.nTriples)
            case .update: try endpoint.replaceGraphByUpdate(iri, nTriples: payload.nTriples)
            }
            try ledger.recordPush(endpoint: key, graph: iri, hash: payload.hash)
            summary.sent.append(iri)
            summary.statements += payload.statements
            progress("sent <\(iri)> (\(payload.statements) statements)")
        }
        let recorded = full ? try ledger.pushedGraphs(endpoint: key) : pushed
        for iri in recorded.keys.sorted() where !current.contains(iri) {
            switch method {
            case .graphStore: try endpoint.deleteGraph(iri)
            case .update: try endpoint.dropGraphByUpdate(iri)
            }
            try ledger.forgetPush(endpoint: key, graph: iri)
            summary.deleted.append(iri)
            progress("deleted <\(iri)>")
        }
        return summary
    }
}
