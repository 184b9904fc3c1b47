/// A sentence of a document: its index in the document, its span and its text.
public struct Sentence: Hashable, Sendable, Codable {
    public let index: Int
    public let span: Span
    public let text: String

    public init(index: Int, span: Span, text: String) {
        self.index = index
        self.span = span
        self.text = text
    }
}
