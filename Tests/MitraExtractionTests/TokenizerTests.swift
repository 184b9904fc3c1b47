import MitraExtraction
import MitraModel
import Testing

@Suite struct TokenizerTests {
    func words(_ text: String) -> [String] {
        Tokenizer().tokens(in: Array(text.unicodeScalars)).map(\.normalized)
    }

    @Test func nothingGivesNoTokens() { #expect(words("").isEmpty) }

    @Test func oneWord() { #expect(words("Kratom") == ["kratom"]) }

    @Test func possessiveIsDroppedButContractionsStay() {
        #expect(words("kratom's effects") == ["kratom", "effects"])
        #expect(words("kratom\u{2019}s") == ["kratom"])
        #expect(words("doesn't") == ["doesn't"])
    }

    @Test func hyphensSplitAndMuFolds() {
        #expect(words("7-hydroxymitragynine") == ["7", "hydroxymitragynine"])
        #expect(words("\u{3BC}\u{2011}opioid") == ["mu", "opioid"])
    }

    @Test func punctuationIsItsOwnToken() {
        #expect(words("pain, nausea.") == ["pain", ",", "nausea", "."])
    }
}

@Suite struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().sentences(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func noTextNoSentence() { #expect(split("").isEmpty) }

    @Test func oneSentence() { #expect(split("Kratom is a plant.") == ["Kratom is a plant."]) }

    @Test func twoSentencesAndAbbreviations() {
        #expect(split("Dr. Smith studied it, e.g. in 2.5 mg doses. The U.S. FDA warned.")
            == ["Dr. Smith studied it, e.g. in 2.5 mg doses.", "The U.S. FDA warned."])
    }

    @Test func lineBreaksEndHeadingsAndListItems() {
        #expect(split("Benefits\n- pain relief\n- better sleep") == ["Benefits", "- pain relief", "- better sleep"])
    }
}
