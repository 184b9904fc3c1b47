import Foundation
import MitraModel
import MitraExport
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

/// The graphs of a local store's RDF projection (`RDFProjection`, docs/rdf.md): the
/// ontology's, one per document, and the imported ones, exactly what `export` writes.
public struct StoreGraphSource: NamedGraphSource {
    public let store: GraphStore

    public init(store: GraphStore) {
        self.store = store
    }

    public func forEachGraph(_ body: (NamedGraphPayload) throws -> Void) throws {
        var graph: String?
        var lines: [String] = []
        func flush() throws {
            guard let graph else { return }
            // A graph's statements sorted: the same statements always hash the same.
            lines.sort()
            try body(NamedGraphPayload(iri: graph, nTriples: lines.joined(), statements: lines.count))
        }
        try RDFProjection(store: store).forEachQuad { quad in
            let name = quad.graph?.value ?? ""
            if name != graph {
                try flush()
                graph = name
                lines = []
            }
            lines.append(NTriples.line(quad.subject, quad.predicate, quad.object))
        }
        try flush()
    }
}
