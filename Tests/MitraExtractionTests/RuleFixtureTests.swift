import MitraExtraction
import MitraModel
import Testing

/// One fixture per claim rule, against the tiny ontology, asserting the rule's id.
@Suite struct RuleFixtureTests {
    @Test func triggerBetweenTwoMentions() {
        #expect(TinyOntology.claims("Kratom relieves pain.") == ["kratom treats pain [trigger-between]"])
    }

    @Test func objectsThenTheirSubjectAfterTo() {
        let tiny = "Case reports have caused nausea and insomnia to kratom."
        #expect(TinyOntology.claims(tiny) == [
            "kratom has_adverse_effect nausea [trigger-dative]", "kratom has_adverse_effect insomnia [trigger-dative]",
        ])
    }

    @Test func listItemsDistributeOverTheirLeadIn() {
        let text = "Kratom is sold online.\nSide effects:\n- nausea\n- insomnia\n"
        #expect(TinyOntology.claims(text) == [
            "kratom has_adverse_effect nausea [list-lead-in]", "kratom has_adverse_effect insomnia [list-lead-in]",
        ])
    }

    @Test func aRelationalHeadingGovernsItsListInMarkdown() {
        let text = "# Kratom\n\n## Uses\n\n- pain\n- insomnia\n"
        #expect(TinyOntology.claims(text, format: "markdown") == [
            "kratom treats pain [list-lead-in]", "kratom treats insomnia [list-lead-in]",
        ])
    }

    @Test func aCategoryAndItsExamples() {
        #expect(TinyOntology.claims("Kratom is a plant.\nWithdrawal symptoms after use may include insomnia and nausea.") == [
            "kratom has_adverse_effect insomnia [category-examples+implicit-subject]",
            "kratom has_adverse_effect nausea [category-examples+implicit-subject]",
            "kratom has_adverse_effect withdrawal [category-examples+implicit-subject]",
        ])
    }

    @Test func aCopulaBeforeAnAdverseAdjective() {
        #expect(TinyOntology.claims("Kratom is not addictive.") == ["kratom has_adverse_effect addiction (denied) [copula-adjective]"])
    }

    @Test func aNegationOnAnAdverseEffect() {
        #expect(TinyOntology.claims("Kratom without nausea.") == [
            "kratom has_adverse_effect nausea (denied) [negation-adverse-effect]",
        ])
    }

    @Test func aSubjectForACondition() {
        #expect(TinyOntology.claims("I take kratom for pain.") == ["kratom treats pain [subject-for-condition]"])
    }

    @Test func anEffectOfASubstance() {
        #expect(TinyOntology.claims("The addictive potential of morphine is high.") == [
            "morphine has_adverse_effect addiction [effect-of-substance]",
        ])
    }

    @Test func aNounCompound() {
        #expect(TinyOntology.claims("Kratom withdrawal is hard.") == ["kratom has_adverse_effect withdrawal [noun-compound]"])
    }

    @Test func aPlantWithItsAlkaloid() {
        #expect(TinyOntology.claims("Kratom has mitragynine.") == ["kratom contains mitragynine [cooccurrence-contains]"])
    }
}
