import Testing

@Suite struct AnaphoraTests {
    @Test func noPlantNoAnaphor() {
        #expect(ExtractionFixture.plain("It relieves pain.").isEmpty)
    }

    @Test func itStandsForThePlantNamedBefore() {
        let result = ExtractionFixture.result("Kratom is a tropical tree. It relieves chronic pain.")
        #expect(result.claims.map(ExtractionFixture.describe) == ["kratom treats chronic-pain"])
        #expect(result.claims.first?.rule == "anaphor-subject")
        #expect(result.claims.first?.sentenceIndex == 1)
    }

    @Test func aNounPhraseAnaphorStandsForThePlant() {
        #expect(ExtractionFixture.plain("Kratom grows in Thailand. The herb can cause nausea.")
            == ["kratom has_adverse_effect nausea"])
    }

    @Test func itAfterAnotherSubstanceIsNotThePlant() {
        #expect(ExtractionFixture.plain("Kratom is a tree. Morphine is an opioid. It relieves pain.").isEmpty)
    }

    @Test func aFrontedPhraseFindsItsSubjectAfterTheComma() {
        #expect(ExtractionFixture.plain("By binding to opioid receptors, mitragynine reduces pain.")
            == ["mitragynine interacts_with opioid-receptor", "mitragynine treats pain"])
    }

    @Test func anAppositiveDescribesTheMentionBeforeIt() {
        #expect(ExtractionFixture.plain("Mitragynine, the main alkaloid in kratom, binds to mu-opioid receptors.")
            .contains("mitragynine interacts_with mu-opioid-receptor"))
    }
}
