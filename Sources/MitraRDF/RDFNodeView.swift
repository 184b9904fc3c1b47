import MitraModel

/// An RDF node as the reader's bytes: a view that is valid only inside the callback that
/// receives it, so a bulk loader can encode terms without building strings it does not need.
public struct RDFNodeView {
    /// What the node is; raw values are the store's term kinds.
    public enum Kind: UInt8, Sendable {
        case iri = 1
        case blank = 2
        case literal = 3
    }

    public let kind: Kind
    /// The absolute IRI, the blank node's label or the literal's lexical form, in UTF-8.
    public let value: UnsafeBufferPointer<UInt8>
    /// The literal's datatype IRI; empty when it has none.
    public let datatype: UnsafeBufferPointer<UInt8>
    /// The literal's language tag; empty when it has none.
    public let language: UnsafeBufferPointer<UInt8>

    public init(
        kind: Kind, value: UnsafeBufferPointer<UInt8>,
        datatype: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
        language: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    ) {
        self.kind = kind
        self.value = value
        self.datatype = datatype
        self.language = language
    }

    /// The node as a `Term` (allocates; for the slow path and tests).
    public var term: Term {
        let text = String(decoding: value, as: UTF8.self)
        switch kind {
        case .iri: return .iri(text)
        case .blank: return .blank(text)
        case .literal:
            return .literal(
                text, datatype: datatype.isEmpty ? nil : String(decoding: datatype, as: UTF8.self),
                language: language.isEmpty ? nil : String(decoding: language, as: UTF8.self))
        }
    }
}
