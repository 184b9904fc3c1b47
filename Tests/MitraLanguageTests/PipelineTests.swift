import MitraLanguage
import Testing

/// The three parts together, as the extractor uses them: the shipped tagger with entity
/// mentions fixed as nouns, then the chunker and the lemmatizer.
@Suite struct PipelineTests {
    func analyse(_ sentence: String, nouns: Set<String>) throws -> (words: [String], tags: [UniversalTag], analysis: SentenceAnalysis) {
        let words = sentence.split(separator: " ").map(String.init)
        let known = words.map { nouns.contains($0.lowercased()) ? UniversalTag.noun : nil }
        let tags = try PartOfSpeechTagger.shipped().tag(words, known: known)
        return (words, tags, Chunker.analyse(words: words, tags: tags))
    }

    @Test func aComparedDrugAndACompoundHead() throws {
        let (words, _, a) = try analyse("Like morphine , kratom eases opioid cravings .", nouns: ["morphine", "kratom", "opioid"])
        #expect(a.isCompared(1) && !a.isCompared(3))
        #expect(a.chunk(containing: 5).map { words[$0.head] } == "cravings")
    }

    @Test func aHyphenatedAdjectiveIsNotAHead() throws {
        let (words, tags, a) = try analyse("The leaves have opioid - like effects .", nouns: ["opioid"])
        #expect(a.chunks.map { words[$0.head] } == ["leaves", "effects"])
        #expect(Lemmatizer.lemma(of: words[2], tag: tags[2]) == "have")
    }

    @Test func lemmasOfCueVerbs() throws {
        let (words, tags, _) = try analyse("Daily use has led to dependence and caused seizures .", nouns: ["dependence", "seizures"])
        #expect(Lemmatizer.lemma(of: words[3], tag: tags[3]) == "lead")
        #expect(Lemmatizer.lemma(of: words[7], tag: tags[7]) == "cause")
        #expect(Lemmatizer.lemma(of: words[8], tag: tags[8]) == "seizure")
    }
}
