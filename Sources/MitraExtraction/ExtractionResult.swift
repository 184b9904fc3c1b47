import MitraModel

/// What the extractor found in one document.
public struct ExtractionResult: Sendable {
    public var document: Document
    public var sentences: [Sentence]
    public var mentions: [Mention]
    public var claims: [Claim]

    public init(document: Document, sentences: [Sentence], mentions: [Mention], claims: [Claim]) {
        self.document = document
        self.sentences = sentences
        self.mentions = mentions
        self.claims = claims
    }
}
