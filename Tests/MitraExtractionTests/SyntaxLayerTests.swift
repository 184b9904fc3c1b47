import MitraModel
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

    @Test func aTherapysSessionsAreTheTherapy() {
        #expect(ExtractionFixture.plain("Kratom works well alongside my physical therapy sessions.") == ["kratom complements physical-therapy"])
        #expect(ExtractionFixture.plain("Kratom works well alongside my physical therapy routine.") == ["kratom complements physical-therapy"])
    }

    @Test func aDrugsPillsAreTheDrugButPainPillsNameNoPain() {
        #expect(ExtractionFixture.plain("Kratom is an alternative to opioid pills.") == ["kratom alternative_to opioid"])
        #expect(ExtractionFixture.plain("Kratom is an alternative to pain pills.") == [])
    }

    @Test func aFragmentsObjectIsNoSubjectOfItsOwn() {
        // A list item on a page about kratom: the drug is what kratom replaces.
        let text = "Kratom is sold here.\n\n- A natural alternative to opioid pain pills\n"
        let claims = Set(ExtractionFixture.extractor.extract(Document(id: "p.md", text: text, format: "markdown")).claims.map {
            "\($0.subject) \($0.predicate) \($0.object)"
        })
        #expect(claims == ["kratom alternative_to opioid"])
    }
}
