/// A statement a document makes about two entities, with the sentence behind it and how firmly.
public struct Claim: Hashable, Sendable, Codable {
    public var subject: String
    public var predicate: String
    public var object: String
    public var documentID: String
    public var sentenceIndex: Int
    public var sentence: String
    public var subjectSpan: Span
    public var objectSpan: Span
    /// The text denies the claim ("is not addictive", "without side effects").
    public var negated: Bool
    /// The text only suggests the claim ("may", "research suggests").
    public var hedged: Bool
    /// The id of the extraction rule that produced the claim.
    public var rule: String
    /// How far the rule is trusted, in [0, 1].
    public var confidence: Double
    /// Who the text says holds the claim ("users", "FDA", "sellers", "the association"); nil
    /// when the text names nobody.
    public var holder: String?

    public init(
        subject: String, predicate: String, object: String, documentID: String, sentenceIndex: Int,
        sentence: String, subjectSpan: Span, objectSpan: Span, negated: Bool = false, hedged: Bool = false,
        rule: String, confidence: Double, holder: String? = nil
    ) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.documentID = documentID
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.subjectSpan = subjectSpan
        self.objectSpan = objectSpan
        self.negated = negated
        self.hedged = hedged
        self.rule = rule
        self.confidence = confidence
        self.holder = holder
    }

    /// The edge this claim supports or denies.
    public var key: EdgeKey { EdgeKey(subject: subject, predicate: predicate, object: object) }
}

/// The (subject, predicate, object) an edge aggregates claims for.
public struct EdgeKey: Hashable, Sendable, Codable, Comparable {
    public var subject: String
    public var predicate: String
    public var object: String

    public init(subject: String, predicate: String, object: String) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public static func < (lhs: EdgeKey, rhs: EdgeKey) -> Bool {
        (lhs.subject, lhs.predicate, lhs.object) < (rhs.subject, rhs.predicate, rhs.object)
    }
}
