import Foundation
import MitraModel
import MitraRDF
import MitraTestSupport
import Testing

/// Every shipped Turtle file parses with the reference tools, and they read as many statements
/// from it as our reader does.
@Suite struct OntologyFileSyntaxTests {
    static let files: [String] = {
        let root = Fixtures.ontologyDirectory
        let walker = FileManager.default.enumerator(atPath: root)
        return (walker?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".ttl") }.sorted().map { root + "/" + $0 }
    }()

    /// Runs a tool and returns its exit status, standard output and standard error.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try Fixtures.run(tool, arguments)
        return (r.status, r.out, r.err)
    }

    static func ourCount(_ file: String) throws -> Int { try RDFReader(syntax: .turtle).quads(file: file).count }

    @Test func theShippedFilesAreTheOnesTheREADMEDescribes() {
        let names = Self.files.map { String($0.dropFirst(Fixtures.ontologyDirectory.count + 1)) }
        #expect(names == [
            "common-words.ttl", "cues.ttl",
            "entities/adverse-effects.ttl", "entities/agencies.ttl", "entities/alkaloids.ttl", "entities/conditions.ttl",
            "entities/drugs.ttl", "entities/neurotransmitters.ttl", "entities/plant.ttl", "entities/receptors.ttl",
            "entities/therapies.ttl", "rules.ttl", "schema.ttl",
        ])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/serdi")), arguments: files)
    func parsesWithSerdi(file: String) throws {
        let result = try Self.run("/usr/bin/serdi", ["-i", "turtle", "-o", "ntriples", file])
        #expect(result.status == 0, "\(file): \(result.err)")
        #expect(result.err.isEmpty, "\(file): \(result.err)")
        let lines = result.out.split(separator: "\n").count
        #expect(lines > 0)
        #expect(lines == (try Self.ourCount(file)), "\(file)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/rapper")), arguments: files)
    func parsesWithRapper(file: String) throws {
        let result = try Self.run("/usr/bin/rapper", ["-i", "turtle", "-c", file])
        #expect(result.status == 0, "\(file): \(result.err)")
        #expect(!result.err.contains("rapper: Error"), "\(file): \(result.err)")
        let count = result.err.split(separator: "\n").first { $0.contains("Parsing returned") }
            .flatMap { $0.split(separator: " ").dropFirst(3).first }.flatMap { Int($0) }
        #expect(count == (try Self.ourCount(file)), "\(file): \(result.err)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/serdi")))
    func serdiRejectsTheMalformedFixtureToo() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(OntologyFixtures.header + "mge:x a skos:Concept ;\n  skos:prefLabel \"x\" \n mge:y .\n", to: "bad.ttl", in: dir)
        let result = try Self.run("/usr/bin/serdi", ["-i", "turtle", "-o", "ntriples", path])
        #expect(result.status != 0)
        #expect(result.err.contains("bad.ttl:11:"))
    }
}
