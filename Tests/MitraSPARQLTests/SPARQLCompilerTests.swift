import MitraModel
import MitraQuery
import MitraSPARQL
import Testing

/// Names of a small graph, without a store: the compiler needs nothing else.
struct FixedNames: QueryNames {
    static let entities = ["kratom": "Plant", "mitragynine": "Alkaloid", "mu-opioid-receptor": "Receptor", "pain": "Condition"]
    static let predicateNames = ["alternative_to", "complements", "contains", "interacts_with", "treats"]

    func entityIDs(_ name: NameRef) throws -> [String] {
        let id = name.text.lowercased().replacingOccurrences(of: " ", with: "-")
        guard Self.entities[id] != nil else {
            throw QueryError(kind: .unknownEntity, line: name.position.line, column: name.position.column, message: "unknown entity")
        }
        return [id]
    }

    func predicate(_ name: NameRef) throws -> String { name.text }
    func predicates() throws -> [String] { Self.predicateNames }
    func classAndSubclasses(_ name: NameRef) throws -> [String] { name.text == "Condition" ? ["AdverseEffect", "Condition"] : [name.text] }
    func document(_ name: NameRef) throws -> String { name.text }
    func holderNames(_ name: NameRef) throws -> [String] { [name.text.lowercased()] }
    var imported: [String] = []
    func importedGraphs() throws -> [String] { imported }
    func entity(_ id: String) throws -> (value: Value, entityClass: String) { (.entity(id: id, label: id), Self.entities[id] ?? "") }
    func describeFacts(_ name: NameRef) throws -> [[Value]] { [] }
    func describeJSON(_ result: QueryResult) -> String { "{}" }
}

/// What the compiler writes for the constructs that map onto SPARQL 1.1 features, checked
/// on the text (the engine tests check the answers).
struct SPARQLCompilerTests {
    func sparql(_ query: String, imported: [String] = []) throws -> String {
        var names = FixedNames()
        names.imported = imported
        return try RemoteCommands(names: names) { _ in [] }.explainLines(try Parser.parse(query)).joined(separator: "\n")
    }

    @Test func importedGraphsAreReadOnlyWhenThereAreSome() throws {
        #expect(try !sparql("kratom treats ?c").contains("UNION"))
        let text = try sparql("kratom treats ?c", imported: ["http://ex.org/g"])
        #expect(text.contains("UNION { GRAPH <http://ex.org/g> { ?s1 ?p1 ?o1 }"))
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

    @Test func edgesAreSummedOverTheDocumentsEdgeCounts() throws {
        let text = try sparql("kratom treats ?c where support >= 2 and not hedged")
        #expect(text.contains("FILTER(?sup1 >= 2)\n  FILTER(!(?hd1 > 0))"))
        #expect(text.contains("<https://w3id.org/mitragraph/ontology#affirmingClaims> ?a1"))
        #expect(text.contains("(SUM(IF(?a1 > 0, 1, 0)) AS ?sup1)"))
        #expect(text.contains("GROUP BY ?s1 ?p1 ?o1"))
        #expect(!text.contains("rdf:subject"), "claims are not read to count an edge")
    }

    @Test func contestedLeavesOutDocumentsThatContradictThemselves() throws {
        let text = try sparql("kratom treats ?c where contested")
        #expect(text.contains("(?sup1 > 0 && ?den1x > 0 && !(?sup1 = 1 && ?den1x = 1 && ?sc1 = 1))"))
        let command = try sparql("contested")
        #expect(command.contains("!(?sup1 = 1 && ?den1x = 1 && ?sc1 = 1)"))
    }

    @Test func sourceNamesTheDocumentsGraph() throws {
        let text = try sparql("kratom treats ?c where source = \"notes/a b.txt\"")
        #expect(text.contains("GRAPH <https://w3id.org/mitragraph/document/notes/a%20b.txt>"))
        let like = try sparql("kratom treats ?c where source like \"b%\"")
        #expect(like.contains("REGEX(STR(?srcg1), \"^https://w3id\\\\.org/mitragraph/document/b.*$\", \"i\")"))
    }

    @Test func holderIsAClaimOfTheEdgeWithThatHolder() throws {
        let text = try sparql("kratom treats ?c where holder = \"FDA\"")
        #expect(text.contains("<https://w3id.org/mitragraph/ontology#holder> ?hv1 } FILTER(LCASE(STR(?hv1)) IN (\"fda\")) }"))
        let like = try sparql("kratom treats ?c where holder like \"user%\"")
        #expect(like.contains("REGEX(STR(?hv1), \"^user.*$\", \"i\")"))
        #expect(try sparql("kratom treats ?c where holder != \"FDA\"").contains("FILTER(!EXISTS { GRAPH ?hg1"))
    }

    @Test func countsAndGroupsAreSPARQLAggregates() throws {
        let text = try sparql("count ?c where ?x treats ?c group by ?x")
        #expect(text.contains("(COUNT(DISTINCT ?v_c) AS ?count1)"))
        #expect(text.hasSuffix("GROUP BY ?v_x"))
    }

    @Test func evidenceAsksForTheStoredKeysOfItsEdges() throws {
        let text = try sparql("evidence kratom treats ?c")
        #expect(text.contains("SELECT DISTINCT ?s1 ?p1 ?o1"))
    }
}
