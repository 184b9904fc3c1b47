import Testing

@Suite struct ImplicitSubjectTests {
    @Test func useWithoutAPlantSaysNothing() {
        #expect(ExtractionFixture.plain("Long-term use can lead to tolerance.").isEmpty)
    }

    @Test func useInAPlantDocumentIsThePlantsUse() {
        let result = ExtractionFixture.result("Kratom is sold online. Long-term use can lead to tolerance, dependence, and withdrawal.")
        #expect(Set(result.claims.map(ExtractionFixture.describe)) == [
            "kratom has_adverse_effect tolerance", "kratom has_adverse_effect dependence",
            "kratom has_adverse_effect withdrawal",
        ])
        #expect(result.claims.allSatisfy { $0.rule == "implicit-subject" })
    }

    @Test func usersReportForThePlant() {
        #expect(ExtractionFixture.plain("Kratom is sold online. Some users report nausea and constipation after high doses.")
            .isSuperset(of: []))
        #expect(ExtractionFixture.plain("Kratom is sold online. Some users experience nausea and constipation.")
            == ["kratom has_adverse_effect nausea", "kratom has_adverse_effect constipation"])
    }

    @Test func anotherSubstanceTakesThePlace() {
        #expect(ExtractionFixture.plain("Kratom is sold online. Long-term use of opioids can lead to tolerance.")
            == ["opioid has_adverse_effect tolerance"])
    }

    @Test func sideEffectsWithNoSubstanceAreThePlants() {
        #expect(ExtractionFixture.plain("Commonly reported side effects include nausea and dizziness.").isEmpty)
        #expect(ExtractionFixture.plain("Kratom grows in Asia. Commonly reported side effects include nausea and dizziness.")
            == ["kratom has_adverse_effect nausea", "kratom has_adverse_effect dizziness"])
        #expect(ExtractionFixture.plain("Kratom grows in Asia. Side effects of morphine include nausea.")
            == ["morphine has_adverse_effect nausea"])
    }

    @Test func patientsPresentingWithEffectsAreAboutThePlant() {
        // A clinical reference's wording, in a document about the plant.
        #expect(ExtractionFixture.plain("Kratom toxicity\nPatients may present with tachycardia and vomiting.")
            == ["kratom has_adverse_effect tachycardia", "kratom has_adverse_effect vomiting"])
        // Another substance named before the trigger is the subject instead.
        #expect(ExtractionFixture.plain("Kratom toxicity\nPatients on morphine may present with constipation.")
            == ["morphine has_adverse_effect constipation"])
    }

    @Test func effectsDescribedInCaseReportsAreThePlants() {
        #expect(ExtractionFixture.plain("Kratom is a tree.\nTremor and psychosis have been described in case reports.")
            == ["kratom has_adverse_effect tremor", "kratom has_adverse_effect psychosis"])
    }

    @Test func easingOffADrugIsAnAlternativeToIt() {
        #expect(ExtractionFixture.plain("Some people use kratom to ease off opioids.") == ["kratom alternative_to opioid"])
    }

    @Test func aFragmentWithoutSubjectIsAboutThePlant() {
        #expect(ExtractionFixture.plain("Supports relief from back pain").isEmpty)
        #expect(ExtractionFixture.plain("Kratom capsules\nSupports relief from back pain\nNo nausea or jitters")
            == ["kratom treats back-pain", "kratom has_adverse_effect nausea (denied)", "kratom has_adverse_effect restlessness (denied)"])
        // A modal may open the fragment, as on a label's warnings.
        #expect(ExtractionFixture.plain("Kratom capsules\nWarnings: Keep out of reach of children. May cause drowsiness.")
            == ["kratom has_adverse_effect sedation"])
        #expect(ExtractionFixture.plain("Kratom capsules\nSome say morphine may cause drowsiness.") == ["morphine has_adverse_effect sedation"])
        // A longer sentence with no subject says nothing about the plant.
        #expect(ExtractionFixture.plain("""
            Kratom capsules. In the clinic we often see that careful, slow and well supervised programmes bring relief from back pain.
            """).isEmpty)
    }
}

/// Effects reported in users, with adverbs in the passive and the paraphrase "described in";
/// "worked better for".
@Suite struct ReportedInUsersTests {
    @Test func workedBetterFor() {
        #expect(ExtractionFixture.plain("Gabapentin, which worked better for my back pain, made me dizzy.")
            == ["gabapentin treats back-pain", "gabapentin has_adverse_effect dizziness"])
    }

    @Test func adverbsInThePassiveDoNotDetachTheObjects() {
        #expect(ExtractionFixture.plain("Kratom is sold online. Tremor and weight loss have also been described in long-term users.")
            == ["kratom has_adverse_effect tremor", "kratom has_adverse_effect weight-loss"])
        #expect(ExtractionFixture.plain("Kratom is sold online. Seizures have rarely been reported in heavy users.")
            == ["kratom has_adverse_effect seizure"])
    }
}
