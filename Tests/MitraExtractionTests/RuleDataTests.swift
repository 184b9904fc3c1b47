import MitraTestSupport
import MitraExtraction
import MitraModel
import MitraOntology
import Testing

/// The rule data in Turtle drives the rules, and broken rule data is an error.
@Suite struct RuleDataTests {
    static let rule = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        mg:ExtractionRule a owl:Class .
        """

    @Test func aRulesWindowComesFromTheData() throws {
        let narrow = try TinyOntology.load(rules: Self.rule + """

            mg:r a mg:ExtractionRule ; mg:ruleID "trigger" ; mg:order 20 ; mg:window 1 ; mg:confidence 0.8 .
            """)
        let text = "Kratom can cause, in some people, nausea."
        #expect(TinyOntology.claims(text).count == 1)
        #expect(Extractor(ontology: narrow).extract(Document(id: "t", text: text, format: "text")).claims.isEmpty)
    }

    @Test func aRulesConfidenceComesFromTheData() throws {
        let sure = try TinyOntology.load(rules: Self.rule + """

            mg:r a mg:ExtractionRule ; mg:ruleID "noun-compound" ; mg:order 80 ; mg:window 0 ; mg:confidence 0.9 .
            """)
        let claims = Extractor(ontology: sure).extract(Document(id: "t", text: "Kratom withdrawal is hard.", format: "text")).claims
        #expect(claims.map(\.confidence) == [0.9])
    }

    @Test func aConfidenceOutsideZeroToOneIsAnError() {
        #expect(throws: OntologyError.self) {
            try TinyOntology.load(rules: Self.rule + """

                mg:r a mg:ExtractionRule ; mg:ruleID "trigger" ; mg:order 20 ; mg:window 8 ; mg:confidence 1.5 .
                """)
        }
    }

    @Test func theRulesVersionIsAHashOfTheRuleData() throws {
        let other = try TinyOntology.load(rules: Self.rule + """

            mg:r a mg:ExtractionRule ; mg:ruleID "trigger" ; mg:order 20 ; mg:window 7 ; mg:confidence 0.8 .
            """)
        #expect(TinyOntology.extractor.rulesVersion != Extractor(ontology: other).rulesVersion)
        #expect(TinyOntology.extractor.rulesVersion == Extractor(ontology: try TinyOntology.load()).rulesVersion)
        #expect(TinyOntology.extractor.rulesVersion.count == 16)
    }

    @Test func theShippedRuleDataDescribesEveryRule() {
        #expect(Fixtures.ontology.cues.rules.keys.sorted() == [
            "category-examples", "cooccurrence-contains", "copula-adjective", "effect-of-substance", "list-lead-in",
            "negation-adverse-effect", "noun-compound", "pattern", "subject-for-condition", "trigger",
        ])
    }
}
