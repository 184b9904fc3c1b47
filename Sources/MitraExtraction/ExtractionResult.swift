import MitraModel

/// What the extractor found in one document.
public struct ExtractionResult: Sendable {
    public var document: Document
    public var sentences: [Sentence]
    public var mentions: [Mention]
    public var claims: [Claim]
    /// Why each claim was made, in the order of `claims`, when the extraction was asked to
    /// explain (for `extract --explain`); empty otherwise.
    public var explanations: [ClaimExplanation]

    public init(
        document: Document, sentences: [Sentence], mentions: [Mention], claims: [Claim],
        explanations: [ClaimExplanation] = []
    ) {
        self.document = document
        self.sentences = sentences
        self.mentions = mentions
        self.claims = claims
        self.explanations = explanations
    }
}

/// How one claim was read: the trigger the rule started from, the negation and hedge cues
/// that set its polarity and certainty, and why each end was chosen.
public struct ClaimExplanation: Sendable, Hashable {
    /// The trigger (empty for rules that start from a mention, such as noun compounds).
    public var trigger: Span
    public var negation: Span?
    public var hedge: Span?
    public var subjectReason: String
    public var objectReason: String
    /// The sentence that states the relation when it is not the claim's own (a lead-in).
    public var governingSentence: Int?
    /// A negation cue whose scope would have covered the claim but ended at a coordinated new
    /// predicate ("is not an approved medicine and can cause …").
    public var scopeEndedCue: Span?
    /// The coordinator where that scope ended.
    public var scopeEndedAt: Span?

    public init(
        trigger: Span, negation: Span? = nil, hedge: Span? = nil, subjectReason: String, objectReason: String,
        governingSentence: Int? = nil
    ) {
        self.trigger = trigger
        self.negation = negation
        self.hedge = hedge
        self.subjectReason = subjectReason
        self.objectReason = objectReason
        self.governingSentence = governingSentence
    }
}
