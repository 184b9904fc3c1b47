import MitraLanguage
import MitraOntology

/// Users' token patterns from the ontology (`mg:ClaimPattern`), each claim with the rule id
/// `pattern+` and the pattern's id. A spec with `ENT_CLASS` matches one whole mention.
struct UserPatternRule: ClaimRule {
    static let id = "pattern"
    var id: String { Self.id }
    let settings: RuleSettings

    func prefilter(_ analysis: SentenceAnalysis, _ engine: ExtractionEngine) -> Bool {
        !engine.ontology.cues.patterns.isEmpty && analysis.mentions.count >= 2
    }

    func candidates(_ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine, into out: inout [ExtractionEngine.Candidate]) {
        var mentionAt = [Int](repeating: -1, count: scene.tokens.count)
        for (i, m) in scene.mentions.enumerated() { mentionAt[m.start] = i }
        for pattern in engine.ontology.cues.patterns {
            guard let predicate = engine.predicates.firstIndex(where: { $0.name == pattern.predicate }) else { continue }
            var start = 0
            while start < scene.tokens.count {
                var ends: [ClaimPattern.Role: Int] = [:]
                guard let end = match(pattern.specs, 0, start, scene, engine, mentionAt, &ends), end > start,
                    let s = ends[.subject], let o = ends[.object]
                else {
                    start += 1
                    continue
                }
                let (subject, object) = (scene.mentions[s], scene.mentions[o])
                out.append(ExtractionEngine.Candidate(
                    subject: .init(entity: subject.entity, start: subject.start, end: subject.end),
                    object: .init(entity: object.entity, start: object.start, end: object.end),
                    predicate: predicate, trigger: start..<end, passive: false, rule: Self.id + "+" + pattern.id,
                    confidence: pattern.confidence, fixedNegation: pattern.negated))
                start = end
            }
        }
    }

    /// The end of a match of `specs[i...]` from token `k`, recording the mention of each role.
    private func match(
        _ specs: [ClaimPattern.TokenSpec], _ i: Int, _ k: Int, _ scene: ExtractionEngine.Scene, _ engine: ExtractionEngine,
        _ mentionAt: [Int], _ ends: inout [ClaimPattern.Role: Int]
    ) -> Int? {
        guard i < specs.count else { return k }
        let spec = specs[i]
        // One step of the spec from token `k`: where it ends and the mention it matched.
        func step(_ k: Int) -> (end: Int, mention: Int?)? {
            guard k < scene.tokens.count else { return nil }
            if let c = spec.entityClass {
                let m = mentionAt[k]
                guard m >= 0, engine.ontology.isSubclass(engine.entityClass[Int(scene.mentions[m].entity)], of: c) else { return nil }
                return (scene.mentions[m].end, m)
            }
            if let lower = spec.lower, engine.vocabulary.form(of: scene.tokens[k].id) != lower,
                k >= scene.surface.count || scene.surface[k].lowercased() != lower { return nil }
            if spec.pos != nil || spec.lemma != nil {
                guard k < scene.tags.count else { return nil }
                if let pos = spec.pos, scene.tags[k].name != pos { return nil }
                if let lemma = spec.lemma, Lemmatizer.lemma(of: scene.surface[k], tag: scene.tags[k]) != lemma { return nil }
            }
            return (k + 1, nil)
        }
        var positions: [(end: Int, mention: Int?)] = []
        var at = k
        let most = spec.repeats == .one || spec.repeats == .optional ? 1 : Int.max
        while positions.count < most, let next = step(at) {
            positions.append(next)
            at = next.end
        }
        let least = spec.repeats == .one || spec.repeats == .oneOrMore ? 1 : 0
        // Greedy, then fewer repetitions: the longest match that lets the rest match.
        for count in stride(from: positions.count, through: least, by: -1) {
            let from = count == 0 ? k : positions[count - 1].end
            var tried = ends
            if let role = spec.role, count > 0, let m = positions[count - 1].mention { tried[role] = m }
            if let end = match(specs, i + 1, from, scene, engine, mentionAt, &tried) {
                ends = tried
                return end
            }
        }
        return nil
    }
}
