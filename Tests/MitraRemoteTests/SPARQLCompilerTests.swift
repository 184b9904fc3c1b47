import Foundation
import MitraQuery
import MitraStore
import MitraTestSupport
import Testing

/// What the compiler writes for the constructs that map onto SPARQL 1.1 features, checked
/// on the text (the engine tests check the answers).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixtures.executable)))
struct SPARQLCompilerTests {
    static let store: String = {
        let folder = Fixtures.temporaryDirectory("mitragraph-sparql")
        Fixtures.write("Kratom contains mitragynine. Mitragynine binds to the mu-opioid receptor. Kratom may relieve pain.\n",
                       to: "a.txt", in: folder + "/corpus")
        _ = try? RemoteFixture.build(corpus: folder + "/corpus", store: folder + "/kg.sqlite")
        return folder + "/kg.sqlite"
    }()

    func sparql(_ query: String) throws -> String {
        try QueryEngine(store: try GraphStore(path: Self.store)).sparql(query)
    }

    @Test func boundedPathsOverAffirmedEdgesArePropertyPathsPerHop() throws {
        let text = try sparql("find ?x where kratom (contains|^interacts_with){1,2} ?x:Receptor")
        #expect(text.contains("VALUES ?w1_start { <https://w3id.org/mitragraph/entity/kratom> }"))
        #expect(text.contains("?w1_start <https://w3id.org/mitragraph/ontology#contains>|^<https://w3id.org/mitragraph/ontology#interacts_with> ?w1_end"))
        let any = try sparql("find ?x where kratom any ?y, ?y any{2} ?x")
        #expect(any.contains("<https://w3id.org/mitragraph/ontology#alternative_to>|<https://w3id.org/mitragraph/ontology#complements>|"))
        #expect(text.components(separatedBy: " UNION ").count == 2, "one chain of one hop, one of two")
        #expect(text.contains("GRAPH <https://w3id.org/mitragraph/graph/ontology> { ?v_x a ?class }"))
    }

    @Test func edgeFiltersApplyToTheAggregatedClaims() throws {
        let text = try sparql("kratom treats ?c where support >= 2 and not hedged")
        #expect(text.contains("FILTER(?sup1 >= 2)\n  FILTER(!(?hd1 > 0))"))
        #expect(text.contains("GROUP BY ?s1 ?p1 ?o1"))
    }

    @Test func countsAndGroupsAreSPARQLAggregates() throws {
        let text = try sparql("count ?c where ?x treats ?c group by ?x")
        #expect(text.contains("(COUNT(DISTINCT ?v_c) AS ?count1)"))
        #expect(text.hasSuffix("GROUP BY ?v_x"))
    }
}
