import MitraLanguage
import Testing

@Suite struct LemmatizerTests {
    func lemmas(_ pairs: [(String, UniversalTag)]) -> [String] { pairs.map { Lemmatizer.lemma(of: $0.0, tag: $0.1) } }

    @Test func emptyWordStaysEmpty() { #expect(Lemmatizer.lemma(of: "", tag: .noun) == "") }

    @Test func oneRegularPluralAndCase() {
        #expect(Lemmatizer.lemma(of: "Effects", tag: .noun) == "effect")
        #expect(Lemmatizer.lemma(of: "Kratom", tag: .properNoun) == "kratom")
    }

    @Test func irregularVerbsAndAuxiliaries() {
        #expect(lemmas([("led", .verb), ("leads", .verb), ("leading", .verb), ("was", .auxiliary), ("'s", .auxiliary),
                        ("has", .auxiliary), ("did", .auxiliary), ("taken", .verb), ("ca", .auxiliary), ("doesn't", .auxiliary)])
                == ["lead", "lead", "lead", "be", "be", "have", "do", "take", "can", "do"])
    }

    @Test func regularVerbsUndoDoublingAndDroppedE() {
        #expect(lemmas([("caused", .verb), ("causing", .verb), ("stopped", .verb), ("helped", .verb), ("relieving", .verb),
                        ("associated", .verb), ("required", .verb), ("combined", .verb), ("visited", .verb),
                        ("treating", .verb), ("studied", .verb), ("manages", .verb), ("used", .verb), ("using", .verb),
                        ("focusing", .verb), ("agreed", .verb), ("needed", .verb), ("handled", .verb), ("bring", .verb)])
                == ["cause", "cause", "stop", "help", "relieve", "associate", "require", "combine", "visit", "treat",
                    "study", "manage", "use", "use", "focus", "agree", "need", "handle", "bring"])
    }

    @Test func nounPlurals() {
        #expect(lemmas([("studies", .noun), ("doses", .noun), ("viruses", .noun), ("causes", .noun), ("analyses", .noun),
                        ("children", .noun), ("headaches", .noun), ("boxes", .noun), ("leaves", .noun), ("news", .noun),
                        ("process", .noun), ("diabetes", .noun), ("alkaloids", .noun)])
                == ["study", "dose", "virus", "cause", "analysis", "child", "headache", "box", "leaf", "news", "process",
                    "diabetes", "alkaloid"])
    }

    @Test func comparativesAndSuperlatives() {
        #expect(lemmas([("worse", .adjective), ("best", .adjective), ("larger", .adjective), ("happier", .adjective),
                        ("bigger", .adjective), ("strongest", .adjective), ("other", .adjective), ("better", .adverb)])
                == ["bad", "good", "large", "happy", "big", "strong", "other", "well"])
    }

    @Test func comparativeAdverbsAndProgressivesInY() {
        #expect(lemmas([("later", .adverb), ("rather", .adverb), ("smaller", .adjective), ("trying", .verb),
                        ("hanging", .verb), ("tasted", .verb), ("movies", .noun), ("1970s", .noun)])
                == ["late", "rather", "small", "try", "hang", "taste", "movie", "1970s"])
    }

    @Test func aSentenceAtOnce() {
        #expect(Lemmatizer.lemmas(of: ["Users", "reported", "worse", "cravings"], tags: [.noun, .verb, .adjective, .noun])
                == ["user", "report", "bad", "craving"])
        #expect(Lemmatizer.lemmas(of: ["a", "b"], tags: [.noun]) == ["a"])
    }

    @Test func closedClassWords() {
        #expect(lemmas([("n't", .particle), ("them", .pronoun), ("an", .determiner), ("these", .determiner), ("of", .adposition)])
                == ["not", "they", "a", "this", "of"])
    }
}
