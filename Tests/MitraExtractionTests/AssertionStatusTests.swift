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
