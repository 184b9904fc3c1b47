import MitraModel
import MitraExtraction
import MitraOntology
import MitraQuery
import MitraStore
import MitraTestSupport
import Testing

/// `holder` conditions: parsed like `source`, planned against the claims' holders, and in
/// `evidence` picking the claims too.
@Suite struct HolderFilterTests {
    /// Two documents over the fixture ontology: the FDA and users hold claims, one claim has
    /// no holder.
    static let store: GraphStore = {
        let claims: [(String, String, String, String, String?)] = [
            ("a.txt", "The agency says kratom can cause dependence.", "has_adverse_effect", "dependence", "FDA"),
            ("a.txt", "Users report that kratom eases anxiety.", "treats", "anxiety", "users"),
            ("b.txt", "Kratom can cause nausea.", "has_adverse_effect", "nausea", nil),
            ("b.txt", "Most users say kratom causes dependence.", "has_adverse_effect", "dependence", "users"),
        ]
        var ontology = FixtureGraph.ontology
        ontology.entities["fda"] = Entity(
            id: "fda", iri: "https://w3id.org/mitragraph/entity/fda", prefLabel: "FDA",
            altLabels: ["Food and Drug Administration"], entityClass: EntityClass("Agency"))
        ontology.classes[EntityClass("Agency")] = ClassInfo(
            entityClass: EntityClass("Agency"), iri: "https://w3id.org/mitragraph/schema/Agency", parent: nil)
        let results = ["a.txt", "b.txt"].map { id in
            var text = ""
            var sentences: [Sentence] = []
            var found: [Claim] = []
            for (doc, sentence, predicate, object, holder) in claims where doc == id {
                let span = Span(start: text.unicodeScalars.count, end: text.unicodeScalars.count + sentence.unicodeScalars.count)
                sentences.append(Sentence(index: sentences.count, span: span, text: sentence))
                found.append(Claim(
                    subject: "kratom", predicate: predicate, object: object, documentID: id, sentenceIndex: sentences.count - 1,
                    sentence: sentence, subjectSpan: span, objectSpan: span, negated: false, hedged: false, rule: "fixture",
                    confidence: 1, holder: holder))
                text += sentence + " "
            }
            return ExtractionResult(
                document: Document(id: id, text: text, format: "text"), sentences: sentences, mentions: [], claims: found)
        }
        let store = try! GraphStore(path: Fixtures.temporaryDirectory("mitragraph-holder") + "/kg.sqlite", create: true)
        try! store.write(ontology: ontology, results: results)
        return store
    }()

    func rows(_ query: String) throws -> [[String]] { try QueryEngine(store: Self.store).run(query).displayRows }

    @Test func theParserReadsHolderLikeSource() throws {
        let statement = try Parser.parse("kratom treats ?c where holder = \"FDA\" or holder like \"user%\"")
        guard case .select(let select) = statement else {
            Issue.record("not a select: \(statement)")
            return
        }
        #expect(select.conditions == [.or(
            .holder("=", NameRef("FDA", at: SourcePosition(line: 1, column: 33))),
            .holder("like", NameRef("user%", at: SourcePosition(line: 1, column: 54))))])
        #expect(throws: QueryError.self) { try Parser.parse("kratom treats ?c where holder > \"FDA\"") }
    }

    @Test func edgesByHolderInAnyCaseByAnyLabelOrByPattern() throws {
        #expect(try rows("find ?x where kratom ?p ?x and holder = \"FDA\"") == [["dependence"]])
        #expect(try rows("find ?x where kratom ?p ?x and holder = \"food and drug administration\"") == [["dependence"]])
        #expect(try rows("find ?x where kratom ?p ?x and holder like \"user%\"") == [["anxiety"], ["dependence"]])
        #expect(try rows("find ?x where kratom ?p ?x and holder != \"users\"") == [["nausea"]])
        #expect(try rows("find ?x where kratom ?p ?x and holder = \"sellers\"") == [])
    }

    @Test func evidenceShowsTheHolderAndAHolderConditionPicksTheClaims() throws {
        let columns = QueryEngine.evidenceColumns
        let documentAt = try #require(columns.firstIndex(of: "document"))
        let holderAt = try #require(columns.firstIndex(of: "holder"))
        let all = try rows("evidence kratom has_adverse_effect dependence")
        #expect(all.map { [$0[documentAt], $0[holderAt]] } == [["a.txt", "FDA"], ["b.txt", "users"]])
        let fda = try rows("evidence kratom has_adverse_effect ?e where holder = \"FDA\"")
        #expect(fda.map { [$0[documentAt], $0[holderAt]] } == [["a.txt", "FDA"]])
        let notUsers = try rows("evidence kratom has_adverse_effect nausea where holder != \"users\"")
        #expect(notUsers.map { [$0[documentAt], $0[holderAt]] } == [["b.txt", ""]])
    }
}
