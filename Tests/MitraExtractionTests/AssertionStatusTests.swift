import MitraExtraction
import MitraModel
import Testing

/// Questions, advice and disclaimers assert nothing; who holds a claim is recorded.
@Suite struct AssertionStatusTests {
    @Test func aQuestionAssertsNothing() {
        #expect(TinyOntology.claims("Does kratom relieve pain?") == [])
        #expect(TinyOntology.claims("Does kratom relieve pain?\nKratom does not relieve pain.") == [
            "kratom treats pain (denied) [trigger-between]",
        ])
    }

    @Test func anAnswerAssertsOrDeniesTheQuestion() {
        let yes = TinyOntology.result("Does kratom relieve pain? Yes, it does.")
        #expect(yes.claims.map { "\($0.object) \($0.negated) \($0.sentenceIndex) \($0.sentence)" } == ["pain false 1 Yes, it does."])
        #expect(TinyOntology.claims("Can kratom cause nausea?\n\nNo.") == ["kratom has_adverse_effect nausea (denied) [trigger-between]"])
        // An answer that goes on to a claim of its own is read as it stands; a question with
        // no answer right after it still asserts nothing.
        #expect(TinyOntology.claims("Does kratom relieve pain? No, but it can cause nausea.")
            == ["kratom has_adverse_effect nausea [anaphor-subject]"])
        #expect(TinyOntology.claims("Does kratom relieve pain? Kratom is a plant. Yes.") == [])
        #expect(TinyOntology.claims("Does kratom relieve pain? No kratom product is approved.") == [])
    }

    @Test func adviceAgainstAUseIsNoTreatsClaim() {
        #expect(TinyOntology.claims("Do not use kratom to relieve pain.") == [])
        // A harm in the same advice is still claimed.
        #expect(TinyOntology.claims("Do not use kratom, which can cause nausea.") == [
            "kratom has_adverse_effect nausea [trigger-between]",
        ])
    }

    @Test func aDisclaimerClaimsNothing() {
        #expect(TinyOntology.claims("Kratom is a plant. This is not intended to treat pain or relieve insomnia.") == [])
    }

    @Test func theHolderIsTheWordBeforeAReportingVerb() {
        let claims = TinyOntology.result("Users say kratom relieves pain; according to the FDA, kratom can cause nausea.").claims
        #expect(claims.map { "\($0.object) \($0.holder ?? "-")" } == ["pain users", "nausea FDA"])
        #expect(TinyOntology.result("Kratom relieves pain.").claims.map(\.holder) == [nil])
    }

    @Test func negationEndsAtATerminator() {
        #expect(TinyOntology.claims("Kratom does not relieve insomnia but can cause nausea.") == [
            "kratom treats insomnia (denied) [trigger-between]", "kratom has_adverse_effect nausea [trigger-between]",
        ])
    }
}
