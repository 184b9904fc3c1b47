import MitraStore

/// Where a push remembers, per endpoint, which graphs stand there with which hash.
public protocol PushLedger {
    func pushedGraphs(endpoint: String) throws -> [String: String]
    func recordPush(endpoint: String, graph: String, hash: String) throws
    func forgetPush(endpoint: String, graph: String) throws
}

extension GraphStore: PushLedger {}
