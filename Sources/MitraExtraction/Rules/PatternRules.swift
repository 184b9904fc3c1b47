import MitraOntology

/// "kratom for chronic pain", "used it for anxiety": a subject, "for", a condition.
struct SubjectForConditionRule: ClaimRule {
    static let id = "subject-for-condition"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        engine.treatsIndex != nil && analysis.cues.contains(.forWord)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let treats = engine.treatsIndex else { return }
        engine.subjectForCondition(scene, predicate: treats, window: settings.window, confidence: settings.confidence, into: &out)
    }
}

/// "the sedating effects of opioids", "the addictive potential of kratom".
struct EffectOfSubstanceRule: ClaimRule {
    static let id = "effect-of-substance"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        engine.mayHoldAdverseEffectPair(analysis)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let adverse = engine.adverseIndex else { return }
        engine.effectOfSubstance(scene, predicate: adverse, confidence: settings.confidence, into: &out)
    }
}

/// Noun compounds: "kratom withdrawal", "kratom-related deaths", "kratom overdose deaths".
struct NounCompoundRule: ClaimRule {
    static let id = "noun-compound"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        engine.mayHoldAdverseEffectPair(analysis)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let adverse = engine.adverseIndex else { return }
        engine.compoundEffect(scene, predicate: adverse, confidence: settings.confidence, into: &out)
    }
}

/// A plant and one of its alkaloids in one sentence: the plant contains it, unless another
/// rule already said so or denied it.
struct CooccurrenceContainsRule: ClaimRule {
    static let id = "cooccurrence-contains"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        guard let contains = engine.containsIndex else { return false }
        return analysis.mentions.contains { engine.objectMask[Int($0.entity)] & (1 << UInt32(contains)) != 0 }
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let contains = engine.containsIndex else { return }
        engine.cooccurrence(scene, predicate: contains, confidence: settings.confidence, into: &out)
    }
}

/// The items of a list under a relational lead-in or heading ("Side effects may include:").
/// It runs first and decides: other rules' guesses about its objects under another predicate
/// with the same subject are dropped.
struct ListLeadInRule: ClaimRule {
    static let id = "list-lead-in"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool { false }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let list = scene.list else { return }
        engine.listItemCandidates(scene, list: list, confidence: settings.confidence, into: &out)
    }
}

extension ExtractionEngine {
    /// Whether a sentence can hold a substance–adverse-effect pair: the cheap test the
    /// adverse-effect rules share before they look for candidates.
    func mayHoldAdverseEffectPair(_ analysis: SentenceAnalysis) -> Bool {
        adverseIndex != nil && analysis.mentions.count >= 2
            && analysis.mentions.contains { isAdverseEffect[Int($0.entity)] }
    }
}
