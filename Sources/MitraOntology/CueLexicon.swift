/// The words the extractor reads claims by: per-predicate triggers, negation and hedge cues,
/// and the phrases that stand for the document's plant. Data from the ontology, not code.
public struct CueLexicon: Sendable, Equatable {
    /// Predicate name → trigger phrases.
    public var triggers: [String: [String]]
    /// Predicate name → phrases that, in a heading or a lead-in ending in a colon ("Side
    /// effects", "Uses", "Pros:"), make the list items under it objects of the predicate.
    public var listCues: [String: [String]] = [:]
    /// Phrases that advise against a use ("do not use kratom to treat …"): no treats claim.
    public var advice: [String] = []
    /// Phrases that make a sentence a disclaimer that claims nothing.
    public var disclaimers: [String] = []
    /// Reporting verbs whose holder ("users report", "according to the FDA") holds a claim.
    public var attributions: [String] = []
    /// Words for holders when no agency is named ("users", "sellers").
    public var holders: [String] = []
    /// Phrases that hold a negation word but deny nothing ("not only", "no doubt").
    public var pseudoNegations: [String] = []
    /// Words that end a clause, and with it a negation's scope and a trigger's reach ("but").
    public var terminators: [String] = []
    /// Per rule id: its order, window and confidence (`mg:ExtractionRule` nodes).
    public var rules: [String: RuleSettings] = [:]
    /// Users' token patterns (`mg:ClaimPattern` nodes), in file order.
    public var patterns: [ClaimPattern] = []
    public var negations: [NegationCue]
    public var hedges: [String]
    /// Phrases that refer back to the document's plant ("it", "the herb").
    public var plantAnaphors: [String]
    /// Words that make the document's plant the implicit subject ("long-term use", "users").
    public var implicitSubjects: [String]

    public init(
        triggers: [String: [String]] = [:], negations: [NegationCue] = [], hedges: [String] = [],
        plantAnaphors: [String] = [], implicitSubjects: [String] = []
    ) {
        self.triggers = triggers
        self.negations = negations
        self.hedges = hedges
        self.plantAnaphors = plantAnaphors
        self.implicitSubjects = implicitSubjects
    }
}

/// A phrase that denies what stands in its scope.
public struct NegationCue: Sendable, Equatable, Hashable {
    public var phrase: String
    public var scope: NegationScope
    /// How many tokens the scope reaches at most (ConText's max scope).
    public var maxScope: Int

    public init(phrase: String, scope: NegationScope, maxScope: Int = NegationCue.defaultMaxScope) {
        self.phrase = phrase
        self.scope = scope
        self.maxScope = maxScope
    }

    public static let defaultMaxScope = 12
}

/// What the rule data says about one claim rule: where it runs in the order (its
/// precedence), how many tokens it looks across, and how far its claims are trusted.
public struct RuleSettings: Sendable, Equatable, Hashable {
    public var id: String
    public var order: Int
    public var window: Int
    public var confidence: Double

    public init(id: String, order: Int, window: Int, confidence: Double) {
        self.id = id
        self.order = order
        self.window = window
        self.confidence = confidence
    }
}

/// Which mentions a negation cue denies, within its clause.
public enum NegationScope: String, Sendable, CaseIterable {
    /// Mentions after the cue.
    case following
    /// Mentions before the cue.
    case preceding
    /// Every mention of the clause.
    case clause
}
