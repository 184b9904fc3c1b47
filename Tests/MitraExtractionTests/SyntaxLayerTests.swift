import Testing

/// The tagger and chunker decide which mentions are only modifiers of a head that names no entity.
@Suite struct SyntaxLayerTests {
    @Test func aModifierOfAnotherHeadTakesPartInNoClaim() {
        #expect(ExtractionFixture.plain("Kratom eased my pain doctor's worries.") == [])
        #expect(ExtractionFixture.plain("Mitragynine helps relieve anxiety clinic waits.") == [])
    }

    @Test func theSameMentionAsTheHeadStillCounts() {
        #expect(ExtractionFixture.plain("Kratom eased my pain.") == ["kratom treats pain"])
        #expect(ExtractionFixture.plain("Mitragynine helps relieve anxiety.") == ["mitragynine treats anxiety"])
    }

    @Test func aConditionsOwnMeasureKeepsTheCondition() {
        #expect(ExtractionFixture.plain("Mitragynine may reduce pain perception.") == ["mitragynine treats pain"])
    }

    @Test func aPossessorIsNotAModifier() {
        #expect(ExtractionFixture.plain("One alkaloid is mitragynine, which is responsible for kratom's analgesic properties.")
            .contains("kratom contains mitragynine"))
    }
}
