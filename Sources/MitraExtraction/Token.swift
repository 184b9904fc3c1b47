import MitraModel

/// A word, number or punctuation mark of a document, with its span and its folded form.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public let kind: Kind
    public let span: Span
    /// Lowercased, µ/μ as `mu`, curly quotes straight, possessive `'s` removed.
    public let normalized: String

    public init(kind: Kind, span: Span, normalized: String) {
        self.kind = kind
        self.span = span
        self.normalized = normalized
    }
}
