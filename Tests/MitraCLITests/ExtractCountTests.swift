import Foundation
import MitraTestSupport
import Testing

private let executable = Fixtures.repositoryRoot + "/.build/debug/mitragraph"

/// `extract --count` reads, loads and extracts at once, and must total what the full output lists.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct ExtractCountTests {
    @Test func countsAreTheTotalsOfTheFullOutput() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-extract-count")
        Fixtures.write("Kratom may relieve chronic pain. It does not cause constipation.\n", to: "a.txt", in: folder + "/corpus")
        Fixtures.write("Mitragynine is an alkaloid of kratom. Kratom can cause nausea.\n", to: "b.txt", in: folder + "/corpus")
        Fixtures.write("Nothing here names a plant.\n", to: "c.txt", in: folder + "/corpus")
        let full = try Fixtures.run(executable, ["extract", "--mentions", folder + "/corpus"], directory: Fixtures.repositoryRoot)
        let counted = try Fixtures.run(executable, ["extract", "--count", folder + "/corpus"], directory: Fixtures.repositoryRoot)
        #expect(full.status == 0 && counted.status == 0)
        let lines = full.out.split(separator: "\n")
        let claims = lines.filter { $0.contains("\"predicate\"") }.count
        let mentions = lines.count - claims
        #expect(claims > 0 && mentions > claims)
        let data = try #require(counted.out.split(separator: "\n").last.map { Data($0.utf8) })
        let totals = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(totals["documents"] as? Int == 3)
        #expect(totals["mentions"] as? Int == mentions)
        #expect(totals["claims"] as? Int == claims)
    }

    @Test func aMissingInputIsStillAnError() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-extract-count-missing")
        let run = try Fixtures.run(executable, ["extract", "--count", folder + "/no-such-corpus"], directory: Fixtures.repositoryRoot)
        #expect(run.status != 0)
        #expect(run.err.contains("no-such-corpus"))
    }

    @Test func aMissingOntologyIsStillAnError() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-extract-count-ontology")
        Fixtures.write("Kratom may relieve chronic pain.\n", to: "a.txt", in: folder + "/corpus")
        let run = try Fixtures.run(executable, ["extract", "--count", "--ontology", folder + "/no-such-ontology", folder + "/corpus"],
                                   directory: Fixtures.repositoryRoot)
        #expect(run.status != 0)
        #expect(run.err.contains("no-such-ontology"))
    }
}
