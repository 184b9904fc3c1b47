import Testing

@Suite struct HedgeTests {
    @Test func anAssertionIsNotHedged() {
        #expect(ExtractionFixture.claims("Kratom relieves anxiety.") == ["kratom treats anxiety"])
    }

    @Test func aModalHedges() {
        #expect(ExtractionFixture.claims("Kratom may relieve anxiety.") == ["kratom treats anxiety (hedged)"])
    }

    @Test func reportedEvidenceHedges() {
        #expect(ExtractionFixture.claims("Research suggests that kratom relieves chronic pain.")
            == ["kratom treats chronic-pain (hedged)"])
        #expect(ExtractionFixture.claims("Kratom is believed to cause constipation.")
            == ["kratom has_adverse_effect constipation (hedged)"])
    }

    @Test func aHedgeNeverDenies() {
        #expect(ExtractionFixture.claims("Kratom might possibly lead to dependence.")
            == ["kratom has_adverse_effect dependence (hedged)"])
    }

    @Test func aHedgeEndsAtACoordinatedNewPredicate() {
        // A finite verb after the coordinator is a predicate of its own, asserted outright.
        #expect(ExtractionFixture.claims("Kratom may relieve pain and causes constipation.")
            == ["kratom treats pain (hedged)", "kratom has_adverse_effect constipation"])
        #expect(ExtractionFixture.claims("Kratom could ease anxiety and often causes nausea.")
            == ["kratom treats anxiety (hedged)", "kratom has_adverse_effect nausea"])
        // A hedge after the coordinator does not reach back.
        #expect(ExtractionFixture.claims("Kratom relieves pain and may cause nausea.")
            == ["kratom treats pain", "kratom has_adverse_effect nausea (hedged)"])
        // A bare verb shares the modal.
        #expect(ExtractionFixture.claims("Kratom may relieve pain and cause constipation.")
            == ["kratom treats pain (hedged)", "kratom has_adverse_effect constipation (hedged)"])
    }

    @Test func aHedgeInAnotherClauseDoesNotReach() {
        let claims = ExtractionFixture.claims("Kratom relieves pain, but opioids may cause constipation.")
        #expect(claims.contains("kratom treats pain"))
        #expect(claims.contains("opioid has_adverse_effect constipation (hedged)"))
    }
}
