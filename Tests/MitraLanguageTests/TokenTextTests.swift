import MitraLanguage
import Testing

@Suite struct TokenTextTests {
    let text = Array("Opioid-like effects, kratom\u{2011}related deaths - rare".unicodeScalars)

    @Test func noSpansNoWords() {
        #expect(TokenText.words(of: text, spans: []).isEmpty)
        #expect(TokenText.hyphenated(text, spans: []).isEmpty)
    }

    @Test func wordsAsWrittenAndTheHyphensBetweenThem() {
        // The spans a tokenizer that drops hyphens gives.
        let spans = [0..<6, 7..<11, 12..<19, 19..<20, 21..<27, 28..<35, 36..<42, 45..<49]
        #expect(TokenText.words(of: text, spans: spans) == ["Opioid", "like", "effects", ",", "kratom", "related", "deaths", "rare"])
        // A spaced dash is no hyphen.
        #expect(TokenText.hyphenated(text, spans: spans) == [true, false, false, false, true, false, false, false])
        #expect(TokenText.words(of: text, spans: [40..<90, 3..<3]) == ["", ""])
    }
}
