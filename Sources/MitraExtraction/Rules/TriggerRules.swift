import MitraOntology

/// A trigger phrase of a predicate between, before or after mentions that fit it:
/// "kratom relieves arthritis", "pain relief from kratom", "Long-term use can lead to …".
/// Its claims carry the shape found ("trigger-between", "trigger-passive", "anaphor-subject").
struct TriggerRule: ClaimRule {
    static let id = "trigger"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        analysis.cues.contains(.trigger)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        for t in scene.triggers {
            for p in t.payload.predicates {
                engine.relate(scene, trigger: t.start..<t.end, predicate: p, strong: t.payload.strong, adverseOnly: false,
                    maxGap: settings.window, rule: Self.id, topical: t.payload.nominal, into: &out)
            }
        }
    }
}

/// A category noun of a list cue followed by its examples: "Withdrawal symptoms may include
/// muscle aches, …", "Benefits include pain relief".
struct CategoryExamplesRule: ClaimRule {
    static let id = "category-examples"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        !analysis.cues.isDisjoint(with: [.listCue, .optionCue])
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        engine.categoryExamples(scene, window: settings.window, into: &out)
        engine.optionExamples(scene, window: settings.window, into: &out)
    }
}

/// "is (not) addictive", "feel drowsy": a copula before an adverse-effect adjective.
struct CopulaAdjectiveRule: ClaimRule {
    static let id = "copula-adjective"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        engine.adverseIndex != nil && analysis.cues.contains(.copula)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let adverse = engine.adverseIndex else { return }
        for (k, token) in scene.tokens.enumerated() where engine.words.has(token, RuleWords.copula) {
            // Only determiners, negations and adverbs between the copula and the effect.
            guard scene.mentions.contains(where: { m in
                m.start > k && m.start <= k + 1 + settings.window && engine.isAdverseEffect[Int(m.entity)]
                    && (k + 1..<m.start).allSatisfy { j in
                        let t = scene.tokens[j]
                        return engine.words.has(t, RuleWords.determiner) || engine.words.has(t, RuleWords.adverb) || t.isAdverbLike
                            || scene.negations.contains { $0.start <= j && j < $0.end }
                    }
            }) else { continue }
            engine.relate(scene, trigger: k..<(k + 1), predicate: adverse, strong: false, adverseOnly: true,
                maxGap: settings.window, rule: Self.id, into: &out)
        }
    }
}

/// "no withdrawal", "without sedation", "non-addictive": a negation cue on an adverse effect
/// is itself the trigger of a denied `has_adverse_effect`.
struct NegatedEffectRule: ClaimRule {
    static let id = "negation-adverse-effect"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        engine.adverseIndex != nil && analysis.cues.contains(.negation)
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        guard let adverse = engine.adverseIndex else { return }
        for (n, cue) in scene.negations.enumerated() where cue.payload.scope != .preceding && scene.activeNegation[n] {
            guard scene.mentions.contains(where: { m in
                cue.payload.scope == .following
                    ? m.start >= cue.end && m.start <= cue.end + settings.window && engine.isAdverseEffect[Int(m.entity)]
                        && !(cue.end..<m.start).contains { engine.words.has(scene.tokens[$0], RuleWords.preposition) }
                    : m.start >= cue.start && m.end <= cue.end && engine.isAdverseEffect[Int(m.entity)]
            }) else { continue }
            engine.relate(scene, trigger: cue.start..<cue.end, predicate: adverse, strong: false, adverseOnly: true,
                maxGap: settings.window, rule: Self.id, into: &out)
        }
    }
}
