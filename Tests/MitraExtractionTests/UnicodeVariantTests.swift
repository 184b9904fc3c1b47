import MitraModel
import Testing

@Suite struct UnicodeVariantTests {
    @Test func possessivesAndCurlyQuotes() {
        #expect(ExtractionFixture.mentions("Kratom\u{2019}s alkaloids") == ["kratom"])
        #expect(ExtractionFixture.mentions("kratom's alkaloids") == ["kratom"])
    }

    @Test func muSignsAndHyphens() {
        #expect(ExtractionFixture.mentions("\u{3BC}-opioid receptors") == ["mu-opioid-receptor"])
        #expect(ExtractionFixture.mentions("\u{B5}\u{2011}opioid receptor") == ["mu-opioid-receptor"])
        #expect(ExtractionFixture.mentions("7\u{2010}hydroxymitragynine") == ["7-hydroxymitragynine"])
        #expect(ExtractionFixture.mentions("MU OPIOID RECEPTORS") == ["mu-opioid-receptor"])
    }

    @Test func pluralsMatchTheirSingular() {
        #expect(ExtractionFixture.mentions("opioids and seizures") == ["opioid", "seizure"])
    }

    @Test func theLongestLabelWins() {
        #expect(ExtractionFixture.mentions("opioid use disorder") == ["opioid-use-disorder"])
    }

    @Test func shortCapitalLabelsNeedCapitals() {
        #expect(ExtractionFixture.mentions("people who use kratom").contains("who") == false)
        #expect(ExtractionFixture.mentions("Who uses kratom?").contains("who") == false)
        #expect(ExtractionFixture.mentions("The WHO reviewed kratom.").contains("who"))
    }

    @Test func spansIndexTheTextKept() {
        let text = "\u{201C}Kratom\u{2019}s\u{201D} \u{3BC}-opioid receptor effects \u{1F600} and nausea."
        let scalars = Array(text.unicodeScalars)
        for m in ExtractionFixture.result(text).mentions {
            #expect(String(String.UnicodeScalarView(scalars[m.span.start..<m.span.end])) == m.text)
        }
        #expect(ExtractionFixture.result(text).mentions.map(\.text) == ["Kratom", "\u{3BC}-opioid receptor", "nausea"])
    }
}
