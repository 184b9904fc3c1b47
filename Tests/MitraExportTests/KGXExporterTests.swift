import Foundation
import MitraExport
import MitraStore
import MitraTestSupport
import Testing

@Suite struct KGXExporterTests {
    func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func exportsNodesClaimsAndMentionsAsJSONLines() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom contains mitragynine.\n", to: "corpus/a.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        _ = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/corpus"])
        try KGXExporter().export(store: store, to: dir + "/kgx")

        let nodes = try lines(dir + "/kgx/nodes.jsonl")
        #expect(Set(nodes.compactMap { $0["name"] as? String }) == ["kratom", "mitragynine"])
        let kratom = try #require(nodes.first { $0["name"] as? String == "kratom" })
        #expect(kratom["class"] as? String == "Plant")
        #expect(kratom["category"] as? [String] == ["biolink:OrganismTaxon"])

        let mentions = try lines(dir + "/kgx/mentions.jsonl")
        #expect(mentions.count == 2)
        #expect(mentions[0]["doc"] as? String == "a.txt")
        #expect(mentions[0]["start"] as? Int == 0 && mentions[0]["end"] as? Int == 6)

        let edges = try lines(dir + "/kgx/edges.jsonl")
        let contains = try #require(edges.first)
        #expect(contains["original_predicate"] as? String == "mg:contains")
        #expect(contains["predicate"] as? String == "biolink:has_part")
        #expect(contains["negated"] as? Bool == false)
        #expect(contains["publications"] as? [String] == ["a.txt"])
        #expect(contains["supporting_text"] as? [String] == ["Kratom contains mitragynine."])
    }
}
