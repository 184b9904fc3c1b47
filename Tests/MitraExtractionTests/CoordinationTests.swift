import Testing

@Suite struct CoordinationTests {
    @Test func oneObject() {
        #expect(ExtractionFixture.plain("Kratom relieves arthritis.") == ["kratom treats arthritis"])
    }

    @Test func aListGivesOneClaimEach() {
        #expect(ExtractionFixture.plain("Kratom provides relief from arthritis, fibromyalgia, and lower back pain.") == [
            "kratom treats arthritis", "kratom treats fibromyalgia", "kratom treats lower-back-pain",
        ])
    }

    @Test func examplesExtendTheObject() {
        #expect(ExtractionFixture.plain("Kratom relieves chronic pain conditions such as arthritis and fibromyalgia.") == [
            "kratom treats chronic-pain", "kratom treats arthritis", "kratom treats fibromyalgia",
        ])
    }

    @Test func coordinatedSubjectsShareTheClaim() {
        #expect(ExtractionFixture.plain("Mitragynine and 7-hydroxymitragynine bind to opioid receptors.") == [
            "mitragynine interacts_with opioid-receptor", "7-hydroxymitragynine interacts_with opioid-receptor",
        ])
    }

    @Test func aBareCommaDoesNotJoinDifferentKinds() {
        let claims = ExtractionFixture.plain("Because they act like opioids, kratom exposes users to the risk of addiction.")
        #expect(claims == ["kratom has_adverse_effect addiction"])
    }

    @Test func sideEffectListsAfterTheTrigger() {
        #expect(ExtractionFixture.plain("Kratom has side effects such as nausea, dizziness and constipation.") == [
            "kratom has_adverse_effect nausea", "kratom has_adverse_effect dizziness",
            "kratom has_adverse_effect constipation",
        ])
    }
}

/// Suspended hyphens: "kappa- and delta-opioid receptors" names both receptors.
@Suite struct SuspendedHyphenTests {
    @Test func aHangingHyphenSharesTheNextLabelsRest() {
        #expect(ExtractionFixture.mentions("Mitragynine acts at kappa- and delta-opioid receptors.")
            == ["mitragynine", "kappa-opioid-receptor", "delta-opioid-receptor"])
        #expect(ExtractionFixture.plain("Mitragynine acts at kappa- and delta-opioid receptors.") == [
            "mitragynine interacts_with kappa-opioid-receptor", "mitragynine interacts_with delta-opioid-receptor",
        ])
    }

    @Test func onlyAHangingHyphenAndOnlyWhereALabelResults() {
        #expect(ExtractionFixture.mentions("Mitragynine acts at kappa and delta-opioid receptors.")
            == ["mitragynine", "delta-opioid-receptor"])
        #expect(ExtractionFixture.mentions("Well- and delta-opioid receptors.") == ["delta-opioid-receptor"])
    }
}

/// Coordinated modifiers without hyphens: "mu and kappa receptors" names both receptors.
@Suite struct SharedHeadTests {
    @Test func aCoordinatedModifierSharesTheMentionsHead() {
        #expect(ExtractionFixture.plain("Mitragynine binds to mu and kappa receptors.") == [
            "mitragynine interacts_with mu-opioid-receptor", "mitragynine interacts_with kappa-opioid-receptor",
        ])
        #expect(ExtractionFixture.plain("The alkaloid 7-hydroxymitragynine acts on the kappa and delta opioid receptors.") == [
            "7-hydroxymitragynine interacts_with kappa-opioid-receptor", "7-hydroxymitragynine interacts_with delta-opioid-receptor",
        ])
        #expect(ExtractionFixture.mentions("Mitragynine binds to mu, kappa and delta receptors.")
            == ["mitragynine", "mu-opioid-receptor", "kappa-opioid-receptor", "delta-opioid-receptor"])
    }

    @Test func onlyWhereALabelResults() {
        // "nausea opioid withdrawal" is no label: nausea stays a mention of its own.
        #expect(ExtractionFixture.mentions("Kratom causes nausea and opioid withdrawal.") == ["kratom", "nausea", "opioid-withdrawal"])
        #expect(ExtractionFixture.mentions("Kratom is sold in shops and kappa receptors bind it.") == ["kratom", "kappa-opioid-receptor"])
    }
}
