import Testing

/// What agencies do in regulatory prose: the object before a nominal trigger, the harms a
/// warning lists, a new clause after the trigger, and "it" that carries a harm.
@Suite struct AgencyWordingTests {
    @Test func theObjectBetweenTheAgencyAndANominalTrigger() {
        #expect(ExtractionFixture.plain("The FDA has placed kratom on an import alert.") == ["fda regulates kratom"])
        #expect(ExtractionFixture.plain("The DEA moved to place mitragynine and 7-hydroxymitragynine in Schedule I.")
            == ["dea regulates mitragynine", "dea regulates 7-hydroxymitragynine"])
        // Not an object another trigger has taken, across a coordinator.
        #expect(!ExtractionFixture.plain("The FDA has not approved kratom for any condition and has warned consumers.")
            .contains("fda warns_about kratom (denied)"))
    }

    @Test func aWarningNamesEveryHarmItLists() {
        #expect(ExtractionFixture.plain("The FDA warned consumers about kratom because of seizures and substance use disorder.")
            .isSuperset(of: ["fda warns_about seizure", "fda warns_about substance-use-disorder"]))
    }

    @Test func aNewClauseAfterTheTriggerHoldsNoAgent() {
        let claims = ExtractionFixture.plain("The DEA lists kratom as a drug of concern, and the FDA agrees.")
        #expect(claims.contains("dea warns_about kratom"))
        #expect(!claims.contains("fda warns_about kratom"))
    }

    @Test func itCarriesAHarmSoItIsThePlant() {
        #expect(ExtractionFixture.plain("Kratom is sold online. The FDA has warned that it carries a risk of addiction.")
            .isSuperset(of: ["fda warns_about kratom", "fda warns_about addiction"]))
    }
}
