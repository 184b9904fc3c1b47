import MitraOntology

/// One claim rule: an id (what `Claim.rule` starts with), a cheap prefilter over a
/// sentence's tokens and mentions, and the candidates it finds in a sentence's scene.
///
/// Rules run from `RuleRegistry` in its order, which is also their precedence: when two
/// rules find the same claim, the earlier one's stands (with its spans and rule id).
protocol ClaimRule: Sendable {
    var id: String { get }
    /// Settings from the ontology's rule data (`ontology/rules.ttl`).
    var settings: RuleSettings { get }
    /// Whether the rule can find anything in the sentence; most sentences fail every prefilter.
    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool
    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate])
}

/// The rules in the order they run, built from the rule types and the ontology's rule data.
struct RuleRegistry: Sendable {
    let rules: [any ClaimRule]
    /// Where the list rule stands in `rules`: it runs only for list items, whatever its prefilter.
    let listRule: Int

    /// Every rule type, each with its settings from the data (or its defaults), sorted by the
    /// data's `mg:order` and then by this list's order.
    init(settings: [String: RuleSettings]) {
        func s(_ id: String, window: Int, confidence: Double, order: Int) -> RuleSettings {
            settings[id] ?? RuleSettings(id: id, order: order, window: window, confidence: confidence)
        }
        let all: [any ClaimRule] = [
            ListLeadInRule(settings: s(ListLeadInRule.id, window: 0, confidence: 0.6, order: 10)),
            TriggerRule(settings: s(TriggerRule.id, window: 8, confidence: 0.8, order: 20)),
            CategoryExamplesRule(settings: s(CategoryExamplesRule.id, window: 10, confidence: 0.6, order: 30)),
            CopulaAdjectiveRule(settings: s(CopulaAdjectiveRule.id, window: 2, confidence: 0.65, order: 40)),
            NegatedEffectRule(settings: s(NegatedEffectRule.id, window: 2, confidence: 0.65, order: 50)),
            SubjectForConditionRule(settings: s(SubjectForConditionRule.id, window: 3, confidence: 0.7, order: 60)),
            EffectOfSubstanceRule(settings: s(EffectOfSubstanceRule.id, window: 1, confidence: 0.55, order: 70)),
            NounCompoundRule(settings: s(NounCompoundRule.id, window: 0, confidence: 0.6, order: 80)),
            CooccurrenceContainsRule(settings: s(CooccurrenceContainsRule.id, window: 0, confidence: 0.45, order: 90)),
            UserPatternRule(settings: s(UserPatternRule.id, window: 0, confidence: 0.6, order: 100)),
        ]
        rules = all.enumerated().sorted { a, b in (a.element.settings.order, a.offset) < (b.element.settings.order, b.offset) }
            .map(\.element)
        listRule = rules.firstIndex { $0 is ListLeadInRule } ?? -1
        // `findClaims` keeps which rules run in one 64-bit mask.
        precondition(rules.count <= 64, "at most 64 rule types")
    }

    /// The ids of every rule type, for checking rule data against them.
    static let ids = [
        ListLeadInRule.id, TriggerRule.id, CategoryExamplesRule.id, CopulaAdjectiveRule.id, NegatedEffectRule.id,
        SubjectForConditionRule.id, EffectOfSubstanceRule.id, NounCompoundRule.id, CooccurrenceContainsRule.id,
        UserPatternRule.id,
    ]

    /// Where a rule id stands in the order; a rule's variants ("trigger-passive") by their base.
    func precedence(of rule: String) -> Int {
        rules.firstIndex { rule == $0.id || rule.hasPrefix($0.id + "+") } ?? rules.count
    }
}
