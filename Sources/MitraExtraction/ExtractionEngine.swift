import MitraLanguage
import MitraModel
import MitraIngest
import MitraOntology

/// The tables an `Extractor` reads — vocabulary, label trie, cue phrase sets, role masks —
/// built once per ontology and never changed, so one instance is shared by every copy of
/// the extractor and by every thread (all per-document state lives in `extract`).
final class ExtractionEngine: Sendable {
    let ontology: Ontology
    let vocabulary: Vocabulary
    let trie: LabelTrie
    let words: RuleWords
    let triggers: PhraseSet<TriggerCue>
    let negations: PhraseSet<NegationCue>
    let hedges: PhraseSet<Bool>
    /// Plant anaphors; the payload says whether the phrase is a pronoun ("it", "its").
    let anaphors: PhraseSet<Bool>
    let implicitSubjects: PhraseSet<Bool>
    /// Phrases that hold a negation word but deny nothing ("not only", "not just").
    let pseudoNegations: PhraseSet<Bool>
    /// Coordinators that end a negation's or hedge's scope before a new verb group; the payload is the
    /// index of its `ScopeTerminator` in the ontology's cues.
    let scopeTerminators: PhraseSet<Int>
    /// Whether some scope terminator ends hedges too: else a hedged sentence is not tagged.
    let hedgesEnd: Bool
    /// Category nouns whose examples treat the sentence's condition ("other options, such as …").
    let optionCues: PhraseSet<Bool>
    /// Heading and lead-in phrases that make a list's items objects of a predicate (its index).
    let listCues: PhraseSet<Int>
    let advice: PhraseSet<Bool>
    let disclaimers: PhraseSet<Bool>
    let attributions: PhraseSet<Bool>
    /// Holder words, with the text written as a claim's holder.
    let holders: PhraseSet<String>
    /// The claim rules in the order they run (their precedence), with the data's settings.
    let registry: RuleRegistry
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()

    /// Predicates in a fixed order; bit `i` of the role masks is `predicates[i]`.
    let predicates: [Relation]
    /// Per trie entity index: which predicates it may be the subject / object of.
    let subjectMask: [UInt32]
    let objectMask: [UInt32]
    /// Per trie entity index: a plant; a substance (plant, alkaloid or drug); an adverse effect.
    let isPlant: [Bool]
    let isSubstance: [Bool]
    let isAdverseEffect: [Bool]
    /// Per trie entity index: an effect whose own effects are the substance's ("withdrawal").
    let isSymptomSource: [Bool]
    /// Per trie entity index: its class, and whether it can be the subject of some predicate
    /// (what a pronoun may stand for).
    let entityClass: [EntityClass]
    let canBeSubject: [Bool]
    /// `competes[p][q]`: predicates `p` and `q` can relate the same kinds of subject and object.
    let competes: [[Bool]]
    let containsIndex: Int?
    let adverseIndex: Int?
    let treatsIndex: Int?
    let warnsIndex: Int?
    let alternativeIndex: Int?
    let regulatesIndex: Int?
    /// Per predicate: only a plant can be its subject (`contains`).
    let plantOnly: [Bool]
    /// Per vocabulary id: the form ends in "s" (a plural-looking word before "like").
    let endsInS: [Bool]
    /// The vocabulary id of "according" (as in "according to"), or `Vocabulary.unknown`.
    let accordingID: Int32
    /// Per trie entity index: the label a holder is written with (its preferred label).
    let holderLabels: [String]
    /// Per vocabulary id: which cue sets can start at a token of that form.
    let cueStarts: [CueMask]

    /// Phrases that contain a trigger but do not signal it ("the root causes of pain"): they
    /// take the trigger's place in the leftmost-longest match and relate nothing.
    static let nonTriggerPhrases = ["cause of", "causes of", "root cause", "root causes", "the cause"]

    /// A trigger phrase: the predicates it signals, and whether it names a cause outright
    /// ("causes", "side effects") rather than a weaker association ("experience", "risk of").
    struct TriggerCue: Sendable {
        var predicates: [Int]
        var strong: Bool
        /// A noun for adverse effects ("side effects", "withdrawal symptoms such as"): in a
        /// document about a plant that names no substance, the plant's.
        var nominal = false
    }

    init(ontology: Ontology) {
        self.ontology = ontology
        registry = RuleRegistry(settings: ontology.cues.rules)
        var vocabulary = Vocabulary()
        var words = RuleWords(vocabulary: &vocabulary, terminators: ontology.cues.terminators)
        var trie = LabelTrie(ontology: ontology, vocabulary: &vocabulary)
        let predicates = ontology.predicates.values.sorted { $0.name < $1.name }
        self.predicates = predicates
        var triggerPhrases: [(String, TriggerCue)] = []
        for (i, p) in predicates.enumerated() {
            for phrase in ontology.cues.triggers[p.name] ?? [] {
                let lower = phrase.lowercased()
                let strong = ["caus", "induc", "lead", "result", "side effect", "adverse", "worsen", "trigger", "symptom"]
                    .contains { lower.contains($0) }
                let nominal = ["side effect", "adverse", "symptom"].contains { lower.contains($0) }
                for variant in Inflector.variants(of: lower) {
                    triggerPhrases.append((variant, TriggerCue(predicates: [i], strong: strong, nominal: nominal)))
                }
            }
        }
        triggerPhrases += Self.nonTriggerPhrases.map { ($0, TriggerCue(predicates: [], strong: false)) }
        var triggers = PhraseSet(triggerPhrases, vocabulary: &vocabulary) { a, b in
            if a.predicates.isEmpty || b.predicates.isEmpty { return TriggerCue(predicates: [], strong: false) }
            return TriggerCue(
                predicates: a.predicates + b.predicates.filter { !a.predicates.contains($0) }, strong: a.strong || b.strong,
                nominal: a.nominal || b.nominal)
        }
        var negations = PhraseSet(ontology.cues.negations.map { ($0.phrase, $0) }, vocabulary: &vocabulary)
        var hedges = PhraseSet(ontology.cues.hedges.map { ($0, true) }, vocabulary: &vocabulary)
        var anaphors = PhraseSet(ontology.cues.plantAnaphors.map { phrase in
            let first = phrase.lowercased().split(separator: " ").first.map(String.init) ?? ""
            return (phrase, ["it", "its", "itself"].contains(first) && !phrase.contains(" "))
        }, vocabulary: &vocabulary)
        var implicitSubjects = PhraseSet(ontology.cues.implicitSubjects.map { ($0, true) }, vocabulary: &vocabulary)
        var pseudoNegations = PhraseSet(ontology.cues.pseudoNegations.map { ($0, true) }, vocabulary: &vocabulary)
        var scopeTerminators = PhraseSet(ontology.cues.scopeTerminators.enumerated().flatMap { i, t in
            t.coordinators.map { ($0, i) }
        }, vocabulary: &vocabulary)
        var optionCues = PhraseSet(ontology.cues.optionCues.map { ($0, true) }, vocabulary: &vocabulary)
        var listCues = PhraseSet(predicates.enumerated().flatMap { i, p in
            (ontology.cues.listCues[p.name] ?? []).flatMap { Inflector.variants(of: $0.lowercased()).map { ($0, i) } }
        }, vocabulary: &vocabulary)
        var advice = PhraseSet(ontology.cues.advice.map { ($0, true) }, vocabulary: &vocabulary)
        var disclaimers = PhraseSet(ontology.cues.disclaimers.map { ($0, true) }, vocabulary: &vocabulary)
        var attributions = PhraseSet(ontology.cues.attributions.map { ($0, true) }, vocabulary: &vocabulary)
        var holders = PhraseSet(ontology.cues.holders.map { ($0, $0) }, vocabulary: &vocabulary)
        let size = vocabulary.count
        attributions.seal(vocabularySize: size)
        holders.seal(vocabularySize: size)
        self.attributions = attributions
        self.holders = holders
        advice.seal(vocabularySize: size)
        disclaimers.seal(vocabularySize: size)
        self.advice = advice
        self.disclaimers = disclaimers
        words.seal(vocabularySize: size)
        trie.seal(vocabularySize: size)
        triggers.seal(vocabularySize: size)
        negations.seal(vocabularySize: size)
        hedges.seal(vocabularySize: size)
        anaphors.seal(vocabularySize: size)
        implicitSubjects.seal(vocabularySize: size)
        pseudoNegations.seal(vocabularySize: size)
        scopeTerminators.seal(vocabularySize: size)
        optionCues.seal(vocabularySize: size)
        listCues.seal(vocabularySize: size)
        self.vocabulary = vocabulary
        self.trie = trie
        self.words = words
        self.triggers = triggers
        self.negations = negations
        self.hedges = hedges
        self.anaphors = anaphors
        self.implicitSubjects = implicitSubjects
        self.pseudoNegations = pseudoNegations
        self.scopeTerminators = scopeTerminators
        hedgesEnd = ontology.cues.scopeTerminators.contains { $0.ends.contains(.hedge) }
        self.optionCues = optionCues
        self.listCues = listCues
        self.cueStarts = Self.cueStarts(vocabularySize: size, [
            (triggers.starts, .trigger), (negations.starts, .negation), (hedges.starts, .hedge),
            (implicitSubjects.starts, .implicitSubject), (pseudoNegations.starts, .pseudoNegation),
            (anaphors.starts, .anaphor), (attributions.starts, .attribution), (disclaimers.starts, .disclaimer),
            (listCues.starts, .listCue), (optionCues.starts, .optionCue), (advice.starts, .advice),
            ({ words.has($0, RuleWords.copula) }, .copula), ({ words.has($0, RuleWords.forWord) }, .forWord),
        ])

        var subjectMask: [UInt32] = []
        var objectMask: [UInt32] = []
        var isPlant: [Bool] = []
        var isSubstance: [Bool] = []
        var isAdverseEffect: [Bool] = []
        for id in trie.entityIDs {
            let c = ontology.entities[id]?.entityClass ?? EntityClass("")
            var s: UInt32 = 0
            var o: UInt32 = 0
            for (i, p) in predicates.enumerated() {
                if p.subjectClasses.contains(where: { ontology.isSubclass(c, of: $0) }) { s |= 1 << UInt32(i) }
                if p.objectClasses.contains(where: { ontology.isSubclass(c, of: $0) }) { o |= 1 << UInt32(i) }
            }
            subjectMask.append(s)
            objectMask.append(o)
            isPlant.append(ontology.isSubclass(c, of: .plant))
            isSubstance.append([.plant, .alkaloid, .drug].contains { ontology.isSubclass(c, of: $0) })
            isAdverseEffect.append(ontology.isSubclass(c, of: .adverseEffect))
        }
        self.subjectMask = subjectMask
        self.objectMask = objectMask
        self.isPlant = isPlant
        self.isSubstance = isSubstance
        self.isAdverseEffect = isAdverseEffect
        let sources = Set(ontology.cues.symptomSources.map(LabelNormalizer.normalize))
        self.isSymptomSource = trie.entityIDs.map { id in
            ontology.entities[id].map { e in e.allLabels.contains { sources.contains(LabelNormalizer.normalize($0)) } } ?? false
        }
        self.entityClass = trie.entityIDs.map { ontology.entities[$0]?.entityClass ?? EntityClass("") }
        self.canBeSubject = subjectMask.map { $0 != 0 }
        func overlap(_ a: [EntityClass], _ b: [EntityClass]) -> Bool {
            a.contains { x in b.contains { y in ontology.isSubclass(x, of: y) || ontology.isSubclass(y, of: x) } }
        }
        self.competes = predicates.map { p in
            predicates.map { q in overlap(p.subjectClasses, q.subjectClasses) && overlap(p.objectClasses, q.objectClasses) }
        }
        self.containsIndex = predicates.firstIndex { $0.name == "contains" }
        self.adverseIndex = predicates.firstIndex { $0.name == "has_adverse_effect" }
        self.treatsIndex = predicates.firstIndex { $0.name == "treats" }
        self.warnsIndex = predicates.firstIndex { $0.name == "warns_about" }
        self.alternativeIndex = predicates.firstIndex { $0.name == "alternative_to" }
        self.regulatesIndex = predicates.firstIndex { $0.name == "regulates" }
        self.plantOnly = predicates.map { p in
            !p.subjectClasses.isEmpty && p.subjectClasses.allSatisfy { ontology.isSubclass($0, of: .plant) }
        }
        // Spelling facts the rules would otherwise rebuild a string for, per token.
        self.endsInS = (0..<vocabulary.count).map { vocabulary.form(of: Int32($0)).hasSuffix("s") }
        self.accordingID = (0..<vocabulary.count).first { vocabulary.form(of: Int32($0)) == "according" }.map(Int32.init)
            ?? Vocabulary.unknown
        self.holderLabels = trie.entityIDs.map { ontology.entities[$0]?.prefLabel ?? $0 }
    }

    /// A mention located in a sentence's tokens.
    struct Located {
        var entity: Int32
        var start: Int
        var end: Int
    }

    func extract(_ document: Document, explain: Bool = false) -> ExtractionResult {
        let text = ScalarText(document.text)
        let scalars = text.scalars
        var sentences: [Sentence] = []
        var mentions: [Mention] = []
        var analyses: [SentenceAnalysis] = []
        var plantCounts: [Int32: Int] = [:]
        var found: [Located] = []
        let blocks = document.blocks.isEmpty
            ? BlockScanner().blocks(in: scalars, markdown: document.format == "markdown") : document.blocks
        // Front matter is the document's metadata (title, url, date), not its text: it names
        // nothing and claims nothing.
        let metadata = blocks.filter { $0.kind == .frontMatter }.map { $0.span.start..<$0.span.end }
        for range in splitter.sentences(in: scalars) {
            let index = sentences.count
            sentences.append(Sentence(
                index: index, span: Span(start: range.lowerBound, end: range.upperBound),
                text: text.text(range)))
            var analysis = SentenceAnalysis(index: index)
            if metadata.contains(where: { $0.contains(range.lowerBound) }) {
                analyses.append(analysis)
                continue
            }
            // A token takes at least two scalars with the space after it, most take five or
            // more: one allocation for nearly every sentence instead of a doubling series.
            analysis.tokens.reserveCapacity(range.count / 4 + 4)
            tokenizer.wordTokens(scalars, range: range, vocabulary: vocabulary, into: &analysis.tokens)
            analysis.cues = cues(of: analysis.tokens)
            findMentions(&analysis, scratch: &found)
            if !analysis.mentions.isEmpty {
                addSuspendedHyphens(&analysis, scalars: scalars)
                addSharedHeads(&analysis, text: text)
            }
            for m in analysis.mentions {
                let first = analysis.tokens[m.start].start
                let last = analysis.tokens[m.end - 1].end
                mentions.append(Mention(
                    entityID: trie.entityIDs[Int(m.entity)], span: Span(start: first, end: last),
                    text: text.text(first..<last), sentenceIndex: index))
                if isPlant[Int(m.entity)] { plantCounts[m.entity, default: 0] += 1 }
            }
            analyses.append(analysis)
        }
        // The document's plant: the one it names most (ties go to the first in the ontology).
        let plant = plantCounts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
        let structure = DocumentStructure(blocks: blocks, sentences: sentences).withText(scalars)
        var listContexts: [Int: ListContext?] = [:]
        var claims: [Claim] = []
        var explanations: [ClaimExplanation] = []
        var context = DocumentContext(plant: plant, lastSubstanceIsPlant: false)
        var scene = Scene()
        var candidates: [Candidate] = []
        for i in analyses.indices {
            var list: ListContext?
            if let id = structure.list(ofSentence: i) {
                if listContexts.index(forKey: id) == nil {
                    listContexts[id] = listContext(structure.governing(list: id), analyses: analyses, plant: plant)
                }
                list = listContexts[id] ?? nil
            }
            let block = structure.sentenceBlock[i].map { structure.blocks[$0].kind }
            findClaims(
                &analyses[i], sentence: sentences[i], document: document, context: &context, list: list, block: block,
                explain: explain, scene: &scene, candidates: &candidates, claims: &claims, explanations: &explanations)
        }
        return ExtractionResult(
            document: document, sentences: sentences, mentions: mentions, claims: claims, explanations: explanations)
    }

    /// "kappa- and delta-opioid receptors": a word with a hanging hyphen before a coordinator
    /// and a hyphenated mention shares the rest of that mention's label, when the two make a
    /// label too.
    func addSuspendedHyphens(_ analysis: inout SentenceAnalysis, scalars: [Unicode.Scalar]) {
        let tokens = analysis.tokens
        var added: [Located] = []
        for m in analysis.mentions {
            guard m.start >= 2, m.end - m.start >= 2, tokens[m.start + 1].hyphenated,
                words.has(tokens[m.start - 1], RuleWords.coordinator)
            else { continue }
            let w = m.start - 2
            let word = tokens[w]
            guard !word.isPunctuation, word.end < scalars.count, ["-", "\u{2010}", "\u{2011}"].contains(scalars[word.end]),
                !analysis.mentions.contains(where: { $0.start <= w && w < $0.end }), !added.contains(where: { $0.start == w })
            else { continue }
            let probe = [word] + tokens[(m.start + 1)..<m.end]
            guard let (entity, length) = trie.longestMatch(in: probe, from: 0, limit: probe.count), length == probe.count else { continue }
            added.append(Located(entity: entity, start: w, end: w + 1))
        }
        guard !added.isEmpty else { return }
        analysis.mentions = (analysis.mentions + added).sorted { $0.start < $1.start }
    }

    /// "mu and kappa receptors", "mu, kappa and delta receptors": each word before a
    /// coordinator and a mention of two or more words shares the rest of that mention, when
    /// the two make a label and the chunker reads their noun chunks as coordinated.
    func addSharedHeads(_ analysis: inout SentenceAnalysis, text: ScalarText) {
        let tokens = analysis.tokens
        var added: [Located] = []
        var parsed: MitraLanguage.SentenceAnalysis?
        for m in analysis.mentions where m.end - m.start >= 2 && !tokens[m.start + 1].hyphenated {
            var p = m.start
            while p >= 2, words.has(tokens[p - 1], RuleWords.coordinator), !tokens[p].hyphenated {
                let w = p - 2
                guard !tokens[w].isPunctuation, !tokens[w + 1].hyphenated,
                    !analysis.mentions.contains(where: { $0.start <= w && w < $0.end })
                else { break }
                let probe = [tokens[w]] + tokens[(m.start + 1)..<m.end]
                guard let (entity, length) = trie.longestMatch(in: probe, from: 0, limit: probe.count), length == probe.count
                else { break }
                // Tagged only once a label fits, which few sentences reach.
                if parsed == nil { parsed = chunked(analysis, text: text) }
                guard let parsed, coordinated(w, m.end - 1, in: parsed) else { break }
                added.append(Located(entity: entity, start: w, end: w + 1))
                p = w
            }
        }
        guard !added.isEmpty else { return }
        analysis.mentions = (analysis.mentions + added).sorted { $0.start < $1.start }
    }

    /// The sentence tagged and chunked, when the tagger is installed.
    private func chunked(_ analysis: SentenceAnalysis, text: ScalarText) -> MitraLanguage.SentenceAnalysis? {
        guard let syntax = SyntaxLayer.shipped else { return nil }
        let tokens = analysis.tokens
        return syntax.analyse(tokens.map { text.text($0.start..<$0.end) }, mentions: analysis.mentions, hyphenated: tokens.indices.map {
            $0 + 1 < tokens.count && tokens[$0 + 1].hyphenated
        })
    }

    /// Whether tokens `a` and `b` stand in different noun chunks of one coordination.
    private func coordinated(_ a: Int, _ b: Int, in parsed: MitraLanguage.SentenceAnalysis) -> Bool {
        guard let x = parsed.chunks.firstIndex(where: { $0.range.contains(a) }),
            let y = parsed.chunks.firstIndex(where: { $0.range.contains(b) }), x != y
        else { return false }
        return parsed.coordinations.contains { $0.chunks.contains(x) && $0.chunks.contains(y) }
    }

    /// Longest match of all labels, left to right, without overlaps.
    ///
    /// The matches gather in `scratch`, a buffer the caller reuses, and are copied to the
    /// sentence once, so its array is allocated once at its final size.
    func findMentions(_ analysis: inout SentenceAnalysis, scratch: inout [Located]) {
        let tokens = analysis.tokens
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < tokens.count {
            if let (entity, length) = trie.longestMatch(in: tokens, from: i, limit: tokens.count) {
                scratch.append(Located(entity: entity, start: i, end: i + length))
                i += length
            } else {
                i += 1
            }
        }
        if !scratch.isEmpty { analysis.mentions.append(contentsOf: scratch) }
    }
}

/// What claims need to know about the document beyond the current sentence.
struct DocumentContext {
    /// The plant anaphors and implicit subjects stand for, if the document names one.
    var plant: Int32?
    /// Whether the last thing named before the current sentence that could be a subject
    /// (a substance, a therapy, an agency) was a plant, so that "it" can stand for it.
    var lastSubstanceIsPlant: Bool
    /// The claims of the question just read, held for an answer in the next sentence.
    var question: HeldQuestion?
}

/// A question's claims, which only an answer asserts ("Is kratom addictive? Yes.").
struct HeldQuestion {
    var sentence: Int
    var claims: [Claim]
    var explanations: [ClaimExplanation]
}
