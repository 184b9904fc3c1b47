import Foundation
import MitraModel
import MitraOntology
import MitraTestSupport
import Testing

/// The worked example of ontology/README.md ("How to add an entity or a synonym") does what
/// the README says when layered over the shipped ontology.
@Suite struct OntologyReadmeTests {
    /// The Turtle between `cat > ~/my-ontology/local.ttl <<'EOF'` and `EOF` in the README.
    static func example() throws -> String {
        let readme = try String(contentsOfFile: Fixtures.ontologyDirectory + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "cat > ~/my-ontology/local.ttl <<'EOF'\n"))
        let end = try #require(readme.range(of: "\nEOF\n", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theWorkedExampleLayersCleanly() throws {
        let mine = Fixtures.temporaryDirectory()
        Fixtures.write(try Self.example(), to: "local.ttl", in: mine)
        let report = try OntologyChecker().check(directories: [Fixtures.ontologyDirectory, mine])
        #expect(report.findings.filter { $0.severity != .note }.map(\.description) == [])
        let shipped = OntologyStatistics(Fixtures.ontology)
        let layered = try #require(report.statistics)
        #expect(layered.total.entities == shipped.total.entities + 1)
        #expect(layered.classes.first { $0.entityClass == "Therapy" }?.entities
            == (shipped.classes.first { $0.entityClass == "Therapy" }?.entities ?? 0) + 1)

        let o = try OntologyLoader().load(directories: [Fixtures.ontologyDirectory, mine])
        #expect(o.resolve("shiatsu")?.id == "acupressure")
        #expect(o.sources["acupressure"]?.file == mine + "/local.ttl")
        #expect(o.resolve("thom")?.id == "kratom")
        #expect(o.entities["gabapentin"]?.hiddenLabels.contains("gabapenton") == true)
        #expect(o.cues.triggers["treats"]?.last == "brings relief to")
    }
}
