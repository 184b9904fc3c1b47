/// An RDF term: an IRI, a literal or a blank node.
public enum Term: Hashable, Sendable {
    case iri(String)
    case literal(String, datatype: String? = nil, language: String? = nil)
    case blank(String)

    public var isIRI: Bool { if case .iri = self { true } else { false } }

    /// The IRI, the literal's lexical form or the blank node's label.
    public var value: String {
        switch self {
        case .iri(let value), .blank(let value): value
        case .literal(let value, _, _): value
        }
    }
}

/// An RDF statement, optionally in a named graph.
public struct Quad: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}
