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

    // MARK: the syntactic layer in the trigger rule

    @Test func aCoordinatedNewPredicateEndsANegation() {
        #expect(TinyOntology.claims("Kratom is not a medicine and can cause nausea.") == [
            "kratom has_adverse_effect nausea [trigger-between]",
        ])
        #expect(TinyOntology.claims("Kratom does not cause nausea and insomnia.") == [
            "kratom has_adverse_effect nausea (denied) [trigger-between]", "kratom has_adverse_effect insomnia (denied) [trigger-between]",
        ])
    }

    @Test func aTriggerInARelativeClauseTakesItsAntecedentAsSubject() {
        #expect(TinyOntology.claims("Morphine, which binds to opioid receptors, can cause nausea.") == [
            "morphine interacts_with opioid-receptor [relative-subject]", "morphine has_adverse_effect nausea [trigger-between]",
        ])
    }

    @Test func aMentionInsideAClosedRelativeClauseIsNoSubject() {
        #expect(TinyOntology.claims("Kratom, which is often sold with morphine, can cause nausea.") == [
            "kratom has_adverse_effect nausea [trigger-between]",
        ])
    }

    @Test func anObjectRelativeClauseRelatesItsSubjectToTheAntecedent() {
        #expect(TinyOntology.claims("Morphine acts on the same opioid receptors that mitragynine binds to.") == [
            "mitragynine interacts_with opioid-receptor [relative-object]",
        ])
        #expect(TinyOntology.claims("Kratom is sold for the pain that it can relieve.") == [
            "kratom treats pain [relative-object]",
        ])
    }

    @Test func whatAComparisonComparesWithIsNoSubject() {
        #expect(TinyOntology.claims("Kratom is safer than morphine and can relieve pain.") == ["kratom treats pain [trigger-between]"])
        #expect(TinyOntology.claims("Kratom, like morphine, can relieve pain.") == ["kratom treats pain [trigger-between]"])
        #expect(TinyOntology.claims("Kratom rather than morphine can relieve pain.") == ["kratom treats pain [trigger-between]"])
        // What the comparison compares with is still the subject of its own relative clause.
        #expect(TinyOntology.claims("Kratom is safer than morphine, which can cause nausea.") == [
            "morphine has_adverse_effect nausea [relative-subject]",
        ])
    }

    // MARK: recall shapes of the trigger rule

    @Test func aWithdrawalsSymptomsAreTheSubstances() {
        #expect(TinyOntology.claims("Kratom is a plant. Stopping suddenly is hard, because withdrawal can cause nausea and insomnia.") == [
            "kratom has_adverse_effect withdrawal [withdrawal-symptoms]", "kratom has_adverse_effect nausea [withdrawal-symptoms]",
            "kratom has_adverse_effect insomnia [withdrawal-symptoms]",
        ])
        #expect(TinyOntology.claims("Morphine withdrawal can cause nausea.") == [
            "morphine has_adverse_effect withdrawal [withdrawal-symptoms]", "morphine has_adverse_effect nausea [withdrawal-symptoms]",
        ])
    }

    @Test func symptomsThatComeWithAWithdrawalAreTheSubstances() {
        #expect(TinyOntology.claims("Morphine withdrawal with nausea and insomnia is hard.") == [
            "morphine has_adverse_effect withdrawal [noun-compound]",
            "morphine has_adverse_effect nausea [noun-compound+withdrawal-symptoms]",
            "morphine has_adverse_effect insomnia [noun-compound+withdrawal-symptoms]",
        ])
        // Only what follows "with" right after the withdrawal.
        #expect(TinyOntology.claims("Morphine withdrawal is hard, and it starts with nausea.").allSatisfy { !$0.contains("withdrawal-symptoms") })
    }

    @Test func objectsACopulaAndANominalTrigger() {
        #expect(TinyOntology.claims("Nausea and insomnia are other possible side effects of morphine.") == [
            "morphine has_adverse_effect nausea [object-copula-trigger]", "morphine has_adverse_effect insomnia [object-copula-trigger]",
        ])
        #expect(TinyOntology.claims("Kratom is a plant. Nausea and sedation are other rare side effects of its use.") == [
            "kratom has_adverse_effect nausea [object-copula-trigger+implicit-subject]",
            "kratom has_adverse_effect sedation [object-copula-trigger+implicit-subject]",
        ])
        // Not across "to": the effects are what is reduced.
        #expect(TinyOntology.claims("Yoga is used to reduce the side effects of morphine.") == [])
    }

    @Test func aModifierAfterTheTriggerIsNoSubject() {
        // "morphine" only modifies "withdrawal"; kratom relieves the withdrawal.
        #expect(TinyOntology.claims("Kratom can relieve morphine withdrawal.").contains("kratom treats withdrawal [trigger-between]"))
    }

    @Test func whatReplacesComesAfterWith() {
        #expect(TinyOntology.claims("I replaced morphine with kratom.") == ["kratom alternative_to morphine [trigger-dative]"])
        #expect(TinyOntology.claims("Kratom is a plant. I replaced morphine with it.") == [
            "kratom alternative_to morphine [trigger-dative+anaphor]",
        ])
    }

    @Test func aCategoryWithASubjectInsideItsClause() {
        #expect(TinyOntology.claims("The uses for which kratom is sold are pain (in 60%) and insomnia (in 20%).") == [
            "kratom treats pain [category-examples+relative-subject]", "kratom treats insomnia [category-examples+relative-subject]",
        ])
    }

    @Test func optionsOfferedForACondition() {
        #expect(TinyOntology.claims("For insomnia, ask about other options, such as yoga or morphine.") == [
            "yoga treats insomnia [category-examples+options]", "morphine treats insomnia [category-examples+options]",
        ])
        #expect(TinyOntology.claims("We discuss options for insomnia: yoga and non-morphine medicines.") == [
            "yoga treats insomnia [category-examples+options]",
        ])
        // Options the condition comes from are not for it.
        #expect(TinyOntology.claims("Nausea from options such as morphine is common.") == [])
    }

    @Test func aLikeAfterAPluralCategoryGivesAnExample() {
        #expect(TinyOntology.claims("Agencies, like the FDA, warn about kratom.") == ["fda warns_about kratom [trigger-between]"])
    }

    @Test func aModifierOfTheCategoryIsNoExample() {
        #expect(TinyOntology.claims("Kratom is a plant. Its most common uses were pain and insomnia.").sorted() == [
            "kratom treats insomnia [category-examples+topic-subject]", "kratom treats pain [category-examples+topic-subject]",
        ])
        #expect(TinyOntology.claims("Kratom is a plant. The common pain uses were insomnia and nausea.") == [
            "kratom treats insomnia [category-examples+topic-subject]", "kratom treats nausea [category-examples+topic-subject]",
        ])
    }
}
