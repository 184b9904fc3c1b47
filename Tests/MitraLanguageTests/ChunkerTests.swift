import MitraLanguage
import Testing

@Suite struct ChunkerTests {
    /// Each chunk as "its words → its head".
    func chunks(_ text: String) -> [String] {
        let (words, a) = analysed(text)
        return a.chunks.map { "\(words.text($0.range)) → \(words[$0.head])" }
    }

    /// Each comparison as "kind: object (heads)".
    func comparisons(_ text: String) -> [String] {
        let (words, a) = analysed(text)
        return a.comparisons.map { "\($0.kind): \(words.text($0.object)) (\($0.heads.map { words[$0] }.joined(separator: ", ")))" }
    }

    @Test func nothingGivesNothing() {
        let a = Chunker.analyse(words: [String](), tags: [])
        #expect(a.chunks.isEmpty && a.clauses.isEmpty && a.inserts.isEmpty && a.comparisons.isEmpty && a.boundaries.isEmpty)
        #expect(a.chunk(containing: 0) == nil)
    }

    @Test func oneNounIsItsOwnChunk() {
        #expect(chunks("kratom/NOUN") == ["kratom → kratom"])
        #expect(chunks("relieves/VERB").isEmpty)
    }

    @Test func theHeadIsTheLastNoun() {
        #expect(chunks("it/PRON reduces/VERB opioid/NOUN cravings/NOUN ./PUNCT") == ["it → it", "opioid cravings → cravings"])
        #expect(chunks("the/DET kratom/NOUN withdrawal/NOUN symptoms/NOUN") == ["the kratom withdrawal symptoms → symptoms"])
        let (_, a) = analysed("opioid/NOUN cravings/NOUN")
        #expect(a.isHead(1) && !a.isHead(0))
        #expect(a.chunk(containing: 0)?.modifiers == 0..<1)
    }

    @Test func aHyphenatedCompoundTakesItsLastWordsPartOfSpeech() {
        #expect(chunks("opioid/NOUN -/PUNCT like/ADJ effects/NOUN") == ["opioid - like effects → effects"])
        #expect(chunks("kratom/NOUN -/PUNCT related/VERB deaths/NOUN rose/VERB") == ["kratom - related deaths → deaths"])
        // Predicative: "opioid-like" is an adjective, so no chunk and no head "opioid".
        #expect(chunks("effects/NOUN are/AUX opioid/NOUN -/PUNCT like/ADJ") == ["effects → effects"])
    }

    @Test func aHyphenTheTokensDoNotShowCanBeGivenApart() {
        let (words, tags) = tagged("opioid/NOUN like/ADP effects/NOUN")
        let plain = Chunker.analyse(words: words, tags: tags)
        #expect(plain.comparisons.count == 1)
        let joined = Chunker.analyse(words: words, tags: tags, hyphenated: [true])
        #expect(joined.comparisons.isEmpty)
        #expect(joined.chunks.map(\.range) == [0..<3] && joined.chunks.map(\.head) == [2])
    }

    @Test func determinersAdverbsParticiplesAndPossessives() {
        #expect(chunks("the/DET very/ADV high/ADJ doses/NOUN") == ["the very high doses → doses"])
        #expect(chunks("the/DET reported/VERB effects/NOUN") == ["the reported effects → effects"])
        #expect(chunks("the/DET studies/NOUN showed/VERB worse/ADJ outcomes/NOUN")
                == ["the studies → studies", "worse outcomes → outcomes"])
        #expect(chunks("kratom/NOUN 's/PART effects/NOUN") == ["kratom 's effects → effects"])
        #expect(chunks("its/PRON alkaloids/NOUN bind/VERB") == ["its alkaloids → alkaloids"])
        #expect(chunks("pain/NOUN ,/PUNCT anxiety/NOUN and/CCONJ depression/NOUN")
                == ["pain → pain", "anxiety → anxiety", "depression → depression"])
    }

    @Test func comparisonsMarkWhatIsComparedWith() {
        #expect(comparisons("it/PRON acts/VERB like/ADP morphine/NOUN") == ["like: morphine (morphine)"])
        #expect(comparisons("unlike/ADP other/ADJ opioids/NOUN ,/PUNCT it/PRON") == ["unlike: other opioids (opioids)"])
        #expect(comparisons("it/PRON is/AUX similar/ADJ to/ADP tramadol/NOUN") == ["similarTo: tramadol (tramadol)"])
        #expect(comparisons("more/ADV potent/ADJ than/ADP codeine/NOUN") == ["than: codeine (codeine)"])
        #expect(comparisons("compared/VERB with/ADP placebo/NOUN ,/PUNCT kratom/NOUN helped/VERB")
                == ["comparedWith: placebo (placebo)"])
        #expect(comparisons("as/ADV potent/ADJ as/ADP morphine/NOUN") == ["asAs: morphine (morphine)"])
        #expect(comparisons("rather/ADV than/ADP methadone/NOUN") == ["ratherThan: methadone (methadone)"])
        let (words, a) = analysed("it/PRON is/AUX more/ADV potent/ADJ than/ADP codeine/NOUN")
        #expect(a.comparisons.map { words.text($0.marker) } == ["more potent than"])
        #expect(a.isCompared(5) && !a.isCompared(0))
    }

    @Test func aComparisonTakesTheWholeCoordinationButNotTheSubjectAfterIt() {
        #expect(comparisons("like/ADP morphine/NOUN and/CCONJ codeine/NOUN ,/PUNCT kratom/NOUN eases/VERB pain/NOUN")
                == ["like: morphine and codeine (morphine, codeine)"])
        #expect(comparisons("like/ADP morphine/NOUN ,/PUNCT kratom/NOUN eases/VERB pain/NOUN") == ["like: morphine (morphine)"])
        #expect(comparisons("like/ADP morphine/NOUN ,/PUNCT codeine/NOUN ,/PUNCT and/CCONJ heroin/NOUN")
                == ["like: morphine , codeine , and heroin (morphine, codeine, heroin)"])
    }

    @Test func notComparisons() {
        #expect(comparisons("users/NOUN like/VERB kratom/NOUN").isEmpty)
        #expect(comparisons("opioid/NOUN -/PUNCT like/ADJ effects/NOUN").isEmpty)
        #expect(comparisons("more/ADJ than/ADP 100/NUM people/NOUN").isEmpty)
        #expect(comparisons("opioids/NOUN such/ADJ as/ADP morphine/NOUN").isEmpty)
        #expect(comparisons("doses/NOUN were/AUX compared/VERB ;/PUNCT kratom/NOUN helped/VERB").isEmpty)
    }

    @Test func relativeClausesAttachToTheirNoun() {
        let (words, a) = analysed("users/NOUN who/PRON take/VERB kratom/NOUN report/VERB relief/NOUN ./PUNCT")
        #expect(a.clauses.map { "\($0.kind) \(words.text($0.range)) → \($0.antecedent.map { words[$0] } ?? "-")" }
                == ["relative who take kratom → users"])
        let (words2, b) = analysed("kratom/NOUN ,/PUNCT which/PRON is/AUX sold/VERB online/ADV ,/PUNCT causes/VERB nausea/NOUN")
        #expect(b.clauses.map { words2.text($0.range) } == ["which is sold online"])
        #expect(b.clause(containing: 4)?.antecedent == 0)
        #expect(b.clause(containing: 7) == nil)
        let (words3, c) = analysed("those/PRON who/PRON quit/VERB opioids/NOUN sleep/VERB better/ADV")
        #expect(c.clauses.map { "\(words3.text($0.range)) → \($0.antecedent.map { words3[$0] } ?? "-")" } == ["who quit opioids → those"])
        #expect(analysed("they/PRON said/VERB it/PRON that/PRON way/NOUN").analysis.clauses.isEmpty)
    }

    @Test func subordinateClausesAndBoundaries() {
        let (words, a) = analysed(
            "although/SCONJ it/PRON may/AUX relieve/VERB pain/NOUN ,/PUNCT it/PRON is/AUX not/PART safe/ADJ and/CCONJ can/AUX be/AUX addictive/ADJ")
        #expect(a.clauses.map { "\($0.kind) \(words.text($0.range))" } == ["subordinate although it may relieve pain"])
        #expect(a.boundaries.map { words[$0] } == ["although", "and"])
        let (words2, b) = analysed("nausea/NOUN and/CCONJ vomiting/NOUN ;/PUNCT it/PRON is/AUX risky/ADJ but/CCONJ legal/ADJ")
        #expect(b.boundaries.map { words2[$0] } == ["it", "but"])
    }

    @Test func insertsAreParenthesesCitationsAndDashes() {
        let (words, a) = analysed(
            "pain/NOUN (/PUNCT 91/NUM %/SYM )/PUNCT ,/PUNCT anxiety/NOUN [/PUNCT 3/NUM ]/PUNCT and/CCONJ (/PUNCT Smith/PROPN et/X al./X ,/PUNCT 2019/NUM )/PUNCT —/PUNCT a/DET plant/NOUN —/PUNCT")
        #expect(a.inserts.map { "\($0.kind) \(words.text($0.range))" }
                == ["parenthesis ( 91 % )", "citation [ 3 ]", "citation ( Smith et al. , 2019 )", "dash — a plant —"])
        #expect(a.isInserted(2) && !a.isInserted(0))
    }

    /// Each coordination as its chunk heads.
    func coordinations(_ text: String) -> [[String]] {
        let (words, a) = analysed(text)
        return a.coordinations.map { $0.heads.map { words[$0] } }
    }

    @Test func coordinationsSkipInsertsAndNeedAConjunctionOrTheEnd() {
        #expect(coordinations("pain/NOUN (/PUNCT 91/NUM %/SYM )/PUNCT ,/PUNCT anxiety/NOUN (/PUNCT 67/NUM %/SYM )/PUNCT ,/PUNCT and/CCONJ depression/NOUN ./PUNCT")
                == [["pain", "anxiety", "depression"]])
        #expect(coordinations("it/PRON treats/VERB arthritis/NOUN ,/PUNCT fibromyalgia/NOUN ,/PUNCT and/CCONJ lower/ADJ back/NOUN pain/NOUN")
                == [["arthritis", "fibromyalgia", "pain"]])
        #expect(coordinations("nausea/NOUN ,/PUNCT constipation/NOUN ,/PUNCT dry/ADJ mouth/NOUN ./PUNCT")
                == [["nausea", "constipation", "mouth"]])
        #expect(coordinations("like/ADP morphine/NOUN ,/PUNCT kratom/NOUN eases/VERB pain/NOUN").isEmpty)
        #expect(coordinations("tremor/NOUN and/CCONJ weight/NOUN loss/NOUN are/AUX side/NOUN effects/NOUN")
                == [["tremor", "loss"]])
        let (_, a) = analysed("tremor/NOUN and/CCONJ weight/NOUN loss/NOUN")
        #expect(a.coordination(containing: 2)?.range == 0..<4)
        #expect(a.coordination(containing: 1) == nil)
    }

    @Test func questionsAreMarked() {
        #expect(analysed("does/AUX kratom/NOUN work/VERB for/ADP pain/NOUN ?/PUNCT").analysis.isQuestion)
        #expect(analysed("can/AUX kratom/NOUN cause/VERB seizures/NOUN").analysis.isQuestion)
        #expect(!analysed("kratom/NOUN can/AUX cause/VERB seizures/NOUN ./PUNCT").analysis.isQuestion)
        #expect(!analysed("do/AUX not/PART use/VERB kratom/NOUN ./PUNCT").analysis.isQuestion)
        #expect(!Chunker.analyse(words: [String](), tags: []).isQuestion)
    }
}
