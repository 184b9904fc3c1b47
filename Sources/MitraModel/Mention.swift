/// A place where a document names an entity.
public struct Mention: Hashable, Sendable, Codable {
    public let entityID: String
    public let span: Span
    /// The text as it stands in the document ("μ-opioid receptors", "Kratom's").
    public let text: String
    public let sentenceIndex: Int

    public init(entityID: String, span: Span, text: String, sentenceIndex: Int) {
        self.entityID = entityID
        self.span = span
        self.text = text
        self.sentenceIndex = sentenceIndex
    }
}
