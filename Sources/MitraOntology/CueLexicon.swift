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
    /// Coordinators that end a negation's scope where a new verb group follows them ("is not
    /// approved and can cause …"), as ConText's TERMINATE rules with a pattern.
    public var scopeTerminators: [ScopeTerminator] = []
    /// Labels of adverse effects whose own effects are the substance's ("withdrawal can
    /// cause insomnia": the substance causes insomnia), `mg:SymptomSourceCue`.
    public var symptomSources: [String] = []
    /// Category nouns whose examples treat the condition the sentence names ("other options,
    /// such as physical therapy"), `mg:OptionCue`.
    public var optionCues: [String] = []
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

/// A negation scope's end at a coordinated new predicate: one of `coordinators`, then any
/// words whose Universal Dependencies tag is one of `skipTags` (adverbs: "and often leads
/// to"), then a verb or auxiliary (a UD tag in `verbTags`) whose Penn Treebank tag is none of
/// `nonFiniteTags`. So a modal or a finite verb starts a new predicate, while a bare verb or
/// a gerund shares the negated auxiliary ("does not cause nausea or lead to vomiting").
public struct ScopeTerminator: Sendable, Equatable, Hashable {
    public var coordinators: [String]
    public var verbTags: [String]
    public var nonFiniteTags: [String]
    public var skipTags: [String]
    /// Whose scopes end there (`mg:ends`): negations, hedges or both; negations alone when
    /// the node names none.
    public var ends: Set<ScopedCue>

    public init(
        coordinators: [String], verbTags: [String], nonFiniteTags: [String] = [], skipTags: [String] = [],
        ends: Set<ScopedCue> = [.negation]
    ) {
        self.coordinators = coordinators
        self.verbTags = verbTags
        self.nonFiniteTags = nonFiniteTags
        self.skipTags = skipTags
        self.ends = ends
    }

    /// The Penn Treebank tags (as UD English EWT's XPOS column writes them) a tag may name.
    public static let pennTags: Set<String> = [
        "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP",
        "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$",
        "WRB", "ADD", "AFX", "GW", "HYPH", "NFP", "$", ",", ".", ":", "``", "''", "-LRB-", "-RRB-",
    ]
}

/// A cue with a scope that a scope terminator can end.
public enum ScopedCue: String, Sendable, CaseIterable {
    case negation
    case hedge
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
    /// Only a mention the cue itself contains: "non-addictive" denies addiction, not the
    /// other claims of "a non-addictive alternative to opioids".
    case own
}
