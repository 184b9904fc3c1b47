import MitraLanguage

/// The tagger and chunker as the claim rules use them: only for sentences a rule's prefilter
/// let through (most sentences fail every prefilter, so extraction speed holds).
struct SyntaxLayer: Sendable {
    let tagger: PartOfSpeechTagger

    /// Penn Treebank tags, where UPOS is too coarse (a finite verb against a bare one); loaded
    /// the first time a sentence needs them.
    static let penn: PennTagger? = try? PennTagger.shipped()

    /// Heads a substance names the form or use of ("kratom use", "kratom products"): the
    /// substance still takes part in claims about them.
    static let substanceForms: Set<String> = [
        "use", "user", "consumption", "product", "extract", "tea", "powder", "leaf", "dose", "dosage", "supplement",
        "capsule", "strain", "preparation", "intake", "ingestion", "administration", "exposure", "abuse", "misuse",
        "dependence", "addiction", "withdrawal", "overdose", "toxicity", "poisoning", "treatment", "therapy",
        // A condition's own measures and care: "reduce pain perception" still reduces pain.
        "perception", "management", "relief", "severity", "symptom", "sensitivity", "level", "intensity",
        // A therapy's own sittings and plans: "my physical therapy sessions" are physical therapy.
        "session", "program", "programme", "routine", "class", "course", "regimen",
    ]

    /// Heads that are a drug's own form ("opioid pills", "opioid medications" are opioids): they
    /// keep a substance that modifies them, not a condition ("pain pills" names no pain).
    static let drugForms: Set<String> = ["pill", "tablet", "medication", "medicine", "drug", "painkiller", "prescription"]

    /// The shipped tagger, or nil when its model is not installed (the rules then run on
    /// their token-level cues alone).
    static let shipped: SyntaxLayer? = (try? PartOfSpeechTagger.shipped()).map { SyntaxLayer(tagger: $0) }

    /// The sentence tagged with every mention fixed as a noun, and chunked.
    func analyse(_ words: [String], mentions: [ExtractionEngine.Located], hyphenated: [Bool]) -> MitraLanguage.SentenceAnalysis {
        Chunker.analyse(words: words, tags: tags(words, mentions: mentions), hyphenated: hyphenated)
    }

    /// The words' UPOS tags with every mention fixed as a noun.
    func tags(_ words: [String], mentions: [ExtractionEngine.Located]) -> [UniversalTag] {
        var known = [UniversalTag?](repeating: nil, count: words.count)
        for m in mentions { for k in m.start..<m.end { known[k] = .noun } }
        return tagger.tag(words, known: known)
    }

    /// Which mentions only modify a head that names no entity ("opioid cravings", "pain
    /// pills"): the phrase is about the head, so such a mention takes part in no claim. A
    /// chunk with a second mention ("kratom withdrawal symptoms") or a head that is a form or
    /// use of the substance ("kratom use") keeps its mentions.
    static func modifiersOfOtherHeads(
        _ syntax: MitraLanguage.SentenceAnalysis, words: [String], mentions: [ExtractionEngine.Located], keeps: [Bool],
        isSubstance: (ExtractionEngine.Located) -> Bool = { _ in false }
    ) -> [Bool] {
        var inMention = [Bool](repeating: false, count: words.count)
        for m in mentions { for k in m.start..<m.end { inMention[k] = true } }
        return mentions.map { m in
            guard let chunk = syntax.chunk(containing: m.end - 1), chunk.head >= m.end, chunk.head < words.count,
                !inMention[chunk.head], syntax.tags[chunk.head] == .noun
            else { return false }
            if mentions.contains(where: { $0.start != m.start && chunk.range.contains($0.start) }) { return false }
            // A cue or link word between the mention and its head, or on the head, keeps it; so
            // does a verb or number there or right after the head, where the tagger most often
            // read a verb as a noun ("the FDA keeps warning").
            for k in (m.end - 1)...chunk.head where keeps[k] || syntax.tags[k] == .numeral { return false }
            if chunk.head + 1 < words.count, [.verb, .auxiliary, .adposition].contains(syntax.tags[chunk.head + 1]) { return false }
            let head = Lemmatizer.lemma(of: words[chunk.head], tag: .noun)
            return !substanceForms.contains(head) && !(drugForms.contains(head) && isSubstance(m))
        }
    }
}
