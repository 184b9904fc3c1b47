import MitraExtraction
import MitraModel
import MitraOntology
import MitraTestSupport
import Testing

/// Users' token patterns (`mg:ClaimPattern`) in the ontology's Turtle, run as one more rule.
@Suite struct UserPatternTests {
    static func rules(_ pattern: String) throws -> String {
        try String(contentsOfFile: Fixtures.ontologyDirectory + "/rules.ttl", encoding: .utf8) + "\n" + pattern + "\n"
    }

    static let soothes = """
        mg:pattern-soothes a mg:ClaimPattern ; mg:ruleID "soothes" ; mg:predicate "treats" ;
            mg:pattern "[ENT_CLASS=Plant subject] [LEMMA=soothe] [POS=DET OP=?] [ENT_CLASS=Condition object]" .
        """

    func claims(_ ontology: Ontology, _ text: String) -> [String] {
        Extractor(ontology: ontology).extract(Document(id: "t.txt", text: text, format: "text")).claims.map {
            "\($0.subject) \($0.predicate) \($0.object)" + ($0.negated ? " (denied)" : "") + " [\($0.rule)]"
        }
    }

    @Test func aPatternGivesAClaimWithItsRuleID() throws {
        let ontology = try TinyOntology.load(rules: try Self.rules(Self.soothes))
        #expect(claims(ontology, "Kratom soothed the pain.") == ["kratom treats pain [pattern+soothes]"])
        #expect(claims(ontology, "Kratom soothes pain.") == ["kratom treats pain [pattern+soothes]"])
        #expect(TinyOntology.claims("Kratom soothed the pain.") == [])
    }

    @Test func explainNamesThePatternsSpecs() throws {
        let ontology = try TinyOntology.load(rules: try Self.rules(Self.soothes))
        let result = Extractor(ontology: ontology).extract(Document(id: "t.txt", text: "Kratom soothed the pain.", format: "text"), explain: true)
        #expect(result.explanations.map { [$0.subjectReason, $0.objectReason] } == [
            ["the pattern's subject spec", "the pattern's object spec"],
        ])
    }

    @Test func aPatternStatesItsPolarity() throws {
        let ontology = try TinyOntology.load(rules: try Self.rules("""
            mg:pattern-spares a mg:ClaimPattern ; mg:ruleID "spares" ; mg:predicate "has_adverse_effect" ; mg:negated "true" ;
                mg:confidence "0.5" ; mg:pattern "[ENT_CLASS=Plant subject] [LOWER=spares] [LOWER=users OP=*] [ENT_CLASS=AdverseEffect object]" .
            """))
        let result = Extractor(ontology: ontology).extract(Document(id: "t.txt", text: "Kratom spares users nausea.", format: "text"))
        #expect(result.claims.map { "\($0.subject) \($0.object) \($0.negated) \($0.rule) \($0.confidence)" } == [
            "kratom nausea true pattern+spares 0.5",
        ])
    }

    @Test func aBadPatternIsAnErrorNamingWhere() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-pattern")
        let path = Fixtures.write("""
            @prefix mg: <https://w3id.org/mitragraph/ontology#> .
            mg:p a mg:ClaimPattern ; mg:ruleID "bad" ; mg:predicate "treats" ;
                mg:pattern "[ENT_CLASS=Plant subject] [LEMA=soothe] [ENT_CLASS=Condition object]" .
            """, to: "mine.ttl", in: dir)
        let report = try OntologyChecker().check(directories: [Fixtures.ontologyDirectory, dir])
        #expect(report.findings.filter { $0.severity == .error }.map(\.description) == [
            "\(path):3:44: error: pattern 'bad': unknown key 'LEMA'; keys: LEMMA, LOWER, POS, ENT_CLASS, OP",
        ])
    }

    @Test func aPatternNeedsOneSubjectAndOneObject() {
        #expect(throws: ClaimPattern.SyntaxError.self) {
            try ClaimPattern.parse("[ENT_CLASS=Plant subject] [LEMMA=soothe]") { _ in true }
        }
        #expect(throws: ClaimPattern.SyntaxError(offset: 0, message: "expected '[' to open a token spec")) {
            try ClaimPattern.parse("LEMMA=soothe") { _ in true }
        }
    }
}
