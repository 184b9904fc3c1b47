import MitraLanguage
import MitraModel
import MitraOntology

/// One sentence as the claim rules see it: tokens, mentions, and where each cue occurs.
struct SentenceAnalysis {
    var index: Int
    var tokens: [WordToken] = []
    var mentions: [ExtractionEngine.Located] = []
    /// Which cue sets can occur in the tokens (see `CueMask`).
    var cues = CueMask()
}

/// The rules that turn a sentence's mentions and cues into claims.
///
/// Every rule starts from a trigger of a predicate (or a pseudo-trigger: a copula before an
/// adverse-effect adjective, "without" before an adverse effect, "X for Y") and looks for the
/// nearest mentions that fit the predicate's domain and range on each side. The classes decide
/// the direction, since no predicate's domain overlaps its range. Coordinated mentions
/// ("arthritis, fibromyalgia, and lower back pain") and examples ("conditions such as …")
/// extend an end to a group. A missing subject comes from a plant anaphor, a fronted phrase
/// ("By binding to X, mitragynine …") or an implicit subject ("Long-term use can lead to …").
extension ExtractionEngine {
    enum Link { case none, comma, coordinated, example }

    /// Where one end of a claim is: an entity and the token range that names it.
    struct EndPoint {
        var entity: Int32
        var start: Int
        var end: Int
    }

    /// A subject found some other way than a mention to the left.
    struct Fallback {
        var ends: [EndPoint]
        var rule: String
        var confidence: Double
    }

    struct Candidate {
        var subject: EndPoint
        var object: EndPoint
        var predicate: Int
        var trigger: Range<Int>
        var passive: Bool
        var rule: String
        var confidence: Double
        /// Where the subject is named when it lies outside the sentence (a list's lead-in).
        var subjectSpan: Span? = nil
        /// Hedged by the sentence that governs this one ("Side effects may include:").
        var hedgedByContext = false
        /// The polarity a user's pattern states, instead of the negation cues'.
        var fixedNegation: Bool? = nil
    }

    /// What makes two candidates one claim: its ends' entities, predicate and polarity.
    struct ClaimKey: Hashable {
        var subject: Int32
        var predicate: Int
        var object: Int32
        var negated: Bool
    }

    /// The claim keys of one sentence seen so far: a sentence yields a handful, so a short
    /// array searched in order beats hashing; past `linearLimit` keys (a long list) a set.
    struct ClaimKeySet {
        static let linearLimit = 32
        private var keys: [ClaimKey] = []
        private var set: Set<ClaimKey>?

        /// Adds `key`; whether it was new.
        mutating func insert(_ key: ClaimKey) -> Bool {
            if set != nil { return set!.insert(key).inserted }
            if keys.contains(key) { return false }
            keys.append(key)
            if keys.count > Self.linearLimit { set = Set(keys) }
            return true
        }
    }

    /// A relative clause and the mention it describes.
    struct RelativeClause {
        /// From the relative pronoun to the clause's last token.
        var range: Range<Int>
        /// The index into the scene's mentions of the antecedent.
        var antecedent: Int
    }

    enum LeftSide {
        case none
        case subjects([Int])
        case objects([Int])
        case anaphor(Int)
    }

    enum RightSide {
        case none
        case subjects([Int])
        case objects([Int])
    }

    /// All the per-sentence facts the rules consult, computed once per sentence.
    ///
    /// One scene serves every sentence of a document: `makeScene` refills its arrays in
    /// place, so a sentence costs no allocation for the arrays the last one grew.
    struct Scene {
        var tokens: [WordToken] = []
        var mentions: [Located] = []
        var cues = CueMask()
        var triggers: [PhraseSet<TriggerCue>.Occurrence] = []
        var negations: [PhraseSet<NegationCue>.Occurrence] = []
        var hedges: [PhraseSet<Bool>.Occurrence] = []
        /// Plant anaphors that stand for the document's plant here.
        var anaphors: [PhraseSet<Bool>.Occurrence] = []
        /// Every plant anaphor, also pronouns whose last antecedent is not the plant (for an
        /// object: "The FDA keeps warning about it" cannot mean the FDA).
        var allAnaphors: [PhraseSet<Bool>.Occurrence] = []
        var implicit: [PhraseSet<Bool>.Occurrence] = []
        var activeNegation: [Bool] = []
        var boundaryPrefix: [Int32] = []
        /// Token indices where a coordinated new predicate starts ("… and can cause"): a
        /// negation's scope ends there, though a trigger's reach does not.
        var scopeStops: [Int] = []
        /// Token indices where a coordinated new predicate ends a hedge's scope ("may relieve
        /// pain | and causes nausea").
        var hedgeStops: [Int] = []
        /// Tokens inside a parenthesis or bracket that names nothing ("(n = 702, 62.8%)",
        /// "[43]"): skipped when measuring gaps, as a reader skips them inside a list.
        var inInsert: [Bool] = []
        /// Per mention: named only as what something is compared with ("like morphine",
        /// "unlike X", "more potent than X"), so never the subject of a claim.
        var compared: [Bool] = []
        var insertPrefix: [Int32] = []
        var hardPrefix: [Int32] = []
        var cueCovered: [Bool] = []
        var links: [Link] = []
        var plant: Int32?
        /// The sentence stands alone as a list item, heading or cell, where a fragment with
        /// no subject ("Supports relief from back pain") is about the page's topic.
        var standalone = false
        /// The lead-in that governs the sentence when it is a list item under one.
        var list: ListContext?
        /// The tokens as written and their part-of-speech tags, when the tagger is installed.
        var surface: [String] = []
        var tags: [UniversalTag] = []
        /// The chunker's relative clauses whose antecedent is a mention ("kratom, which …",
        /// "the receptors that …"), when the sentence was chunked.
        var relatives: [RelativeClause] = []
        /// Scratch for `makeScene`: where a cue starts, pseudo-negations, every anaphor.
        fileprivate var cueStart: [Bool] = []
        fileprivate var pseudo: [PhraseSet<Bool>.Occurrence] = []
        fileprivate var found: [PhraseSet<Bool>.Occurrence] = []

        func boundary(_ a: Int, _ b: Int) -> Bool {
            let lo = max(0, min(a, b)), hi = min(tokens.count, max(a, b))
            return lo < hi && boundaryPrefix[hi] - boundaryPrefix[lo] > 0
        }

        /// Tokens from `a` to `b`, not counting inserts.
        func distance(_ a: Int, _ b: Int) -> Int {
            let lo = max(0, min(a, b)), hi = min(tokens.count, max(a, b))
            guard lo < hi else { return b - a }
            return (b - a) - Int(insertPrefix[hi] - insertPrefix[lo]) * (b >= a ? 1 : -1)
        }

        /// Whether a negation's scope from `a` to `b` ends in between: a clause boundary or a
        /// coordinated new predicate.
        func scopeEnds(_ a: Int, _ b: Int) -> Bool {
            let lo = min(a, b), hi = max(a, b)
            return boundary(lo, hi) || scopeStops.contains { lo <= $0 && $0 < hi }
        }

        /// Whether a hedge's scope from `a` to `b` ends in between.
        func hedgeEnds(_ a: Int, _ b: Int) -> Bool {
            let lo = min(a, b), hi = max(a, b)
            return boundary(lo, hi) || hedgeStops.contains { lo <= $0 && $0 < hi }
        }

        func hard(_ a: Int, _ b: Int) -> Bool {
            let lo = max(0, min(a, b)), hi = min(tokens.count, max(a, b))
            return lo < hi && hardPrefix[hi] - hardPrefix[lo] > 0
        }
    }

    /// Appends the sentence's claims to `claims`; `scene` and `candidates` are the
    /// document's buffers, reused from sentence to sentence.
    func findClaims(
        _ analysis: inout SentenceAnalysis, sentence: Sentence, document: Document, context: inout DocumentContext,
        list: ListContext? = nil, block: Block.Kind? = nil, explain: Bool = false, scene: inout Scene,
        candidates: inout [Candidate], claims: inout [Claim], explanations: inout [ClaimExplanation]
    ) {
        defer {
            if let last = analysis.mentions.last(where: { canBeSubject[Int($0.entity)] }) {
                context.lastSubstanceIsPlant = isPlant[Int(last.entity)]
            }
        }
        if let question = context.question {
            context.question = nil
            if question.sentence + 1 == sentence.index, let yes = answer(analysis) {
                answered(question, yes: yes, by: sentence, claims: &claims, explanations: &explanations)
                return
            }
        }
        guard !analysis.mentions.isEmpty else { return }
        // Each rule's prefilter once: bit `i` says rule `i` runs (the list rule only for items).
        var running: UInt64 = 0
        // By index, not by iterating: each step of a loop over the array copies the rule out.
        let rules = registry.rules
        for i in rules.indices where i == registry.listRule ? list != nil : rules[i].prefilter(analysis, self) {
            running |= 1 << UInt64(i)
        }
        guard running != 0 else { return }
        // A disclaimer claims nothing; a question only when the next sentence answers it.
        if analysis.cues.contains(.disclaimer) && holds(disclaimers, analysis.tokens) { return }
        let question = isQuestion(sentence.text)
        makeScene(analysis, sentence: sentence, context: context, into: &scene)
        scene.standalone = block == .listItem || block == .heading || block == .tableCell
        scene.list = list
        candidates.removeAll(keepingCapacity: true)
        for i in rules.indices where running & (1 << UInt64(i)) != 0 {
            rules[i].candidates(scene, self, into: &candidates)
        }
        if let list { applyLeadIn(list, &candidates) }
        dropAdvice(scene, &candidates)
        if question {
            var held = HeldQuestion(sentence: sentence.index, claims: [], explanations: [])
            self.claims(
                from: candidates, scene: scene, sentence: sentence, document: document, explain: explain, into: &held.claims,
                explanations: &held.explanations)
            if !held.claims.isEmpty { context.question = held }
            return
        }
        self.claims(
            from: candidates, scene: scene, sentence: sentence, document: document, explain: explain, into: &claims,
            explanations: &explanations)
    }

    /// Whether a sentence answers a yes-no question, and how: an answer word alone ("No.")
    /// or before a short restatement that names nothing ("Yes, it can."). An answer that
    /// names what it asserts, or goes on to a new clause ("No, but …"), is read as it stands.
    func answer(_ analysis: SentenceAnalysis) -> Bool? {
        let tokens = analysis.tokens
        guard analysis.mentions.isEmpty, let first = tokens.first else { return nil }
        let yes = words.has(first, RuleWords.yesWord)
        guard yes || words.has(first, RuleWords.noWord) else { return nil }
        let rest = tokens.dropFirst()
        if rest.allSatisfy(\.isPunctuation) { return yes }
        guard let next = rest.first, words.has(next, RuleWords.comma), rest.count <= 8,
            !rest.contains(where: { words.has($0, RuleWords.boundary) })
        else { return nil }
        return yes
    }

    /// The question's claims, asserted by the answer sentence (denied by a "no").
    func answered(
        _ question: HeldQuestion, yes: Bool, by sentence: Sentence, claims: inout [Claim], explanations: inout [ClaimExplanation]
    ) {
        for var claim in question.claims {
            claim.sentenceIndex = sentence.index
            claim.sentence = sentence.text
            if !yes { claim.negated.toggle() }
            claims.append(claim)
        }
        explanations += question.explanations
    }

    // MARK: - The scene

    /// Fills `scene` for one sentence, reusing the arrays it holds from the last.
    func makeScene(_ analysis: SentenceAnalysis, sentence: Sentence, context: DocumentContext, into scene: inout Scene) {
        let tokens = analysis.tokens
        // "opioid-like" names no opioid to relate: such a modifier takes part in no claim.
        func likeModifier(_ m: Located) -> Bool {
            m.end < tokens.count && tokens[m.end].hyphenated && words.has(tokens[m.end], RuleWords.likeWord)
        }
        var mentions = analysis.mentions.contains(where: likeModifier) ? analysis.mentions.filter { !likeModifier($0) } : analysis.mentions
        scene.tokens = tokens
        scene.mentions = mentions
        scene.cues = analysis.cues
        scene.plant = context.plant
        scene.standalone = false
        scene.list = nil
        scene.surface.removeAll()
        scene.tags.removeAll()
        scene.relatives.removeAll(keepingCapacity: true)
        scene.scopeStops.removeAll(keepingCapacity: true)
        scene.hedgeStops.removeAll(keepingCapacity: true)
        scene.anaphors.removeAll(keepingCapacity: true)
        scene.allAnaphors.removeAll(keepingCapacity: true)
        scene.triggers.removeAll(keepingCapacity: true)
        scene.negations.removeAll(keepingCapacity: true)
        scene.hedges.removeAll(keepingCapacity: true)
        scene.implicit.removeAll(keepingCapacity: true)
        scene.activeNegation.removeAll(keepingCapacity: true)
        scene.boundaryPrefix.removeAll(keepingCapacity: true)
        scene.hardPrefix.removeAll(keepingCapacity: true)
        scene.insertPrefix.removeAll(keepingCapacity: true)
        scene.links.removeAll(keepingCapacity: true)
        let all = 0..<tokens.count
        // A cue set none of whose phrases starts at any token is not scanned.
        let cues = analysis.cues
        if cues.contains(.trigger) { triggers.occurrences(in: tokens, range: all, into: &scene.triggers) }
        if cues.contains(.negation) { negations.occurrences(in: tokens, range: all, into: &scene.negations) }
        if cues.contains(.hedge) { hedges.occurrences(in: tokens, range: all, into: &scene.hedges) }
        if cues.contains(.implicitSubject) { implicitSubjects.occurrences(in: tokens, range: all, into: &scene.implicit) }
        // Cue words right after a mention ("kratom may cause") are no noun it modifies: only
        // the other sentences are tagged.
        scene.cueStart.refill(false, count: tokens.count + 1)
        for c in scene.triggers { scene.cueStart[c.start] = true }
        for c in scene.negations { scene.cueStart[c.start] = true }
        for c in scene.hedges { scene.cueStart[c.start] = true }
        var parsed: MitraLanguage.SentenceAnalysis?
        if let syntax = SyntaxLayer.shipped,
            needsSyntax(tokens, mentions, cueStarts: scene.cueStart, cues: cues, sentence: sentence)
                || needsClauses(tokens, mentions, triggers: scene.triggers)
        {
            let surface = surfaceWords(tokens, sentence: sentence)
            let analysis = syntax.analyse(surface, mentions: mentions, hyphenated: tokens.indices.map {
                $0 + 1 < tokens.count && tokens[$0 + 1].hyphenated
            })
            mentions = withoutModifiersOfOtherHeads(
                mentions, tokens: tokens, sentence: sentence, words: surface, parsed: analysis, triggers: scene.triggers)
            scene.mentions = mentions
            scene.surface = surface
            scene.tags = analysis.tags
            parsed = analysis
        }
        scene.pseudo.removeAll(keepingCapacity: true)
        if cues.contains(.pseudoNegation) { pseudoNegations.occurrences(in: tokens, range: all, into: &scene.pseudo) }
        // A negation that shares a word with "not only" ("is not only") denies nothing; two in a
        // row ("not without") cancel.
        for n in scene.negations {
            let active = !scene.pseudo.contains { $0.start < n.end && n.start < $0.end }
            scene.activeNegation.append(active)
        }
        for i in scene.negations.indices.dropLast() where scene.negations[i + 1].start == scene.negations[i].end {
            scene.activeNegation[i] = false
            scene.activeNegation[i + 1] = false
        }
        if scene.activeNegation.contains(true) || !scene.hedges.isEmpty && hedgesEnd {
            let stops = scopeStops(scene, sentence: sentence)
            scene.scopeStops = stops.negation
            scene.hedgeStops = stops.hedge
        }
        // Anaphors: a noun phrase ("the herb") always stands for the plant; a pronoun only
        // when the last substance named before it is a plant.
        if context.plant != nil {
            scene.found.removeAll(keepingCapacity: true)
            if cues.contains(.anaphor) { anaphors.occurrences(in: tokens, range: all, into: &scene.found) }
            for a in scene.found where !analysis.mentions.contains(where: { $0.start < a.end && a.start < $0.end }) {
                scene.allAnaphors.append(a)
            }
            for a in scene.found {
                if a.payload {
                    let last = analysis.mentions.last { $0.end <= a.start && canBeSubject[Int($0.entity)] }
                    let plantBefore = last.map { isPlant[Int($0.entity)] } ?? context.lastSubstanceIsPlant
                    if !plantBefore { continue }
                }
                if analysis.mentions.contains(where: { $0.start < a.end && a.start < $0.end }) { continue }
                scene.anaphors.append(a)
            }
        }
        scene.hardPrefix.removeAll(keepingCapacity: true)
        var b: Int32 = 0, h: Int32 = 0
        scene.boundaryPrefix.append(0)
        scene.hardPrefix.append(0)
        for t in tokens {
            if words.has(t, RuleWords.boundary) { b += 1 }
            if words.has(t, RuleWords.hard) { h += 1 }
            scene.boundaryPrefix.append(b)
            scene.hardPrefix.append(h)
        }
        markInserts(tokens, mentions: mentions, into: &scene.inInsert)
        var n: Int32 = 0
        scene.insertPrefix.append(0)
        for inside in scene.inInsert {
            if inside { n += 1 }
            scene.insertPrefix.append(n)
        }
        scene.cueCovered.refill(false, count: tokens.count)
        for t in scene.triggers { for k in t.start..<t.end { scene.cueCovered[k] = true } }
        for n in scene.negations { for k in n.start..<n.end { scene.cueCovered[k] = true } }
        // The links and comparisons read the scene, so each is filled outside it and put back.
        var links = scene.links
        scene.links = []
        for i in mentions.indices.dropFirst() { links.append(link(scene, mentions[i - 1], mentions[i])) }
        scene.links = links
        var compared = scene.compared
        scene.compared = []
        comparisons(scene, into: &compared)
        scene.compared = compared
        if let parsed { readClauses(parsed, into: &scene) }
    }

    /// Whether the chunker can tell the rules something the token scans cannot: a relative
    /// pronoun right after a mention with a mention and then a trigger after it ("kratom,
    /// which is mixed with alcohol, can cause …", "receptors that oxycodone acts on"), or a
    /// trigger after it and no mention after the trigger ("the pain that it relieves"), or a
    /// comparison word before a mention that the scans do not read ("safer than morphine",
    /// "rather than", "as effective as", ", like morphine,").
    func needsClauses(_ tokens: [WordToken], _ mentions: [Located], triggers: [PhraseSet<TriggerCue>.Occurrence]) -> Bool {
        guard mentions.count >= 2, let lastTrigger = triggers.last?.start else { return false }
        for (k, t) in tokens.enumerated() {
            if words.has(t, RuleWords.relativeWord) {
                let before = k > 0 && words.has(tokens[k - 1], RuleWords.comma) ? k - 1 : k
                guard mentions.contains(where: { $0.end == before }) else { continue }
                // A mention in the clause before a trigger (a subject of its own, or one to pass
                // over), or a trigger in it with no mention after (the antecedent is its object).
                if let next = mentions.first(where: { $0.start > k }), next.end <= lastTrigger { return true }
                if let last = triggers.last, last.start > k, !mentions.contains(where: { $0.start >= last.end }) { return true }
            } else if words.has(t, RuleWords.comparisonWord), mentions.contains(where: { $0.start > k && $0.start <= k + 4 }) {
                if words.has(t, RuleWords.likeWord) && !(k > 0 && words.has(tokens[k - 1], RuleWords.comma)) { continue }
                if words.has(t, RuleWords.neutral) && !(k + 2 < tokens.count && tokens[k + 2].id == t.id) { continue }  // "as … as"
                return true
            }
        }
        return false
    }

    /// The chunker's comparisons and relative clauses, in the scene's terms: what a comparison
    /// compares with is never a subject ("safer than morphine", "rather than opioids"; a
    /// "like" only when set off by a comma, the scans read the others); a relative clause
    /// whose antecedent is a mention is kept with it.
    func readClauses(_ parsed: MitraLanguage.SentenceAnalysis, into scene: inout Scene) {
        let mentions = scene.mentions
        for c in parsed.comparisons {
            if c.kind == .like {
                // ", like X," compares, except after a plural category: "agencies, like the FDA,"
                // gives an example.
                let at = c.marker.lowerBound
                guard at > 1, words.has(scene.tokens[at - 1], RuleWords.comma) else { continue }
                if at - 2 < scene.surface.count, !words.has(scene.tokens[at - 2], RuleWords.verbLike),
                    scene.surface[at - 2].lowercased().hasSuffix("s")
                {
                    continue
                }
            }
            for (i, m) in mentions.enumerated() where c.object.contains(m.start) { scene.compared[i] = true }
        }
        for clause in parsed.clauses {
            // The tagger often reads a relative "that" as a subordinator ("the pain that it
            // relieves"); right after a mention it opens a clause about that mention.
            let head = clause.kind == .relative ? clause.antecedent
                : words.has(scene.tokens[clause.marker], RuleWords.relativeWord) ? clause.marker - 1 : nil
            guard let head, let m = mentions.firstIndex(where: { $0.end - 1 == head }) else { continue }
            scene.relatives.append(RelativeClause(range: clause.range, antecedent: m))
        }
    }

    /// Whether mention `m` stands inside a relative clause that closed before `position` and
    /// describes a mention that fits `p` ("Kratom, which is often mixed with alcohol, can
    /// cause …"): then it is not the subject of a trigger at `position`.
    func insideClosedRelative(_ scene: Scene, _ m: Int, before position: Int, predicate p: Int) -> Bool {
        let start = scene.mentions[m].start
        return scene.relatives.contains { r in
            r.range.contains(start) && r.range.upperBound <= position && fitsSubject(scene.mentions[r.antecedent], p)
        }
    }

    /// The relative clause holding a trigger at `position`, if it describes a mention.
    func relative(_ scene: Scene, containing position: Int) -> RelativeClause? {
        scene.relatives.last { $0.range.contains(position) && $0.range.lowerBound < position }
    }

    /// Where a coordinator after an active negation cue or a hedge starts a new verb group
    /// ("is not an approved medicine | and can cause addiction"), by the ontology's scope
    /// terminators and both taggers; only sentences with such a coordinator are tagged.
    func scopeStops(_ scene: Scene, sentence: Sentence) -> (negation: [Int], hedge: [Int]) {
        guard let syntax = SyntaxLayer.shipped else { return ([], []) }
        let rules = ontology.cues.scopeTerminators
        // A "following" cue's scope starts after it; the others' reach back. A hedge reaches
        // both ways.
        let negationFrom = scene.negations.indices.filter { scene.activeNegation[$0] }.map { n in
            scene.negations[n].payload.scope == .following ? scene.negations[n].end : 0
        }.min() ?? scene.tokens.count
        let hedgeFrom = scene.hedges.isEmpty ? scene.tokens.count : 0
        var found: [PhraseSet<Int>.Occurrence] = []
        scopeTerminators.occurrences(in: scene.tokens, range: min(negationFrom, hedgeFrom)..<scene.tokens.count, into: &found)
        // A stop matters for a negation only for a mention after it that no later negation
        // denies anyway ("is not addictive and causes no anorexia"); for a hedge, between
        // the hedge and a mention.
        func endsNegation(_ c: PhraseSet<Int>.Occurrence) -> Bool {
            rules[c.payload].ends.contains(.negation) && c.start >= negationFrom && scene.mentions.contains { m in
                m.start >= c.end && !scene.negations.indices.contains { n in
                    let cue = scene.negations[n]
                    return scene.activeNegation[n] && cue.payload.scope == .following && cue.start >= c.end && cue.end <= m.start
                }
            }
        }
        // A mention on the far side that a hedge of its own side covers anyway ("is believed
        // to act on X and may influence Y") is hedged with or without the stop.
        func endsHedge(_ c: PhraseSet<Int>.Occurrence) -> Bool {
            guard rules[c.payload].ends.contains(.hedge) else { return false }
            let hedgedBefore = scene.hedges.contains { $0.end <= c.start }
            return scene.hedges.contains { h in
                scene.mentions.contains { m in
                    h.end <= c.start && m.start >= c.end && !scene.hedges.contains { $0.start >= c.end && $0.end <= m.start }
                        || m.end <= c.start && h.start >= c.end && !hedgedBefore
                }
            }
        }
        // What follows a stop must be a verb, an adverb before one, or a verb trigger (which
        // may open with a preposition: "to"). A mention is tagged a noun, and punctuation,
        // determiners, prepositions and pronouns are no verb or adverb: such a stop is dropped
        // before the sentence is tagged for it (most coordinations join noun phrases).
        func beforeNoVerb(_ c: PhraseSet<Int>.Occurrence) -> Bool {
            guard c.end < scene.tokens.count else { return true }
            if scene.triggers.contains(where: { $0.start == c.end && !$0.payload.nominal && !$0.payload.predicates.isEmpty }) {
                return false
            }
            let next = scene.tokens[c.end]
            return next.isPunctuation || words.has(next, RuleWords.determiner | RuleWords.preposition | RuleWords.pronoun)
                || scene.mentions.contains { $0.start <= c.end && c.end < $0.end }
        }
        found.removeAll { beforeNoVerb($0) || !endsNegation($0) && !endsHedge($0) }
        guard !found.isEmpty else { return ([], []) }
        let surface = scene.surface.isEmpty ? surfaceWords(scene.tokens, sentence: sentence) : scene.surface
        let tags = scene.tags.count == surface.count ? scene.tags : syntax.tags(surface, mentions: scene.mentions)
        guard let penn = SyntaxLayer.penn else { return ([], []) }
        let pennTags = penn.tag(surface)
        // The tagger's weak spot is an "-s" verb it has not seen ("and triggers seizures"): a
        // predicate's verb trigger is a verb whatever its tag.
        var verbTrigger = Set<Int>()
        for t in scene.triggers where !t.payload.nominal && !t.payload.predicates.isEmpty { verbTrigger.insert(t.start) }
        var inMention = Set<Int>()
        for m in scene.mentions { for k in m.start..<m.end { inMention.insert(k) } }
        // Where the Penn tagger reads a verb the other tagger saw as a noun ("and cause
        // constipation"), its form tells: a word that is its own lemma is the bare verb.
        func pennForm(_ k: Int) -> String {
            let tag = pennTags[k]
            guard !tag.hasPrefix("VB"), tag != "MD", tags[k] == .verb || verbTrigger.contains(k) else { return tag }
            let word = surface[k].lowercased()
            return Lemmatizer.lemma(of: word, tag: .verb) == word ? "VB" : tag
        }
        let stops = found.filter { c in
            let rule = rules[c.payload]
            var k = c.end
            while k < tags.count, rule.skipTags.contains(tags[k].name) { k += 1 }
            guard k < tags.count, !inMention.contains(k), !rule.nonFiniteTags.contains(pennForm(k)) else { return false }
            return rule.verbTags.contains(tags[k].name) || verbTrigger.contains(k)
        }
        return (stops.filter(endsNegation).map(\.start), stops.filter(endsHedge).map(\.start))
    }

    /// `mentions` without those that only modify a head naming no entity ("opioid cravings").
    /// A head that a cue covers ("kratom side effects") or that a link word joins ("kratom
    /// related deaths") keeps its modifier: the rules read those phrases as claims.
    func withoutModifiersOfOtherHeads(
        _ mentions: [Located], tokens: [WordToken], sentence: Sentence, words: [String], parsed: MitraLanguage.SentenceAnalysis,
        triggers cues: [PhraseSet<TriggerCue>.Occurrence]
    ) -> [Located] {
        var kept = [Bool](repeating: false, count: tokens.count)
        for c in cues { for k in c.start..<c.end { kept[k] = true } }
        var lists: [PhraseSet<Int>.Occurrence] = []
        listCues.occurrences(in: tokens, range: 0..<tokens.count, into: &lists)
        for c in lists { for k in c.start..<c.end { kept[k] = true } }
        for k in tokens.indices where self.words.has(tokens[k], RuleWords.compoundLink) { kept[k] = true }
        // A possessor ("kratom's analgesic properties", the tokenizer drops the "'s") is who
        // has the properties, not a modifier.
        let scalars = Array(sentence.text.unicodeScalars)
        for m in mentions {
            let after = tokens[m.end - 1].end - sentence.span.start
            if after + 1 < scalars.count, scalars[after] == "'" || scalars[after] == "\u{2019}",
                scalars[after + 1] == "s" || scalars[after + 1] == "S" {
                kept[m.end - 1] = true
            }
        }
        let modifiers = SyntaxLayer.modifiersOfOtherHeads(parsed, words: words, mentions: mentions, keeps: kept) {
            self.isSubstance[Int($0.entity)]
        }
        return zip(mentions, modifiers).filter { !$0.1 }.map(\.0)
    }

    /// Whether tagging the sentence can change anything, checked on the tokens first so that
    /// few sentences are tagged: with user patterns, two mentions; otherwise a mention right
    /// before a word that no mention starts and that is no function word, the only place a
    /// modifier of another head can stand.
    func needsSyntax(_ tokens: [WordToken], _ mentions: [Located], cueStarts: [Bool], cues: CueMask, sentence: Sentence) -> Bool {
        if !ontology.cues.patterns.isEmpty && mentions.count >= 2 { return true }
        // A lone mention needs a plant anaphor or an implicit subject for a claim; with neither
        // cue word before it in the sentence, its modifiers change nothing.
        if mentions.count < 2, cues.isDisjoint(with: [.anaphor, .implicitSubject]) { return false }
        let function = RuleWords.copula | RuleWords.preposition | RuleWords.determiner | RuleWords.coordinator
            | RuleWords.adverb | RuleWords.pronoun | RuleWords.neutral | RuleWords.example
        var scalars: [Unicode.Scalar]?
        return mentions.contains { m in
            guard m.end < tokens.count else { return false }
            let next = tokens[m.end]
            guard !next.isPunctuation, !next.isAdverbLike, !cueStarts[m.end], !mentions.contains(where: { $0.start == m.end }),
                !words.has(next, function), !words.has(next, RuleWords.verbLike | RuleWords.clauseVerb)
            else { return false }
            // A past form after the mention ("the TGA proposed") is its verb, not a head.
            let all = scalars ?? Array(sentence.text.unicodeScalars)
            scalars = all
            let end = next.end - sentence.span.start
            guard end >= 3, end <= all.count, next.end - next.start > 4 else { return true }
            return !(all[end - 2] == "e" && all[end - 1] == "d")
        }
    }

    /// The tokens as written in the sentence (the tagger reads case and shape).
    func surfaceWords(_ tokens: [WordToken], sentence: Sentence) -> [String] {
        let scalars = Array(sentence.text.unicodeScalars)
        let base = sentence.span.start
        return tokens.map { t in
            let a = max(0, min(scalars.count, t.start - base)), b = max(a, min(scalars.count, t.end - base))
            // Most words are short and ASCII: decoded from a stack buffer, with no heap array.
            if b - a <= 32, scalars[a..<b].allSatisfy(\.isASCII) {
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b - a) { buffer in
                    for (i, s) in scalars[a..<b].enumerated() { buffer[i] = UInt8(s.value) }
                    return String(decoding: buffer, as: UTF8.self)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            return String(view)
        }
    }

    /// Which tokens are inside a parenthesis or bracket of at most 20 tokens that holds no
    /// mention (statistics, citations, asides), brackets included.
    func markInserts(_ tokens: [WordToken], mentions: [Located], into inside: inout [Bool]) {
        inside.refill(false, count: tokens.count)
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            guard t.isPunctuation, t.id >= 0, let close = words.closing(t) else {
                k += 1
                continue
            }
            var j = k + 1
            while j < tokens.count, j - k <= 20, tokens[j].id != close { j += 1 }
            if j < tokens.count, tokens[j].id == close, !mentions.contains(where: { $0.start > k && $0.start < j }) {
                for i in k...j { inside[i] = true }
                k = j + 1
            } else {
                k += 1
            }
        }
    }

    /// Which mentions are the standard of a comparison: after "like" (when "like" follows a
    /// verb, not a category noun: "acts like morphine", not "opioids like morphine"),
    /// "unlike", "than", "similar to", "compared with", "the same … as"; and the mentions
    /// coordinated with one.
    func comparisons(_ scene: Scene, into compared: inout [Bool]) {
        let tokens = scene.tokens
        compared.refill(false, count: scene.mentions.count)
        for (i, m) in scene.mentions.enumerated() {
            var k = m.start - 1
            while k >= 0, words.has(tokens[k], RuleWords.determiner) || words.has(tokens[k], RuleWords.otherWord) { k -= 1 }
            guard k >= 0 else { continue }
            let t = tokens[k]
            if words.has(t, RuleWords.likeWord) {
                if t.hyphenated { continue }
                if k > 0, words.has(tokens[k - 1], RuleWords.unlikeWord) { compared[i] = true; continue }
                let before = k > 0 ? tokens[k - 1] : nil
                // "opioids like morphine", "conditions like arthritis": examples, not comparisons.
                let afterMention = scene.mentions.contains { $0.end == k }
                let afterPlural = before.map { b in
                    b.id >= 0 && !words.has(b, RuleWords.verbLike) && endsInS[Int(b.id)]
                } ?? false
                let afterPunctuation = before.map { $0.isPunctuation } ?? true
                if !afterMention && !afterPlural && !afterPunctuation { compared[i] = true }
            } else if words.has(t, RuleWords.unlikeWord) {
                compared[i] = true
            } else if words.has(t, RuleWords.preposition), k > 0, words.has(tokens[k - 1], RuleWords.comparative) {
                // "similar to X", "compared with X", "comparable to X"
                compared[i] = true
            } else if words.has(t, RuleWords.asWord),
                (max(0, k - 6)..<k).contains(where: { words.has(tokens[$0], RuleWords.comparative) })
            {
                // "the same opioid receptors as heroin"
                compared[i] = true
            }
        }
        for i in compared.indices.dropFirst() where !compared[i] && compared[i - 1] && scene.links[i - 1] == .coordinated {
            compared[i] = true
        }
    }

    /// How two neighbouring mentions are joined: by a coordinator ("X, Y and Z"), by an
    /// example marker ("conditions such as X"), or not at all. At most two other words
    /// may stand between them ("mindfulness practices, and diet").
    func link(_ scene: Scene, _ a: Located, _ b: Located) -> Link {
        let gap = a.end..<b.start
        guard !gap.isEmpty, scene.distance(gap.lowerBound, gap.upperBound) <= 6 else { return .none }
        var coordinated = false, comma = false, example = false, others = 0
        for k in gap where !scene.inInsert[k] {
            let t = scene.tokens[k]
            if words.has(t, RuleWords.example) {
                example = true
            } else if words.has(t, RuleWords.comma) {
                comma = true
            } else if words.has(t, RuleWords.coordinator) {
                coordinated = true
            } else if words.has(t, RuleWords.neutral) {
                continue
            } else if t.isPunctuation || scene.cueCovered[k] || words.has(t, RuleWords.boundary) {
                return .none
            } else {
                others += 1
                if others > 2 { return .none }
            }
        }
        return example ? .example : coordinated ? .coordinated : comma ? .comma : .none
    }

    // MARK: - Finding the ends

    @inline(__always)
    func fitsSubject(_ m: Located, _ p: Int) -> Bool { fitsSubjectEntity(m.entity, p) }

    @inline(__always)
    func fitsSubjectEntity(_ entity: Int32, _ p: Int) -> Bool { subjectMask[Int(entity)] & (1 << UInt32(p)) != 0 }

    @inline(__always)
    func fitsObject(_ m: Located, _ p: Int, strong: Bool, adverseOnly: Bool) -> Bool {
        guard objectMask[Int(m.entity)] & (1 << UInt32(p)) != 0 else { return false }
        // A weak trigger ("experience", "risk of") only names adverse effects, not any condition.
        if adverseOnly || (p == adverseIndex && !strong) { return isAdverseEffect[Int(m.entity)] }
        return true
    }

    /// The group of mentions around `seed` joined to it by links, all fitting `fits`. A bare
    /// comma only joins mentions of one class ("arthritis, fibromyalgia"), not "opioids, kratom".
    func group(_ scene: Scene, seed: Int, fits: (Located) -> Bool) -> [Int] {
        let seedClass = entityClass[Int(scene.mentions[seed].entity)]
        func joins(_ link: Link, _ m: Located) -> Bool {
            switch link {
            case .none: false
            case .comma: sameKind(entityClass[Int(m.entity)], seedClass) && fits(m)
            case .coordinated, .example: fits(m)
            }
        }
        var lo = seed, hi = seed
        while lo > 0, joins(scene.links[lo - 1], scene.mentions[lo - 1]) { lo -= 1 }
        while hi + 1 < scene.mentions.count, joins(scene.links[hi], scene.mentions[hi + 1]) { hi += 1 }
        return Array(lo...hi)
    }

    /// Classes a bare comma may list together: the same class, or a class and its subclass
    /// ("muscle aches, irritability": a condition and an adverse effect).
    func sameKind(_ a: EntityClass, _ b: EntityClass) -> Bool {
        a == b || ontology.isSubclass(a, of: b) || ontology.isSubclass(b, of: a)
    }

    /// The first token of the coordinated run of mentions that the mention at `start` is in.
    func chainStart(_ scene: Scene, at start: Int) -> Int {
        guard var m = scene.mentions.firstIndex(where: { $0.start == start }) else { return start }
        while m > 0, scene.links[m - 1] != .none { m -= 1 }
        return scene.mentions[m].start
    }

    /// Whether an object that ends at `end` is attached to a trigger at `trigger` ("pain
    /// relief", "sedating effects often associated with") rather than a clause of its own.
    func attached(_ scene: Scene, end: Int, trigger: Int) -> Bool {
        // Adverbs do not count: "have also been described in".
        guard trigger - end <= 4,
            trigger - end - (end..<trigger).filter({ words.has(scene.tokens[$0], RuleWords.adverb) || scene.tokens[$0].isAdverbLike }).count <= 2
        else { return false }
        for k in end..<trigger {
            let t = scene.tokens[k]
            if t.isPunctuation && !words.has(t, RuleWords.neutral) { return false }
            if words.has(t, RuleWords.coordinator | RuleWords.preposition | RuleWords.boundary) || scene.cueCovered[k] {
                return false
            }
        }
        return true
    }

    /// Whether a mention sits in an opening prepositional phrase set off by a comma before
    /// `position` ("With the ongoing opioid crisis, finding alternatives for pain …"): not a
    /// subject there.
    func inFrontedPhrase(_ scene: Scene, _ m: Int, before position: Int) -> Bool {
        let mention = scene.mentions[m]
        guard (mention.end..<position).contains(where: { words.has(scene.tokens[$0], RuleWords.comma) }) else { return false }
        var k = mention.start - 1
        while k >= 0 && k >= mention.start - 3 {
            let t = scene.tokens[k]
            if words.has(t, RuleWords.preposition) || words.has(t, RuleWords.boundary) {
                // Only a phrase that opens the sentence or a clause: "of kratom, which …" is not one.
                return k == 0 || scene.tokens[k - 1].isPunctuation
            }
            if t.isPunctuation { return false }
            k -= 1
        }
        return false
    }

    /// Whether a mention is an adjective that describes the noun after it: a word a prefix
    /// negation cue ends with ("non-addictive"), or one the Penn tagger reads as an adjective
    /// ("an addictive remedy"). A condition's noun ("pain relief") is the object.
    func describesPhrase(_ scene: Scene, _ mention: Located) -> Bool {
        let last = mention.end - 1
        if scene.negations.contains(where: { $0.payload.scope == .own && $0.start <= last && last < $0.end && $0.end == mention.end }) {
            return true
        }
        // Only a sentence the tagger already read has its words (one where a mention stands
        // before a word that is no cue, as "addictive" before "remedy").
        guard scene.surface.count == scene.tokens.count, let penn = SyntaxLayer.penn else { return false }
        return ["JJ", "JJR", "JJS"].contains(penn.tag(scene.surface)[last])
    }

    /// Whether a mention only modifies the mention right after it ("kratom withdrawal").
    func isModifier(_ scene: Scene, _ m: Int) -> Bool {
        m + 1 < scene.mentions.count && scene.mentions[m + 1].start == scene.mentions[m].end
    }

    /// For a subject candidate inside an appositive ("Mitragynine, the main alkaloid in kratom,
    /// binds …"), the mention the appositive describes.
    func appositiveHead(_ scene: Scene, _ m: Int, before position: Int, predicate p: Int) -> Int? {
        let mention = scene.mentions[m]
        guard (mention.end..<position).contains(where: { words.has(scene.tokens[$0], RuleWords.comma) }) else { return nil }
        var k = mention.start - 1
        while k > 0, !scene.tokens[k].isPunctuation || words.has(scene.tokens[k], RuleWords.neutral) { k -= 1 }
        guard k > 0, words.has(scene.tokens[k], RuleWords.comma), words.has(scene.tokens[k + 1], RuleWords.determiner),
            let head = scene.mentions.lastIndex(where: { $0.end == k }), fitsSubject(scene.mentions[head], p)
        else { return nil }
        return head
    }

    /// "Kratom combined with opioids …", "Combining kratom with alcohol …": the first
    /// substance of a combination is a subject too.
    func combinationPartner(_ scene: Scene, _ first: Int, predicate p: Int) -> Int? {
        let start = scene.mentions[first].start
        guard start >= 2, words.has(scene.tokens[start - 1], RuleWords.withWord),
            let partner = scene.mentions.lastIndex(where: { $0.end <= start - 1 && $0.end >= start - 3 }),
            partner != first, fitsSubject(scene.mentions[partner], p)
        else { return nil }
        return partner
    }

    /// The nearest mention (or plant anaphor) left of `position` that can take part in `p`.
    /// An object passed over only blocks when it is attached to the trigger.
    func leftSide(
        _ scene: Scene, position: Int, predicate p: Int, strong: Bool, adverseOnly: Bool, objectsBlock: Bool
    ) -> LeftSide {
        let plantFits = scene.plant.map { subjectMask[Int($0)] & (1 << UInt32(p)) != 0 } ?? false
        var anaphor = -1
        if plantFits {
            anaphor = scene.anaphors.lastIndex { $0.end <= position && !scene.hard($0.end, position) } ?? -1
        }
        var m = scene.mentions.lastIndex { $0.end <= position } ?? -1
        while m >= 0 {
            let mention = scene.mentions[m]
            if scene.hard(mention.end, position) { break }
            if anaphor >= 0 && scene.anaphors[anaphor].start >= mention.end { return .anaphor(anaphor) }
            if !scene.relatives.isEmpty && insideClosedRelative(scene, m, before: position, predicate: p) {
                m -= 1
                continue
            }
            if fitsSubject(mention, p) && !scene.compared[m] && !inFrontedPhrase(scene, m, before: position) && !isModifier(scene, m) {
                let head = appositiveHead(scene, m, before: position, predicate: p) ?? m
                var subjects = group(scene, seed: head) { fitsSubject($0, p) }.filter { !scene.compared[$0] }
                if let partner = combinationPartner(scene, subjects[0], predicate: p) { subjects.insert(partner, at: 0) }
                return .subjects(subjects)
            }
            if fitsObject(mention, p, strong: strong, adverseOnly: adverseOnly) && objectsBlock
                && attached(scene, end: mention.end, trigger: position)
            {
                return .objects(group(scene, seed: m) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) })
            }
            m -= 1
        }
        return anaphor >= 0 ? .anaphor(anaphor) : .none
    }

    /// The nearest mention right of a trigger, within `maxGap` tokens, that can take part in `p`.
    func rightSide(
        _ scene: Scene, trigger: Range<Int>, predicate p: Int, strong: Bool, adverseOnly: Bool, maxGap: Int,
        examples: Bool = false
    ) -> RightSide {
        for (m, mention) in scene.mentions.enumerated() where mention.start >= trigger.lowerBound && mention.end > trigger.upperBound
            || mention.start > trigger.lowerBound && mention.end == trigger.upperBound
        {
            if scene.distance(trigger.upperBound, mention.start) > maxGap || scene.hard(trigger.upperBound, mention.start) { break }
            // An object belongs to the nearest trigger that competes for it: "soothing … without
            // causing drowsiness" (but "warned that it can cause addiction" is still a warning).
            if scene.triggers.contains(where: { t in
                t.start >= trigger.upperBound && t.end <= mention.start && !t.payload.predicates.contains(p)
                    && t.payload.predicates.contains { competes[p][$0] }
            }) { break }
            if fitsObject(mention, p, strong: strong, adverseOnly: adverseOnly)
                && (examples || p != adverseIndex || isAdverseEffect[Int(mention.entity)] || mention.start - trigger.upperBound <= 3)
            {
                return .objects(group(scene, seed: m) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) }
                    .filter { $0 >= m })
            }
            // A modifier of the next mention ("took away the opioid cravings") is no subject.
            if fitsSubject(mention, p) && !scene.compared[m] && !isModifier(scene, m) {
                return .subjects(group(scene, seed: m) { fitsSubject($0, p) }.filter { $0 >= m && !scene.compared[$0] })
            }
        }
        return .none
    }

    /// A warning names the harms it warns of: "warned consumers not to use kratom because of
    /// the risk of liver toxicity, seizures …" warns about each harm as well as the plant.
    func extendWarning(_ scene: Scene, _ side: RightSide, predicate p: Int) -> RightSide {
        guard p == warnsIndex, case .objects(let objects) = side, let last = objects.last else { return side }
        var extended = objects
        for m in (last + 1)..<scene.mentions.count {
            let mention = scene.mentions[m]
            if scene.boundary(scene.mentions[last].end, mention.start) || fitsSubject(mention, p) { break }
            // A harm, or a condition listed with one ("seizures and substance use disorder").
            let listed = extended.last == m - 1 && scene.links[m - 1] != .none
            if isAdverseEffect[Int(mention.entity)] || listed, fitsObject(mention, p, strong: true, adverseOnly: false), !isModifier(scene, m) {
                extended.append(m)
            }
        }
        return .objects(extended)
    }

    /// A subject for a trigger that has none to its left: a plant anaphor before it, a subject
    /// after a fronted phrase ("By binding to X, mitragynine …"), or the document's plant when
    /// the sentence is about its use ("Long-term use can lead to …") and names no other substance
    /// before the trigger.
    func fallbackSubject(
        _ scene: Scene, trigger: Range<Int>, objects: [Int], predicate p: Int, topical: Bool = false
    ) -> Fallback? {
        if let lastObject = objects.last {
            let after = scene.mentions[lastObject].end
            var k = after
            while k < min(after + 3, scene.tokens.count), !words.has(scene.tokens[k], RuleWords.comma) { k += 1 }
            if k < scene.tokens.count, words.has(scene.tokens[k], RuleWords.comma),
                !scene.mentions.contains(where: { $0.end <= trigger.lowerBound && isSubstance[Int($0.entity)] }),
                let m = scene.mentions.firstIndex(where: { $0.start > k && $0.start <= k + 3 }),
                fitsSubject(scene.mentions[m], p)
            {
                let ends = group(scene, seed: m) { fitsSubject($0, p) }.filter { $0 >= m }.map { endPoint(scene.mentions[$0]) }
                return Fallback(ends: ends, rule: "fronted-subject", confidence: 0.6)
            }
        }
        guard let plant = scene.plant, subjectMask[Int(plant)] & (1 << UInt32(p)) != 0 else { return nil }
        if let cue = scene.implicit.first(where: { c in !scene.mentions.contains { $0.start < c.end && c.start < $0.end } }),
            !scene.mentions.contains(where: { $0.start < trigger.lowerBound && isSubstance[Int($0.entity)] && $0.entity != plant })
        {
            return Fallback(ends: [EndPoint(entity: plant, start: cue.start, end: cue.end)], rule: "implicit-subject", confidence: 0.55)
        }
        // "naturally rich in mitragynine": only a plant can be the subject, and the document's
        // plant is the one it is about.
        if plantOnly[p], !scene.mentions.contains(where: { isPlant[Int($0.entity)] && $0.entity != plant }) {
            return Fallback(
                ends: [EndPoint(entity: plant, start: trigger.lowerBound, end: trigger.upperBound)], rule: "topic-subject",
                confidence: 0.45)
        }
        // "Commonly reported side effects include nausea …" in a document about the plant, and
        // fragments with no subject at all (a product page's "Supports relief from back pain").
        // The objects themselves do not count: "A natural alternative to opioid pills" names
        // opioid only as what the page's plant replaces.
        let others = scene.mentions.indices.filter { !objects.contains($0) }.map { scene.mentions[$0] }
        let fragment = scene.tokens.count <= 12 && !others.contains { canBeSubject[Int($0.entity)] }
            && !scene.tokens.contains { words.has($0, RuleWords.pronoun) }
            && (scene.standalone || startsWithPredicate(scene, trigger))
        if topical || fragment, !others.contains(where: { isSubstance[Int($0.entity)] }) {
            return Fallback(
                ends: [EndPoint(entity: plant, start: trigger.lowerBound, end: trigger.upperBound)], rule: "topic-subject",
                confidence: 0.45)
        }
        return nil
    }

    func endPoint(_ m: Located) -> EndPoint { EndPoint(entity: m.entity, start: m.start, end: m.end) }

    // MARK: - Rules

    /// Relates the two sides of one trigger of predicate `p`.
    func relate(
        _ scene: Scene, trigger: Range<Int>, predicate p: Int, strong: Bool, adverseOnly: Bool, maxGap: Int,
        rule: String, topical: Bool = false, into out: inout [Candidate]
    ) {
        var left = leftSide(scene, position: trigger.lowerBound, predicate: p, strong: strong, adverseOnly: adverseOnly, objectsBlock: true)
        // "a non-addictive remedy for pain": an adjective before the trigger describes the
        // trigger's noun phrase, so the subject stands before it and the object after.
        if case .objects(let o) = left, p != adverseIndex, describesPhrase(scene, scene.mentions[o.last!]) {
            left = leftSide(scene, position: scene.mentions[o[0]].start, predicate: p, strong: strong, adverseOnly: adverseOnly,
                objectsBlock: false)
        }
        // A trigger in a relative clause whose subject is not inside it: the subject is the
        // noun the clause describes ("Kratom, which contains mitragynine", "morphine, which
        // causes …" even when morphine is only compared with).
        let clause = scene.relatives.isEmpty ? nil : relative(scene, containing: trigger.lowerBound)
        var relativeSubject = false
        if let clause, fitsSubject(scene.mentions[clause.antecedent], p) {
            switch left {
            case .subjects(let s) where scene.mentions[s.last!].end <= clause.range.lowerBound:
                left = .subjects(group(scene, seed: clause.antecedent) { fitsSubject($0, p) })
                relativeSubject = true
            case .none:
                left = .subjects(group(scene, seed: clause.antecedent) { fitsSubject($0, p) })
                relativeSubject = true
            default: break
            }
        }
        let right = extendWarning(
            scene, rightSide(scene, trigger: trigger, predicate: p, strong: strong, adverseOnly: adverseOnly, maxGap: maxGap,
                examples: rule == CategoryExamplesRule.id), predicate: p)
        func emit(_ subjects: [EndPoint], _ objects: [EndPoint], passive: Bool, rule: String, confidence: Double) {
            for s in subjects {
                for o in objects where s.entity != o.entity {
                    out.append(Candidate(
                        subject: s, object: o, predicate: p, trigger: trigger, passive: passive, rule: rule, confidence: confidence))
                }
            }
        }
        func anaphorEnd(_ a: Int) -> [EndPoint] {
            let occurrence = scene.anaphors[a]
            return [EndPoint(entity: scene.plant!, start: occurrence.start, end: occurrence.end)]
        }
        let shape = rule == TriggerRule.id
        switch (left, right) {
        case (.subjects(let s), .objects(let o)):
            emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? (relativeSubject ? "relative-subject" : "trigger-between") : rule + (relativeSubject ? "+relative-subject" : ""),
                confidence: shape ? (relativeSubject ? 0.75 : 0.8) : 0.65)
            // "the FDA has warned that it carries a risk of addiction": a warning about the plant
            // too ("it" carries a harm, so it is no agency).
            if p == warnsIndex, let plant = scene.plant, objectMask[Int(plant)] & (1 << UInt32(p)) != 0,
                isAdverseEffect[Int(scene.mentions[o[0]].entity)],
                let a = scene.allAnaphors.first(where: { $0.start >= trigger.upperBound && $0.start <= trigger.upperBound + 2 && $0.end <= scene.mentions[o[0]].start })
            {
                emit(s.map { endPoint(scene.mentions[$0]) }, [EndPoint(entity: plant, start: a.start, end: a.end)], passive: false,
                    rule: shape ? "anaphor-object" : rule + "+anaphor-object", confidence: 0.55)
            }
        case (.subjects(let s), .none) where clause.map({ c in
            scene.mentions[s[0]].start > c.range.lowerBound && fitsObject(scene.mentions[c.antecedent], p, strong: strong, adverseOnly: adverseOnly)
        }) ?? false:
            // "the mu-opioid receptors that oxycodone and heroin act on": the clause's subject
            // acts on the noun the clause describes.
            let o = group(scene, seed: clause!.antecedent) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) }
            emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? "relative-object" : rule + "+relative-object", confidence: 0.65)
        case (.anaphor(let a), .none) where clause.map({ c in
            scene.anaphors[a].start > c.range.lowerBound && fitsObject(scene.mentions[c.antecedent], p, strong: strong, adverseOnly: adverseOnly)
        }) ?? false:
            // "the pain that it relieves"
            let o = group(scene, seed: clause!.antecedent) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) }
            emit(anaphorEnd(a), o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? "relative-object" : rule + "+relative-object", confidence: 0.6)
        case (.anaphor(let a), .objects(let o)):
            emit(anaphorEnd(a), o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? "anaphor-subject" : rule + "+anaphor", confidence: shape ? 0.65 : 0.55)
        case (.objects(let o), .subjects(let s)) where scene.mentions[s[0]].start - trigger.upperBound <= 3
            // "… as a drug of concern, and the FDA …": a new clause, not the agent.
            && !(trigger.upperBound..<scene.mentions[s[0]].start).contains(where: { words.has(scene.tokens[$0], RuleWords.comma) }):
            emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: true,
                rule: shape ? "trigger-passive" : rule + "+passive", confidence: 0.65)
        case (.objects(let o), .objects(let r)) where o.allSatisfy({ isSymptomSource[Int(scene.mentions[$0].entity)] }):
            // "withdrawal can bring muscle aches, irritability …": the substance whose
            // withdrawal it is has the symptoms, and the withdrawal.
            if let subject = symptomSubject(scene, o[0], trigger: trigger, predicate: p) {
                // Its symptoms are often conditions ("insomnia"), whatever the trigger's strength.
                let symptoms: [Int]
                if case .objects(let all) = rightSide(scene, trigger: trigger, predicate: p, strong: true, adverseOnly: false, maxGap: maxGap) {
                    symptoms = all
                } else {
                    symptoms = r
                }
                emit([subject], (o + symptoms).map { endPoint(scene.mentions[$0]) }, passive: false,
                    rule: shape ? "withdrawal-symptoms" : rule + "+withdrawal-symptoms", confidence: 0.55)
            }
        case (.objects, .objects(let r)) where rule == CategoryExamplesRule.id:
            // "The most common pain conditions were lower back pain, …": the mention before the
            // category only modifies it; the examples are the objects.
            if let f = fallbackSubject(scene, trigger: trigger, objects: r, predicate: p, topical: topical) {
                emit(f.ends, r.map { endPoint(scene.mentions[$0]) }, passive: false, rule: rule + "+" + f.rule,
                    confidence: min(0.5, f.confidence))
            }
        case (.objects(let o), _):
            // "… kratom … pain relief": the object stands before its trigger.
            let objects = o.map { endPoint(scene.mentions[$0]) }
            let before = leftSide(scene, position: scene.mentions[o[0]].start, predicate: p, strong: strong,
                adverseOnly: adverseOnly, objectsBlock: false)
            switch before {
            case .subjects(let s) where scene.mentions[o[0]].start - scene.mentions[s.last!].end <= 6
                && !(scene.mentions[s.last!].end..<scene.mentions[o[0]].start).contains(where: { words.has(scene.tokens[$0], RuleWords.comma) }):
                emit(s.map { endPoint(scene.mentions[$0]) }, objects, passive: false, rule: shape ? "object-trigger" : rule, confidence: 0.6)
            case .subjects:
                break
            case .anaphor(let a):
                emit(anaphorEnd(a), objects, passive: false, rule: (shape ? "object-trigger" : rule) + "+anaphor", confidence: 0.55)
            default:
                // A nominal trigger ("… are common side effects") in a document about the plant.
                if let f = fallbackSubject(scene, trigger: trigger, objects: [], predicate: p, topical: shape && topical) {
                    emit(f.ends, objects, passive: false, rule: (shape ? "object-trigger" : rule) + "+" + f.rule,
                        confidence: min(0.55, f.confidence))
                }
            }
        case (.none, .objects(let o)):
            // "Case series have attributed liver injury, seizures and deaths to kratom": the
            // subject after "to" or "on" that follows the objects.
            if let last = o.last {
                let end = scene.mentions[last].end
                // "I replaced tramadol with it": what replaces comes after "with".
                if p == alternativeIndex, end < scene.tokens.count, words.has(scene.tokens[end], RuleWords.withWord) {
                    if let m = scene.mentions.firstIndex(where: { $0.start > end && $0.start <= end + 2 }), fitsSubject(scene.mentions[m], p) {
                        emit([endPoint(scene.mentions[m])], o.map { endPoint(scene.mentions[$0]) }, passive: true,
                            rule: shape ? "trigger-dative" : rule + "+dative", confidence: 0.6)
                        return
                    }
                    // "it" cannot be what it replaces, so any plant anaphor stands for the plant here.
                    if let plant = scene.plant, fitsSubjectEntity(plant, p),
                        let a = scene.allAnaphors.first(where: { $0.start > end && $0.start <= end + 2 })
                    {
                        emit([EndPoint(entity: plant, start: a.start, end: a.end)], o.map { endPoint(scene.mentions[$0]) }, passive: true,
                            rule: shape ? "trigger-dative+anaphor" : rule + "+dative+anaphor", confidence: 0.55)
                        return
                    }
                }
                if end < scene.tokens.count, words.has(scene.tokens[end], RuleWords.dativeWord),
                    let m = scene.mentions.firstIndex(where: { $0.start > end && $0.start <= end + 2 }),
                    fitsSubject(scene.mentions[m], p), !scene.compared[m]
                {
                    emit([endPoint(scene.mentions[m])], o.map { endPoint(scene.mentions[$0]) }, passive: true,
                        rule: shape ? "trigger-dative" : rule + "+dative", confidence: 0.6)
                    return
                }
            }
            if let f = fallbackSubject(scene, trigger: trigger, objects: o, predicate: p, topical: topical) {
                emit(f.ends, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                    rule: shape ? f.rule : rule + "+" + f.rule, confidence: shape ? f.confidence : min(0.5, f.confidence))
            }
        case (.subjects(let s), .none) where topical && copulaObjects(scene, trigger: trigger, predicate: p, strong: strong, adverseOnly: adverseOnly) != nil:
            let o = copulaObjects(scene, trigger: trigger, predicate: p, strong: strong, adverseOnly: adverseOnly)!
            emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: "object-copula-trigger", confidence: 0.6)
        case (.none, .none) where topical:
            // "Tremor and weight loss are other possible side effects of long-term use."
            guard let o = copulaObjects(scene, trigger: trigger, predicate: p, strong: strong, adverseOnly: adverseOnly),
                let f = fallbackSubject(scene, trigger: trigger, objects: [], predicate: p, topical: true)
            else { return }
            emit(f.ends, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? "object-copula-trigger+" + f.rule : rule + "+" + f.rule, confidence: min(0.55, f.confidence))
        case (.subjects(let s), .none) where (p == warnsIndex || p == regulatesIndex) && objectsBefore(scene, s, trigger: trigger, predicate: p) != nil:
            // "The FDA has placed kratom on an import alert": the object between the agency and
            // a nominal trigger.
            let o = objectsBefore(scene, s, trigger: trigger, predicate: p)!
            emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                rule: shape ? "subject-object-trigger" : rule + "+subject-object-trigger", confidence: 0.6)
        case (.subjects(let s), .none):
            // "The DEA … has not scheduled it": the plant's anaphor as the object.
            guard let plant = scene.plant, objectMask[Int(plant)] & (1 << UInt32(p)) != 0,
                let a = scene.allAnaphors.first(where: { $0.start >= trigger.upperBound && $0.start <= trigger.upperBound + 2 }),
                scene.anaphors.contains(where: { $0.start == a.start })
                    || scene.mentions.last(where: { $0.end <= a.start && canBeSubject[Int($0.entity)] })
                        .map({ m in s.contains { scene.mentions[$0].start == m.start } }) ?? false
            else { return }
            emit(s.map { endPoint(scene.mentions[$0]) }, [EndPoint(entity: plant, start: a.start, end: a.end)], passive: false,
                rule: shape ? "anaphor-object" : rule + "+anaphor-object", confidence: 0.55)
        case (.none, .subjects(let s)), (.anaphor, .subjects(let s)):
            // "Insomnia is a common side effect of kratom": objects, a copula, the trigger, its subject.
            if topical, let o = copulaObjects(scene, trigger: trigger, predicate: p, strong: strong, adverseOnly: adverseOnly) {
                emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                    rule: shape ? "object-copula-trigger" : rule + "+object-copula-trigger", confidence: 0.6)
                return
            }
            // "risks associated with kratom use, including dependency": subject, then object.
            guard shape, let last = s.last else { return }
            let after = scene.mentions[last].end
            if let m = scene.mentions.firstIndex(where: { $0.start >= after }),
                scene.mentions[m].start - after <= 10, !scene.hard(after, scene.mentions[m].start),
                (after..<scene.mentions[m].start).contains(where: {
                    words.has(scene.tokens[$0], RuleWords.example) || words.has(scene.tokens[$0], RuleWords.copula)
                        || scene.tokens[$0].isPunctuation && words.has(scene.tokens[$0], RuleWords.boundary)
                }),
                fitsObject(scene.mentions[m], p, strong: strong, adverseOnly: adverseOnly)
            {
                let o = group(scene, seed: m) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) }.filter { $0 >= m }
                emit(s.map { endPoint(scene.mentions[$0]) }, o.map { endPoint(scene.mentions[$0]) }, passive: false,
                    rule: "trigger-subject-object", confidence: 0.55)
            }
        default:
            break
        }
    }

    /// The mentions (a coordinated group) that fit `p`'s object between the subjects and the
    /// trigger, the last at most four tokens before it with no comma, coordinator or clause
    /// boundary in between ("placed kratom on an import alert", "to place
    /// mitragynine and 7-hydroxymitragynine in Schedule I").
    func objectsBefore(_ scene: Scene, _ subjects: [Int], trigger: Range<Int>, predicate p: Int) -> [Int]? {
        guard let last = subjects.last, last + 1 < scene.mentions.count,
            fitsObject(scene.mentions[last + 1], p, strong: true, adverseOnly: false)
        else { return nil }
        let objects = group(scene, seed: last + 1) { fitsObject($0, p, strong: true, adverseOnly: false) }.filter { $0 > last }
        guard let end = objects.last.map({ scene.mentions[$0].end }), end <= trigger.lowerBound, trigger.lowerBound - end <= 4,
            !scene.boundary(end, trigger.lowerBound),
            !(end..<trigger.lowerBound).contains(where: { words.has(scene.tokens[$0], RuleWords.coordinator) })
        else { return nil }
        return objects
    }

    /// The objects before a copula that stands right before a nominal trigger: "Tremor and
    /// weight loss are other possible side effects", "Insomnia is a common side effect of …".
    /// At most three words, none of them a cue, a mention or "to", between copula and trigger.
    func copulaObjects(_ scene: Scene, trigger: Range<Int>, predicate p: Int, strong: Bool, adverseOnly: Bool) -> [Int]? {
        var k = trigger.lowerBound - 1
        while k >= 0, trigger.lowerBound - k <= 4, !words.has(scene.tokens[k], RuleWords.copula) {
            let t = scene.tokens[k]
            if t.isPunctuation || scene.cueCovered[k] || scene.mentions.contains(where: { $0.start <= k && k < $0.end })
                || words.has(t, RuleWords.toWord)
            {
                return nil
            }
            k -= 1
        }
        guard k > 0, words.has(scene.tokens[k], RuleWords.copula),
            let m = scene.mentions.lastIndex(where: { $0.end == k }),
            fitsObject(scene.mentions[m], p, strong: strong, adverseOnly: adverseOnly)
        else { return nil }
        return group(scene, seed: m) { fitsObject($0, p, strong: strong, adverseOnly: adverseOnly) }.filter { $0 <= m }
    }

    /// Who has the symptoms a withdrawal brings: the substance named right before it
    /// ("opioid withdrawal" aside, which is its own condition: "kratom withdrawal"), else the
    /// document's plant when the sentence names no other substance before the trigger.
    func symptomSubject(_ scene: Scene, _ source: Int, trigger: Range<Int>, predicate p: Int) -> EndPoint? {
        let mention = scene.mentions[source]
        if source > 0, scene.mentions[source - 1].end == mention.start, fitsSubject(scene.mentions[source - 1], p) {
            return endPoint(scene.mentions[source - 1])
        }
        guard let plant = scene.plant, subjectMask[Int(plant)] & (1 << UInt32(p)) != 0,
            !scene.mentions.contains(where: { $0.start < trigger.lowerBound && isSubstance[Int($0.entity)] && $0.entity != plant })
        else { return nil }
        return EndPoint(entity: plant, start: mention.start, end: mention.end)
    }

    /// Whether a sentence opens with its predicate ("Did nothing for my migraines", "Helps
    /// ease anxiety", "May cause drowsiness"): only negation cues, adverbs and modals stand
    /// before the trigger.
    func startsWithPredicate(_ scene: Scene, _ trigger: Range<Int>) -> Bool {
        (0..<trigger.lowerBound).allSatisfy { k in
            let t = scene.tokens[k]
            return t.isAdverbLike || words.has(t, RuleWords.adverb) || t.isPunctuation || words.has(t, RuleWords.modalWord)
                || scene.negations.contains { $0.start <= k && k < $0.end }
        }
    }

    /// Whether a sentence is a question: it ends in "?" (before closing quotes or brackets).
    func isQuestion(_ text: String) -> Bool {
        for c in text.unicodeScalars.reversed() {
            switch c {
            case "?": return true
            case "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "*", "_", " ": continue
            default: return false
            }
        }
        return false
    }

    func holds(_ set: PhraseSet<Bool>, _ tokens: [WordToken]) -> Bool {
        guard tokens.contains(where: { set.starts($0) }) else { return false }
        var found: [PhraseSet<Bool>.Occurrence] = []
        set.occurrences(in: tokens, range: 0..<tokens.count, into: &found)
        return !found.isEmpty
    }

    /// Advice against a use ("Do not use kratom to treat opioid withdrawal", "not to use it
    /// in place of …") claims no use: its clause's treats, alternative_to and complements
    /// candidates are dropped.
    func dropAdvice(_ scene: Scene, _ candidates: inout [Candidate]) {
        guard !candidates.isEmpty, scene.cues.contains(.advice) else { return }
        var found: [PhraseSet<Bool>.Occurrence] = []
        advice.occurrences(in: scene.tokens, range: 0..<scene.tokens.count, into: &found)
        guard !found.isEmpty else { return }
        let uses = Set(["treats", "alternative_to", "complements"].compactMap { name in predicates.firstIndex { $0.name == name } })
        candidates.removeAll { c in
            uses.contains(c.predicate) && found.contains { a in
                a.end <= max(c.trigger.lowerBound, c.object.start) && !scene.hard(a.end, c.object.start)
                    && !scene.boundary(a.end, min(c.trigger.lowerBound, c.object.start))
            }
        }
    }

    /// A category noun of a list cue followed by its examples: "Withdrawal symptoms after
    /// stopping may include muscle aches, …", "Benefits reported include pain relief": the
    /// examples are objects of the cue's predicate, as under a lead-in.
    func categoryExamples(_ scene: Scene, window: Int, into out: inout [Candidate]) {
        var cues: [PhraseSet<Int>.Occurrence] = []
        listCues.occurrences(in: scene.tokens, range: 0..<scene.tokens.count, into: &cues)
        for cue in cues {
            var k = cue.end
            var marker = false
            // "The conditions for which kratom was used were …": the subject inside a clause
            // between the category and its examples.
            var inside: Int?
            while k < scene.tokens.count, scene.distance(cue.end, k) <= 6, !scene.hard(cue.end, k) {
                if words.has(scene.tokens[k], RuleWords.example) || words.has(scene.tokens[k], RuleWords.exampleLead)
                    || words.has(scene.tokens[k], RuleWords.colonWord)
                {
                    marker = true
                    break
                }
                if let m = scene.mentions.firstIndex(where: { $0.start == k }) {
                    guard inside == nil, k > cue.end, (cue.end..<k).contains(where: { words.has(scene.tokens[$0], RuleWords.relativeWord) }),
                        fitsSubject(scene.mentions[m], cue.payload)
                    else { break }
                    inside = m
                    k = scene.mentions[m].end
                    continue
                }
                k += 1
            }
            guard marker else { continue }
            if let s = inside {
                let p = cue.payload
                guard let o = scene.mentions.firstIndex(where: { $0.start > k && scene.distance(k, $0.start) <= window }),
                    fitsObject(scene.mentions[o], p, strong: true, adverseOnly: false)
                else { continue }
                for b in group(scene, seed: o, fits: { fitsObject($0, p, strong: true, adverseOnly: false) }).filter({ $0 >= o }) {
                    out.append(Candidate(
                        subject: endPoint(scene.mentions[s]), object: endPoint(scene.mentions[b]), predicate: p,
                        trigger: cue.start..<cue.end, passive: false, rule: CategoryExamplesRule.id + "+relative-subject", confidence: 0.6))
                }
                continue
            }
            let before = out.count
            relate(scene, trigger: cue.start..<cue.end, predicate: cue.payload, strong: true, adverseOnly: false,
                maxGap: window, rule: CategoryExamplesRule.id, topical: true, into: &out)
            // "withdrawal symptoms such as …" also names withdrawal itself.
            if out.count > before, let named = scene.mentions.first(where: { $0.start < cue.end && cue.start < $0.end }),
                fitsObject(named, cue.payload, strong: true, adverseOnly: false)
            {
                var c = out[before]
                c.object = endPoint(named)
                if c.subject.entity != named.entity { out.append(c) }
            }
        }
    }

    /// Options offered for a condition: "If you are using kratom to manage pain, ask about other
    /// options, such as physical therapy, exercise programs, and non-opioid medicines like
    /// ibuprofen"; "non-opioid options for chronic pain: acupuncture, …". Each example after
    /// the marker (":" or an example word) treats the condition named between the cue and the
    /// marker, else the nearest one before the cue.
    func optionExamples(_ scene: Scene, window: Int, into out: inout [Candidate]) {
        guard let p = treatsIndex, scene.cues.contains(.optionCue) else { return }
        var cues: [PhraseSet<Bool>.Occurrence] = []
        optionCues.occurrences(in: scene.tokens, range: 0..<scene.tokens.count, into: &cues)
        for cue in cues {
            var k = cue.end
            var condition: Int?
            var marker = false
            while k < scene.tokens.count, scene.distance(cue.end, k) <= 6, !scene.hard(cue.end, k) {
                let t = scene.tokens[k]
                if words.has(t, RuleWords.colonWord) || words.has(t, RuleWords.example) && !words.has(t, RuleWords.comma) {
                    marker = true
                    break
                }
                if let m = scene.mentions.firstIndex(where: { $0.start == k }) {
                    guard condition == nil, fitsObject(scene.mentions[m], p, strong: true, adverseOnly: false) else { break }
                    condition = m
                    k = scene.mentions[m].end
                    continue
                }
                k += 1
            }
            // A condition before the cue is what the options are for, unless the cue hangs from
            // it by a preposition ("nausea from treatments such as chemotherapy").
            var before = cue.start - 1
            while before >= 0, words.has(scene.tokens[before], RuleWords.determiner) || words.has(scene.tokens[before], RuleWords.otherWord)
                || words.has(scene.tokens[before], RuleWords.adverb) || scene.tokens[before].hyphenated
                || scene.mentions.contains(where: { $0.start <= before && before < $0.end && !fitsObject($0, p, strong: true, adverseOnly: false) })
            {
                before -= 1
            }
            let hangs = before >= 0 && ["from", "of", "by", "with", "after"].contains(vocabulary.form(of: scene.tokens[before].id))
            guard marker,
                let c = condition ?? (hangs ? nil : scene.mentions.lastIndex(where: { m in
                    m.end <= cue.start && !scene.hard(m.end, cue.start) && fitsObject(m, p, strong: true, adverseOnly: false)
                }))
            else { continue }
            for (i, m) in scene.mentions.enumerated() where m.start > k && scene.distance(k, m.start) <= 3 * window
                && !scene.hard(k, m.start) && fitsSubject(m, p) && !scene.compared[i] && !isModifier(scene, i) && !isPrefixed(scene, m)
            {
                out.append(Candidate(
                    subject: endPoint(m), object: endPoint(scene.mentions[c]), predicate: p, trigger: cue.start..<cue.end,
                    passive: false, rule: CategoryExamplesRule.id + "+options", confidence: 0.55))
            }
        }
    }

    /// Whether a mention carries a hyphenated prefix such as "non-" ("non-opioid medicines"
    /// names no opioid to relate).
    func isPrefixed(_ scene: Scene, _ m: Located) -> Bool {
        m.start > 0 && scene.tokens[m.start].hyphenated && words.has(scene.tokens[m.start - 1], RuleWords.adverb)
    }

    /// "kratom for chronic pain", "kratom use for fibromyalgia": a subject, "for", a condition.
    func subjectForCondition(_ scene: Scene, predicate p: Int, window: Int, confidence: Double, into out: inout [Candidate]) {
        for (k, token) in scene.tokens.enumerated() where words.has(token, RuleWords.forWord) {
            guard let s = scene.mentions.lastIndex(where: { $0.end <= k && $0.end >= k - 1 }), fitsSubject(scene.mentions[s], p),
                !scene.compared[s], !isPrefixed(scene, scene.mentions[s]),
                let o = scene.mentions.firstIndex(where: { $0.start > k && $0.start <= k + window }),
                fitsObject(scene.mentions[o], p, strong: true, adverseOnly: false)
            else { continue }
            if (k + 1..<scene.mentions[o].start).contains(where: { scene.tokens[$0].isPunctuation }) { continue }
            let subjects = group(scene, seed: s) { fitsSubject($0, p) }.filter { $0 <= s }
            let objects = group(scene, seed: o) { fitsObject($0, p, strong: true, adverseOnly: false) }.filter { $0 >= o }
            for a in subjects {
                for b in objects {
                    out.append(Candidate(
                        subject: endPoint(scene.mentions[a]), object: endPoint(scene.mentions[b]), predicate: p,
                        trigger: k..<(k + 1), passive: false, rule: SubjectForConditionRule.id, confidence: confidence))
                }
            }
        }
    }

    /// "the sedating effects of opioids", "the addictive potential of kratom": an adverse
    /// effect, at most one noun, "of", and a substance.
    func effectOfSubstance(_ scene: Scene, predicate p: Int, confidence: Double, into out: inout [Candidate]) {
        for (i, effect) in scene.mentions.enumerated() where isAdverseEffect[Int(effect.entity)] {
            var k = effect.end
            if k < scene.tokens.count, !scene.tokens[k].isPunctuation, !words.has(scene.tokens[k], RuleWords.preposition) { k += 1 }
            guard k < scene.tokens.count, words.has(scene.tokens[k], RuleWords.ofWord) else { continue }
            var j = k + 1
            while j < scene.tokens.count, words.has(scene.tokens[j], RuleWords.determiner) { j += 1 }
            guard let s = scene.mentions[(i + 1)...].firstIndex(where: { $0.start == j }), fitsSubject(scene.mentions[s], p)
            else { continue }
            for subject in group(scene, seed: s, fits: { fitsSubject($0, p) }).filter({ $0 >= s }) {
                out.append(Candidate(
                    subject: endPoint(scene.mentions[subject]), object: endPoint(effect), predicate: p, trigger: k..<(k + 1),
                    passive: true, rule: EffectOfSubstanceRule.id, confidence: confidence))
            }
        }
    }

    /// Noun compounds: "kratom withdrawal", "kratom overdose deaths", "kratom-related deaths",
    /// "opioid-induced constipation": a substance that modifies an adverse effect has it.
    func compoundEffect(_ scene: Scene, predicate p: Int, confidence: Double, into out: inout [Candidate]) {
        for (i, m) in scene.mentions.enumerated() where fitsSubject(m, p) && i + 1 < scene.mentions.count {
            var j = i + 1
            var gap = m.end
            // "-related", "-induced", "-associated" and "use" may stand between.
            while gap < scene.mentions[j].start, words.has(scene.tokens[gap], RuleWords.compoundLink) { gap += 1 }
            guard gap == scene.mentions[j].start else { continue }
            // "kratom overdose deaths": each effect of a run of modifiers.
            while j < scene.mentions.count, isAdverseEffect[Int(scene.mentions[j].entity)] {
                out.append(Candidate(
                    subject: endPoint(m), object: endPoint(scene.mentions[j]), predicate: p, trigger: m.end..<m.end,
                    passive: false, rule: NounCompoundRule.id, confidence: confidence))
                guard j + 1 < scene.mentions.count, scene.mentions[j + 1].start == scene.mentions[j].end else { break }
                j += 1
            }
        }
        symptomsWith(scene, predicate: p, confidence: confidence, into: &out)
    }

    /// "kratom withdrawal with nausea, sweating and insomnia": the effects that come with a
    /// symptom source are the substance's whose it is, like those it brings.
    func symptomsWith(_ scene: Scene, predicate p: Int, confidence: Double, into out: inout [Candidate]) {
        for (i, source) in scene.mentions.enumerated() where isSymptomSource[Int(source.entity)] {
            guard source.end < scene.tokens.count, words.has(scene.tokens[source.end], RuleWords.withWord),
                let first = scene.mentions.firstIndex(where: { $0.start > source.end && $0.start <= source.end + 2 }),
                isAdverseEffect[Int(scene.mentions[first].entity)],
                (source.end + 1..<scene.mentions[first].start).allSatisfy({ words.has(scene.tokens[$0], RuleWords.determiner) }),
                let subject = symptomSubject(scene, i, trigger: source.end..<(source.end + 1), predicate: p)
            else { continue }
            let symptoms = group(scene, seed: first) { fitsObject($0, p, strong: true, adverseOnly: false) }.filter { $0 >= first }
            for o in [i] + symptoms where scene.mentions[o].entity != subject.entity {
                out.append(Candidate(
                    subject: subject, object: endPoint(scene.mentions[o]), predicate: p, trigger: source.end..<(source.end + 1),
                    passive: false, rule: NounCompoundRule.id + "+withdrawal-symptoms", confidence: min(confidence, 0.55)))
            }
        }
    }

    /// A plant and one of its alkaloids named in one sentence: the plant contains it, unless a
    /// trigger rule already said so (or denied it).
    func cooccurrence(_ scene: Scene, predicate p: Int, confidence: Double, into out: inout [Candidate]) {
        let subject: EndPoint
        var plantIndex = -1
        if let i = scene.mentions.indices.first(where: { fitsSubject(scene.mentions[$0], p) && !isModifier(scene, $0) }) {
            plantIndex = i
            subject = endPoint(scene.mentions[i])
        } else if let a = scene.anaphors.first, let plant = scene.plant, subjectMask[Int(plant)] & (1 << UInt32(p)) != 0 {
            subject = EndPoint(entity: plant, start: a.start, end: a.end)
        } else {
            return
        }
        for (i, mention) in scene.mentions.enumerated() where fitsObject(mention, p, strong: true, adverseOnly: false) {
            if out.contains(where: { $0.predicate == p && $0.object.entity == mention.entity }) { continue }
            // "kratom, mitragynine and 7-OH" is a list, not containment.
            if plantIndex >= 0 && (min(i, plantIndex)..<max(i, plantIndex)).allSatisfy({ scene.links[$0] != .none }) { continue }
            let candidate = Candidate(
                subject: subject, object: endPoint(mention), predicate: p, trigger: mention.start..<mention.start,
                passive: false, rule: CooccurrenceContainsRule.id, confidence: confidence)
            // Without a trigger a denial has nothing to deny; say nothing.
            if negated(scene, candidate) { continue }
            out.append(candidate)
        }
    }

    // MARK: - Polarity, certainty and the claims

    /// Whether a negation cue's scope covers the object: "following" cues before it in its
    /// clause, "preceding" cues after it, "clause" cues anywhere in its clause, "own" cues only
    /// when they contain the object ("non-addictive"). For a passive
    /// claim, only a cue between the object and its subject counts.
    func negated(_ scene: Scene, _ c: Candidate) -> Bool { negationCue(scene, c) != nil }

    /// The negation cue whose scope covers the claim, if any.
    func negationCue(_ scene: Scene, _ c: Candidate) -> Int? {
        let o = c.object
        // A cue reaches a coordinated run through its first member: "not cause nausea, vomiting".
        let head = chainStart(scene, at: o.start)
        for (n, cue) in scene.negations.enumerated() where scene.activeNegation[n] {
            // A cue inside a trigger ("has not approved") is part of what the trigger means,
            // unless the cue is the trigger itself ("without sedation").
            if cue.start >= c.trigger.lowerBound && cue.end <= c.trigger.upperBound {
                if cue.start == c.trigger.lowerBound && cue.end == c.trigger.upperBound { return n }
                continue
            }
            // A cue inside a name is part of the name: "lack of energy" names fatigue and
            // denies nothing.
            if cue.payload.scope != .own, cue.start >= o.start && cue.end <= o.end
                || cue.start >= c.subject.start && cue.end <= c.subject.end
            {
                continue
            }
            switch cue.payload.scope {
            case .following:
                if c.passive {
                    if cue.start >= o.end && cue.end <= c.subject.start && !scene.scopeEnds(o.end, cue.start) { return n }
                } else if cue.end <= head && head - cue.end <= cue.payload.maxScope && !scene.scopeEnds(cue.end, head)
                    && !(cue.end..<head).contains(where: { words.has(scene.tokens[$0], RuleWords.comma) })
                {
                    return n
                } else if cue.start < o.end && o.start < cue.end {
                    return n
                }
            case .preceding:
                if cue.start >= o.end && cue.start - o.end <= cue.payload.maxScope && !scene.scopeEnds(o.end, cue.start) { return n }
            case .clause:
                if abs(cue.start - o.start) <= cue.payload.maxScope && !scene.scopeEnds(min(cue.start, o.start), max(cue.end, o.end)) { return n }
            case .own:
                if cue.start < o.end && o.start < cue.end { return n }
            }
        }
        return nil
    }

    func hedged(_ scene: Scene, _ c: Candidate) -> Bool { hedgeCue(scene, c) != nil }

    func hedgeCue(_ scene: Scene, _ c: Candidate) -> Int? {
        scene.hedges.firstIndex { h in
            !scene.hedgeEnds(min(h.start, c.trigger.lowerBound, c.object.start), max(h.end, c.trigger.lowerBound, c.object.start))
        }
    }

    /// Appends the claims the candidates make to `claims`, one per claim key.
    func claims(
        from candidates: [Candidate], scene: Scene, sentence: Sentence, document: Document, explain: Bool,
        into claims: inout [Claim], explanations: inout [ClaimExplanation]
    ) {
        var seen = ClaimKeySet()
        let found = candidates.isEmpty ? [] : holders(scene)
        for c in candidates {
            let negation = negationCue(scene, c)
            let isNegated = c.fixedNegation ?? (negation != nil)
            let key = ClaimKey(subject: c.subject.entity, predicate: c.predicate, object: c.object.entity, negated: isNegated)
            // The rule that runs first takes precedence; within one rule, the first found. A
            // claim is built only for a new key, in place in the array.
            if seen.insert(key) {
                let hedge = hedgeCue(scene, c)
                claims.append(Claim(
                    subject: trie.entityIDs[Int(c.subject.entity)], predicate: predicates[c.predicate].name,
                    object: trie.entityIDs[Int(c.object.entity)], documentID: document.id,
                    sentenceIndex: sentence.index, sentence: sentence.text,
                    subjectSpan: c.subjectSpan
                        ?? Span(start: scene.tokens[c.subject.start].start, end: scene.tokens[c.subject.end - 1].end),
                    objectSpan: Span(start: scene.tokens[c.object.start].start, end: scene.tokens[c.object.end - 1].end),
                    negated: isNegated, hedged: c.hedgedByContext || hedge != nil, rule: c.rule, confidence: c.confidence,
                    holder: found.isEmpty ? nil : holder(for: c, in: scene, among: found)))
                if explain {
                    var e = explanation(c, scene: scene, negation: negation, hedge: hedge)
                    if negation == nil, c.fixedNegation == nil, !scene.scopeStops.isEmpty {
                        var open = scene
                        open.scopeStops = []
                        if let n = negationCue(open, c), let stop = scene.scopeStops.first(where: { $0 >= scene.negations[n].end }) {
                            let cue = scene.negations[n]
                            e.scopeEndedCue = Span(start: scene.tokens[cue.start].start, end: scene.tokens[cue.end - 1].end)
                            e.scopeEndedAt = Span(start: scene.tokens[stop].start, end: scene.tokens[stop].end)
                        }
                    }
                    explanations.append(e)
                }
            }
        }
    }
}

private extension Array where Element == Bool {
    /// Makes the array `count` copies of `value` in the storage it has (a scene's flags are
    /// refilled per sentence); the generic `append(contentsOf:)` costs more than the loop.
    @inline(__always)
    mutating func refill(_ value: Bool, count: Int) {
        if self.count > count { removeLast(self.count - count) }
        for i in indices { self[i] = value }
        reserveCapacity(count)
        while self.count < count { append(value) }
    }
}
