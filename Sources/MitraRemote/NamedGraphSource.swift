import Foundation
import MitraModel
import MitraStore

/// A named graph ready to send: its IRI, its statements as N-Triples, and a hash of them.
public struct NamedGraphPayload: Sendable {
    public var iri: String
    public var nTriples: String
    /// Decides whether the remote copy is stale; the same statements always hash the same.
    public var hash: String
    public var statements: Int

    public init(iri: String, nTriples: String, statements: Int) {
        self.iri = iri
        self.nTriples = nTriples
        self.statements = statements
        hash = ContentHash.hex(of: nTriples)
    }
}

/// Whatever can hand over a dataset's named graphs one at a time, each serialized. The
/// store's RDF projection is one; the pusher needs nothing else of it. (A projection that
/// streams quads graph by graph adapts by collecting each graph's lines until the graph
/// name changes.)
public protocol NamedGraphSource {
    /// Calls `body` with every graph to push, the ontology's first, each with its statements
    /// in an order that does not depend on how they were stored.
    func forEachGraph(_ body: (NamedGraphPayload) throws -> Void) throws
}

/// The ontology graph and the document graphs of a local store, read from its quads.
public struct StoreGraphSource: NamedGraphSource {
    public let store: GraphStore

    public init(store: GraphStore) {
        self.store = store
    }

    public func forEachGraph(_ body: (NamedGraphPayload) throws -> Void) throws {
        let graphs = try store.graphs().filter { $0.kind == "ontology" || $0.kind == "document" }
        for graph in graphs.filter({ $0.kind == "ontology" }) + graphs.filter({ $0.kind == "document" }) {
            try body(try payload(of: graph.iri))
        }
    }

    func payload(of iri: String) throws -> NamedGraphPayload {
        var lines: [String] = []
        try store.forEachQuad(graph: .iri(iri)) { quad in
            lines.append(NTriples.line(quad.subject, quad.predicate, quad.object))
        }
        // Term ids, and so the stored order, change between rebuilds; sorted lines do not.
        lines.sort()
        return NamedGraphPayload(iri: iri, nTriples: lines.joined(), statements: lines.count)
    }
}

