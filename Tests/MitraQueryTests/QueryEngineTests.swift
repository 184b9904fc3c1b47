import Foundation
import MitraModel
import MitraQuery
import Testing

/// Every construct of the language against the fixture graph, with exact rows.
@Suite struct QueryEngineTests {
    func rows(_ query: String) throws -> [[String]] { try FixtureGraph.rows(query) }

    // MARK: patterns, names, classes

    @Test func onePatternWithAConstantSubject() throws {
        #expect(try rows("kratom contains ?a") == [["7-hydroxymitragynine", "1"], ["mitragynine", "1"]])
    }

    @Test func classConstraintsOnBothEnds() throws {
        #expect(try rows("find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor") == [
            ["7-hydroxymitragynine", "mu-opioid receptor"],
            ["mitragynine", "kappa-opioid receptor"],
            ["mitragynine", "mu-opioid receptor"],
        ])
    }

    @Test func classConstraintIncludesSubclasses() throws {
        #expect(try rows("find ?c where kratom ?p ?c:Condition") == [["anxiety"], ["chronic pain"], ["dependence"], ["nausea"], ["pain"]])
        #expect(try rows("find ?c where kratom ?p ?c:AdverseEffect") == [["dependence"], ["nausea"]])
    }

    @Test func classTestAsAClause() throws {
        #expect(try rows("find ?x where kratom any ?x and ?x:Drug") == [["morphine"]])
    }

    @Test func entityNamesInAnyCaseQuotedOrByAlternativeLabel() throws {
        let expected = [["7-hydroxymitragynine"], ["mitragynine"]]
        #expect(try rows("find ?a where ?a interacts_with \"MU-Opioid Receptor\"") == expected)
        #expect(try rows("find ?a where ?a interacts_with \"μ-opioid receptor\"") == expected)
        #expect(try rows("find ?a where ?a interacts_with MOR") == expected)
        #expect(try rows("find ?a where ?a interacts_with mu-opioid-receptor") == expected)
        #expect(try rows("find ?r where 7-OH interacts_with ?r") == [["mu-opioid receptor"]])
        #expect(try rows("find ?a where 'Mitragyna speciosa' contains ?a limit 1") == [["7-hydroxymitragynine"]])
    }

    @Test func externalIdentifiers() throws {
        #expect(try rows("find ?r where CHEBI:6956 interacts_with ?r") == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
        #expect(try rows("count ?a where NCBITaxon:170351 contains ?a") == [["2"]])
        #expect(try rows("find ?r where mge:mitragynine interacts_with ?r limit 1") == [["kappa-opioid receptor"]])
    }

    @Test func joinOnASharedVariable() throws {
        #expect(try rows("find ?a, ?r where kratom contains ?a, ?a interacts_with ?r:Receptor") == [
            ["7-hydroxymitragynine", "mu-opioid receptor"],
            ["mitragynine", "kappa-opioid receptor"],
            ["mitragynine", "mu-opioid receptor"],
        ])
    }

    @Test func starJoinAndVariableComparison() throws {
        #expect(try rows("find ?a, ?b where ?a interacts_with ?r and ?b interacts_with ?r and ?a != ?b") == [
            ["7-hydroxymitragynine", "mitragynine"], ["mitragynine", "7-hydroxymitragynine"],
        ])
        #expect(try rows("find ?x where ?x treats pain, ?x treats ?c and ?c = anxiety") == [["kratom"]])
    }

    // MARK: predicates

    @Test func predicateAlternatives() throws {
        #expect(try rows("find ?x where kratom treats|has_adverse_effect ?x") == [
            ["anxiety"], ["chronic pain"], ["dependence"], ["nausea"], ["pain"],
        ])
    }

    @Test func inversePredicate() throws {
        #expect(try rows("find ?a where \"mu-opioid receptor\" ^interacts_with ?a") == [["7-hydroxymitragynine"], ["mitragynine"]])
        #expect(try rows("find ?x where pain (treats|^alternative_to) ?x") == [])
        #expect(try rows("find ?x where morphine (treats|^alternative_to) ?x") == [["kratom"], ["pain"]])
    }

    @Test func anyPredicateAndPredicateVariable() throws {
        #expect(try rows("find ?x where mitragynine any ?x") == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
        #expect(try rows("find ?p, ?x where ?x:Drug ?p pain") == [["treats", "morphine"]])
        #expect(try rows("kratom ?p morphine") == [["alternative_to", "1"]])
    }

    @Test func boundedPaths() throws {
        #expect(try rows("find ?r where kratom (contains|interacts_with){2} ?r") == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
        #expect(try rows("find ?x where kratom any{1,2} ?x:Receptor") == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
        #expect(try rows("find ?a where ?a interacts_with{1,2} \"kappa-opioid receptor\"") == [["mitragynine"]])
        #expect(try rows("find ?p where ?p any{1,3} \"kappa-opioid receptor\" and ?p:Plant") == [["kratom"]])
    }

    @Test func boundedPathBetweenTwoConstantsIsSearchedFromBothEnds() throws {
        #expect(try rows("count where kratom any{1,2} \"kappa-opioid receptor\"") == [["1"]])
        #expect(try rows("count where kratom any{1,1} \"kappa-opioid receptor\"") == [["0"]], "two edges away")
        #expect(try rows("count where \"kappa-opioid receptor\" any{1,3} kratom") == [["0"]], "edges are directed")
        #expect(try rows("count where \"kappa-opioid receptor\" ^any{1,3} kratom") == [["1"]])
        let plan = try rows("explain count where kratom any{1,2} \"kappa-opioid receptor\"").map { $0[0] }
        #expect(plan.contains { $0.contains("searched from both ends at once: a path exists") })
    }

    // MARK: filters

    @Test func supportFilterOrderAndLimit() throws {
        #expect(try rows("kratom treats ?c where support >= 2 order by support desc limit 5") == [["chronic pain", "3"]])
        #expect(try rows("kratom treats ?c order by support desc") == [["chronic pain", "3"], ["anxiety", "1"], ["pain", "1"]])
        #expect(try rows("kratom treats ?c order by ?c desc limit 1 offset 1") == [["chronic pain", "3"]])
    }

    @Test func negatedHedgedContested() throws {
        #expect(try rows("kratom ?p ?x where negated") == [
            ["has_adverse_effect", "dependence", "1"], ["has_adverse_effect", "seizure", "0"], ["treats", "anxiety", "1"],
        ])
        #expect(try rows("kratom ?p ?x where hedged") == [["has_adverse_effect", "dependence", "1"]])
        #expect(try rows("find ?x where kratom treats ?x and not contested") == [["chronic pain"], ["pain"]])
        #expect(try rows("find ?x, denials where kratom ?p ?x and (denials >= 1 or support >= 3)") == [
            ["anxiety", "1"], ["chronic pain", "0"], ["dependence", "1"], ["seizure", "1"],
        ])
    }

    @Test func onlyDeniedEdgesNeedAskingFor() throws {
        #expect(try rows("count where ?s ?p ?o") == [["12"]])
        #expect(try rows("count where ?s ?p ?o and support >= 0") == [["13"]])
        #expect(try rows("kratom has_adverse_effect ?x where support = 0") == [["seizure", "0"]])
    }

    @Test func sourceDocument() throws {
        #expect(try rows("find ?c where kratom treats ?c and source = \"c.txt\"") == [["anxiety"], ["chronic pain"], ["pain"]])
        #expect(try rows("find ?c where kratom treats ?c and source != \"c.txt\"") == [])
        #expect(try rows("find ?r where ?a interacts_with ?r and source like \"b%\"") == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
    }

    // MARK: projection and aggregation

    @Test func countWithAndWithoutGrouping() throws {
        #expect(try rows("count ?effect where kratom has_adverse_effect ?effect") == [["2"]])
        #expect(try rows("count ?c where ?x treats ?c group by ?x") == [["kratom", "3"], ["morphine", "1"]])
        #expect(try rows("find ?x, count(?c) where ?x treats ?c order by count desc") == [["kratom", "3"], ["morphine", "1"]])
        #expect(try rows("find ?p, count(*) where ?s ?p ?o order by count desc, ?p limit 2") == [["treats", "4"], ["interacts_with", "3"]])
    }

    @Test func columnsAreNamedAfterVariables() throws {
        let result = try QueryEngine(store: FixtureGraph.shared).run("kratom treats ?condition limit 1")
        #expect(result.columns == ["condition", "support"])
        #expect(result.rows == [[.entity(id: "anxiety", label: "anxiety"), .integer(1)]])
    }

    // MARK: commands

    @Test func describeAnEntity() throws {
        #expect(try rows("describe \"7-OH\"") == [
            ["id", "7-hydroxymitragynine", "", ""],
            ["label", "7-hydroxymitragynine", "", ""],
            ["class", "Alkaloid", "", ""],
            ["iri", "https://w3id.org/mitragraph/entity/7-hydroxymitragynine", "", ""],
            ["also known as", "7-OH", "", ""],
            ["interacts_with", "mu-opioid receptor", "1", "0"],
            ["^contains", "kratom", "1", "0"],
        ])
    }

    @Test func neighborsToADepth() throws {
        #expect(try rows("neighbors mitragynine") == [
            ["kappa-opioid receptor", "Receptor", "1"], ["kratom", "Plant", "1"], ["mu-opioid receptor", "Receptor", "1"],
        ])
        #expect(try rows("neighbours \"kappa-opioid receptor\" depth 2") == [
            ["mitragynine", "Alkaloid", "1"], ["kratom", "Plant", "2"], ["mu-opioid receptor", "Receptor", "2"],
        ])
    }

    @Test func shortestPath() throws {
        #expect(try rows("path kratom to \"kappa-opioid receptor\" max 3") == [
            ["1", "kratom", "contains", "mitragynine", "1"],
            ["2", "mitragynine", "interacts_with", "kappa-opioid receptor", "1"],
        ])
        #expect(try rows("path morphine to mitragynine") == [
            ["1", "kratom", "alternative_to", "morphine", "1"],
            ["2", "kratom", "contains", "mitragynine", "1"],
        ])
        #expect(try rows("path morphine to \"kappa-opioid receptor\" max 2") == [])
        #expect(try rows("path pain to mitraphylline") == [])
    }

    /// One word for the count of hedged claims, as the exports have it: `hedged` alone is the
    /// flag, before a comparison or as a column the count; `hedges` still reads as the count.
    @Test func hedgedIsTheFlagAndTheCount() throws {
        let flag = try rows("kratom ?p ?x where hedged")
        #expect(flag == [["has_adverse_effect", "dependence", "1"]])
        #expect(try rows("kratom ?p ?x where hedged >= 1") == flag)
        #expect(try rows("kratom ?p ?x where hedges >= 1") == flag)
        let counted = try QueryEngine(store: FixtureGraph.shared).run("find ?x, hedged where kratom ?p ?x and hedged")
        #expect(counted.columns == ["x", "hedged"])
        #expect(counted.displayRows == [["dependence", "1"]])
    }

    /// `path all`: every shortest path, numbered; and a note when none is within the bound.
    @Test func allShortestPathsAndNone() throws {
        #expect(try rows("path all kratom to \"mu-opioid receptor\" max 3") == [
            ["1", "1", "kratom", "contains", "7-hydroxymitragynine", "1"],
            ["1", "2", "7-hydroxymitragynine", "interacts_with", "mu-opioid receptor", "1"],
            ["2", "1", "kratom", "contains", "mitragynine", "1"],
            ["2", "2", "mitragynine", "interacts_with", "mu-opioid receptor", "1"],
        ])
        // One shortest path, without `all`.
        #expect(try rows("path kratom to \"mu-opioid receptor\" max 3").count == 2)
        #expect(try rows("path all kratom to \"mu-opioid receptor\" max 1") == [])
        let none = try QueryEngine(store: FixtureGraph.shared).run("path morphine to \"kappa-opioid receptor\" max 2")
        #expect(none.note == "no path of at most 2 steps between morphine and kappa-opioid receptor")
        #expect(ResultFormatter(format: .table).format(none).hasSuffix("(no rows)\n(no path of at most 2 steps between morphine and kappa-opioid receptor)\n"))
        #expect(try QueryEngine(store: FixtureGraph.shared).subgraph("path all kratom to \"mu-opioid receptor\" max 3").edges.count == 4)
    }

    /// Evidence rows cut to the columns a test reads.
    func evidence(_ query: String, _ columns: [String] = ["object", "document", "sentence_index", "polarity", "certainty", "sentence"]) throws -> [[String]] {
        let result = try QueryEngine(store: FixtureGraph.shared).run(query)
        #expect(result.columns == QueryEngine.evidenceColumns)
        let wanted = columns.compactMap { result.columns.firstIndex(of: $0) }
        return result.displayRows.map { row in wanted.map { row[$0] } }
    }

    @Test func evidenceWithDocumentAndPolarity() throws {
        #expect(try evidence("evidence kratom has_adverse_effect dependence") == [
            ["dependence", "a.txt", "3", "affirmed", "hedged", "Kratom may cause dependence."],
            ["dependence", "b.txt", "2", "denied", "firm", "Kratom does not cause dependence."],
        ])
        // Every field of the one schema, spans and confidence included.
        let full = try QueryEngine(store: FixtureGraph.shared).run("evidence kratom has_adverse_effect dependence limit 1")
        #expect(ResultFormatter(format: .json).format(full).contains(
            #""document": "a.txt", "title": null, "url": null, "sentence_index": 3, "polarity": "affirmed", "certainty": "hedged", "holder": null, "rule": "#))
        #expect(ResultFormatter(format: .json).format(full).contains(#""subject_span": ["#))
    }

    /// Evidence over a pattern with variables and filters; a `source` picks the claims too,
    /// and an edge every document denies has its evidence.
    @Test func evidenceOverPatternsAndFilters() throws {
        let all = try evidence("evidence kratom has_adverse_effect ?e", ["object", "document", "polarity"])
        #expect(all == [["dependence", "a.txt", "affirmed"], ["dependence", "b.txt", "denied"], ["nausea", "c.txt", "affirmed"],
                        ["seizure", "c.txt", "denied"]])
        #expect(try evidence("evidence kratom has_adverse_effect ?e where source = \"c.txt\"", ["object", "document"])
            == [["nausea", "c.txt"], ["seizure", "c.txt"]])
        #expect(try evidence("evidence kratom has_adverse_effect ?e where hedged", ["object", "document"]) == [["dependence", "a.txt"], ["dependence", "b.txt"]])
        #expect(try evidence("evidence kratom ?p ?x where source = \"b.txt\" limit 1 offset 1", ["document"]).count == 1)
    }

    /// A source that names no document is an error with the nearest ids, not an empty result.
    @Test func anUnknownSourceIsAnError() throws {
        do {
            _ = try QueryEngine(store: FixtureGraph.shared).run("find ?c where kratom treats ?c and source = \"c.tx\"")
            Issue.record("no error")
        } catch let error as QueryError {
            #expect(error.kind == .unknownDocument)
            #expect(error.headline == "1:45: error: unknown document 'c.tx'; did you mean 'c.txt', 'a.txt' or 'b.txt'?")
        }
    }

    /// `contested with evidence`: each contested edge's affirming claims, then its denying ones.
    @Test func contestedWithEvidenceShowsBothSides() throws {
        #expect(try evidence("contested with evidence", ["object", "polarity", "document"]) == [
            ["dependence", "affirmed", "a.txt"], ["dependence", "denied", "b.txt"],
            ["anxiety", "affirmed", "b.txt"], ["anxiety", "denied", "c.txt"],
        ])
    }

    /// `describe` in JSON is one object whose lists are arrays.
    @Test func describeAsOneJSONObject() throws {
        let json = ResultFormatter(format: .json).format(try QueryEngine(store: FixtureGraph.shared).run("describe \"7-OH\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "7-hydroxymitragynine")
        #expect(object["also_known_as"] as? [String] == ["7-OH"])
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.contains { $0["predicate"] as? String == "contains" && $0["direction"] as? String == "in" })
    }

    @Test func contestedEdges() throws {
        #expect(try rows("contested") == [["kratom", "has_adverse_effect", "dependence", "1", "1", "0"], ["kratom", "treats", "anxiety", "1", "1", "0"]])
        #expect(try rows("contested order by denials desc limit 1") == [["kratom", "has_adverse_effect", "dependence", "1", "1", "0"]])
    }

    @Test func explainShowsTheJoinOrder() throws {
        let plan = try rows("explain find ?a, ?r where ?a interacts_with ?r, kratom contains ?a").map { $0[0] }
        #expect(plan.first == "join order (edges counted up to 10000 per pattern):")
        #expect(plan[1] == "  1. pattern 2: kratom contains ?a — ~2 edges, index edges(subject, predicate, object)")
        #expect(plan[2] == "  2. pattern 1: ?a interacts_with ?r — ~3 edges, index edges_pos(predicate, object, subject)")
        #expect(plan.contains("SQLite plan:"))
        #expect(plan.contains { $0.contains("SEARCH e1 USING") })
    }

    @Test func labelsAreLookedUpOncePerAnswerNotPerJoinedRow() throws {
        // kratom reaches mu-opioid receptor through two alkaloids: one answer, one label lookup.
        let query = "find ?r where kratom contains ?a and ?a interacts_with ?r"
        #expect(try rows(query) == [["kappa-opioid receptor"], ["mu-opioid receptor"]])
        let sql = try rows("explain " + query).map { $0[0] }
        let distinct = try #require(sql.firstIndex { $0.contains("SELECT DISTINCT") })
        let label = try #require(sql.firstIndex { $0.contains("SELECT label FROM entities") })
        #expect(label < distinct, "the label is taken in the outer query, over the distinct rows")
        #expect(!sql[distinct].contains("label"))
        // With a count, rows are groups already; the label is looked up per group.
        #expect(try rows("find ?r, count(*) where kratom contains ?a and ?a interacts_with ?r")
            == [["kappa-opioid receptor", "1"], ["mu-opioid receptor", "2"]])
    }

    // MARK: subgraphs

    @Test func subgraphOfAPatternQuery() throws {
        let subgraph = try QueryEngine(store: FixtureGraph.shared).subgraph("find ?a where kratom contains ?a, ?a interacts_with \"kappa-opioid receptor\"")
        #expect(subgraph.edges == [
            EdgeKey(subject: "kratom", predicate: "contains", object: "mitragynine"),
            EdgeKey(subject: "mitragynine", predicate: "interacts_with", object: "kappa-opioid-receptor"),
        ])
        #expect(subgraph.entityIDs == ["kratom", "mitragynine", "kappa-opioid-receptor"])
    }

    @Test func subgraphOfAnInversePatternKeepsStoredDirection() throws {
        let subgraph = try QueryEngine(store: FixtureGraph.shared).subgraph("morphine (treats|^alternative_to) ?x")
        #expect(subgraph.edges == [
            EdgeKey(subject: "kratom", predicate: "alternative_to", object: "morphine"),
            EdgeKey(subject: "morphine", predicate: "treats", object: "pain"),
        ])
    }

    @Test func subgraphOfCommands() throws {
        let engine = QueryEngine(store: FixtureGraph.shared)
        #expect(try engine.subgraph("contested").edges.count == 2)
        #expect(try engine.subgraph("path kratom to \"kappa-opioid receptor\"").entityIDs == ["kratom", "mitragynine", "kappa-opioid-receptor"])
        #expect(try engine.subgraph("neighbors 7-OH").edges == [
            EdgeKey(subject: "kratom", predicate: "contains", object: "7-hydroxymitragynine"),
            EdgeKey(subject: "7-hydroxymitragynine", predicate: "interacts_with", object: "mu-opioid-receptor"),
        ])
    }
}
