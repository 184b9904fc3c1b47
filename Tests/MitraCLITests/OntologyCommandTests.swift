import Foundation
import MitraTestSupport
import Testing

/// `mitragraph ontology check` and `show` run as a user runs them: the built executable, from
/// the repository root, with its exit status and both output streams.
private let executable = Fixtures.repositoryRoot + "/.build/debug/mitragraph"

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct OntologyCommandTests {
    func run(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["MITRAGRAPH_ONTOLOGY"] = nil
        let r = try Fixtures.run(executable, arguments, environment: environment, directory: Fixtures.repositoryRoot)
        return (r.status, r.out, r.err)
    }

    @Test func checkIsCleanOnTheShippedOntology() throws {
        let result = try run("ontology", "check")
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("0 errors, 0 warnings, 12 notes\n"))
        #expect(result.out.contains("ontology/entities/agencies.ttl:"))
        #expect(result.out.contains("\ntotal "))
    }

    @Test func checkFailsOnRuleDataThatNamesNoRule() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("""
            @prefix mg: <https://w3id.org/mitragraph/ontology#> .
            mg:rule-mine a mg:ExtractionRule ; mg:ruleID "my-rule" ; mg:order 95 ; mg:window 0 ; mg:confidence 0.5 .
            """, to: "mine.ttl", in: dir)
        let result = try run("ontology", "check", "--ontology", dir)
        #expect(result.status == 65)
        #expect(result.out.contains("\(path):2:36: error: rule 'my-rule' names no rule of the extractor; the rules are 'list-lead-in', "))
        #expect(result.out.hasSuffix("1 error, 0 warnings, 12 notes\n"))
    }

    @Test func checkFailsWithExitStatus65OnALayeredDuplicateLabel() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("""
            @prefix mg: <https://w3id.org/mitragraph/ontology#> .
            @prefix mge: <https://w3id.org/mitragraph/entity/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            mge:biak-biak a skos:Concept, mg:Drug ; skos:prefLabel "Ketum" .
            """, to: "mine.ttl", in: dir)
        let result = try run("ontology", "check", "--ontology", dir)
        #expect(result.status == 65)
        #expect(result.out.contains("\(path):4:56: error: label \"Ketum\" of 'biak-biak' (Drug, \(path)) is also a label "
            + "of 'kratom' (Plant, ontology/entities/plant.ttl) as \"ketum\"; a label belongs to one entity\n"))
        #expect(result.out.hasSuffix("1 error, 0 warnings, 12 notes\n"))
        let json = try run("ontology", "check", "--ontology", dir, "--json")
        #expect(json.status == 65)
        #expect(json.out.hasPrefix("{\"errors\":1,"))
    }

    @Test func checkOfAMissingFolderExits66() throws {
        let result = try run("ontology", "check", "--ontology", "/nonexistent/folder")
        #expect(result.status == 66)
        #expect(result.err == "mitragraph: /nonexistent/folder: error: no such ontology folder or file\n")
    }

    @Test func showFindsAnEntityByCloseMatchAndPrintsItsLabels() throws {
        let result = try run("ontology", "show", "CHEBI:6956")
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("mge:mitragynine  mitragynine\nclass         Alkaloid\nbiolink       biolink:SmallMolecule\n"))
        #expect(result.out.contains("\ncloseMatch    CHEBI:6956\n"))
        #expect(result.out.hasSuffix("\ndefined in    ontology/entities/alkaloids.ttl\n"))
    }

    @Test func showOfAnUnknownNameExits65WithTheNearestNames() throws {
        let result = try run("ontology", "show", "opiod withdrawl")
        #expect(result.status == 65)
        #expect(result.out.isEmpty)
        #expect(result.err == "mitragraph: no entity is named 'opiod withdrawl'; did you mean \"opioid withdrawal\" (mge:opioid-withdrawal)?\n")
    }

    @Test func showAsJSON() throws {
        let result = try run("ontology", "show", "--json", "WHO")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["class"] as? String == "Agency")
        #expect(object["ambiguousLabels"] as? [String] == ["WHO"])
        #expect(object["exactMatches"] as? [String] == ["WIKIDATA:Q7817"])
    }
}
