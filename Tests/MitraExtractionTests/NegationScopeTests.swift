import Testing

@Suite struct NegationScopeTests {
    @Test func aPlainClaimIsNotDenied() {
        #expect(ExtractionFixture.plain("Kratom can cause constipation.") == ["kratom has_adverse_effect constipation"])
    }

    @Test func withoutDeniesEveryCoordinatedEffect() {
        let claims = ExtractionFixture.plain("Kratom relieves pain without causing drowsiness or addiction.")
        #expect(claims.contains("kratom treats pain"))
        #expect(claims.contains("kratom has_adverse_effect sedation (denied)"))
        #expect(claims.contains("kratom has_adverse_effect addiction (denied)"))
    }

    @Test func notReachesAListThroughItsFirstMember() {
        #expect(ExtractionFixture.plain("Kratom does not cause nausea, dizziness or constipation.") == [
            "kratom has_adverse_effect nausea (denied)", "kratom has_adverse_effect dizziness (denied)",
            "kratom has_adverse_effect constipation (denied)",
        ])
    }

    @Test func scopeEndsAtAContrast() {
        let claims = ExtractionFixture.plain("Kratom does not cause addiction, but it can cause constipation.")
        #expect(claims.contains("kratom has_adverse_effect addiction (denied)"))
        #expect(claims.contains("kratom has_adverse_effect constipation"))
    }

    @Test func notOnlyDeniesNothing() {
        #expect(ExtractionFixture.plain("Kratom not only relieves pain but also eases anxiety.")
            == ["kratom treats pain", "kratom treats anxiety"])
    }

    @Test func aDenialAfterTheClaimReachesBack() {
        #expect(ExtractionFixture.plain("That kratom causes seizures is a myth.").contains("kratom has_adverse_effect seizure (denied)"))
    }

    @Test func aBareVerbReadAsANounSharesTheNegation() {
        // The Penn tagger reads this "cause" as a noun; its form still makes it the bare verb.
        #expect(ExtractionFixture.plain("Kratom does not relieve pain and cause constipation.")
            == ["kratom treats pain (denied)", "kratom has_adverse_effect constipation (denied)"])
    }

    @Test func anAdjectiveOfTheTriggersNounIsNotItsObject() {
        // The adjective describes the remedy; what the remedy is for follows "for".
        for text in ["Kratom is a non-addictive remedy for pain.", "Kratom is a non-addictive treatment for pain."] {
            #expect(ExtractionFixture.plain(text) == ["kratom treats pain", "kratom has_adverse_effect addiction (denied)"])
        }
        #expect(ExtractionFixture.plain("Kratom is an addictive remedy for pain.")
            == ["kratom treats pain", "kratom has_adverse_effect addiction"])
        // A condition's noun before a nominal trigger is still its object.
        #expect(ExtractionFixture.plain("Kratom offers anxiety relief.") == ["kratom treats anxiety"])
    }

    @Test func aNegativeAdjectiveDeniesItsClause() {
        #expect(ExtractionFixture.plain("Kratom is non-addictive.") == ["kratom has_adverse_effect addiction (denied)"])
        #expect(ExtractionFixture.plain("Kratom is addictive.") == ["kratom has_adverse_effect addiction"])
    }

    @Test func aNegativeAdjectiveDeniesOnlyWhatItNames() {
        // "non-addictive" denies addiction (above), never the other claims of its clause.
        #expect(ExtractionFixture.plain("Kratom is a non-addictive way to relieve pain.") == ["kratom treats pain"])
        #expect(ExtractionFixture.plain("Kratom is a non-addictive alternative to opioids.").contains("kratom alternative_to opioid"))
    }

    @Test func aNegationInsideANameIsPartOfIt() {
        // "lack of energy" is a name of fatigue; "lack of" denies only outside a name.
        #expect(ExtractionFixture.plain("Kratom can relieve tiredness and lack of energy.") == ["kratom treats fatigue"])
        #expect(ExtractionFixture.plain("Kratom can cause lack of energy.") == ["kratom has_adverse_effect fatigue"])
    }

    @Test func aNegationInsideTheTriggerIsPartOfIt() {
        #expect(ExtractionFixture.plain("The FDA has not approved kratom.") == ["fda regulates kratom"])
    }

    @Test func aCoordinatedNewPredicateEndsTheScope() {
        #expect(ExtractionFixture.plain("Kratom is not an approved medicine and can cause headaches and insomnia.")
            == ["kratom has_adverse_effect headache", "kratom has_adverse_effect insomnia"])
        #expect(ExtractionFixture.plain("Kratom did not help my back pain and caused constipation.")
            == ["kratom treats back-pain (denied)", "kratom has_adverse_effect constipation"])
        #expect(ExtractionFixture.plain("Kratom is not a controlled substance and often leads to dependence.")
            == ["kratom has_adverse_effect dependence"])
    }

    @Test func aNegationStillReachesCoordinatedObjectsAndBareVerbs() {
        #expect(ExtractionFixture.plain("Kratom does not cause headaches or insomnia.")
            == ["kratom has_adverse_effect headache (denied)", "kratom has_adverse_effect insomnia (denied)"])
        // A bare verb shares the negated auxiliary.
        #expect(ExtractionFixture.plain("Kratom will not cause headaches or lead to insomnia.")
            == ["kratom has_adverse_effect headache (denied)", "kratom has_adverse_effect insomnia (denied)"])
    }

    @Test func aNewPredicateEndsAClauseCuesScopeToo() {
        #expect(ExtractionFixture.plain("Kratom is non-addictive and relieves back pain.")
            == ["kratom has_adverse_effect addiction (denied)", "kratom treats back-pain"])
    }

    @Test func notOnlyWithinANegationCueDeniesNothing() {
        #expect(ExtractionFixture.plain("Kratom is not only addictive but can also cause seizures.")
            == ["kratom has_adverse_effect addiction", "kratom has_adverse_effect seizure"])
    }
}
