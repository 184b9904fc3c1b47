import Foundation
import MitraBuild
@testable import MitraExport
import MitraModel
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
        #expect(contains["holder"] == nil)
    }

    @Test func writesWhoHoldsAClaim() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Users report that kratom relieves back pain.\n", to: "corpus/a.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        _ = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/corpus"])
        try KGXExporter().export(store: store, to: dir + "/kgx")
        let edges = try lines(dir + "/kgx/edges.jsonl")
        #expect(edges.map { $0["holder"] as? String } == ["users"])
    }
}

@Suite struct KGXExporterFixtureTests {
    func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func keepsNastyLabelsExactInEveryFile() throws {
        let (store, dir) = try ExportFixture.store()
        try KGXExporter().export(store: store, to: dir + "/kgx")
        let nodes = try lines(dir + "/kgx/nodes.jsonl")
        #expect(nodes.count == 6)
        #expect(nodes.contains { $0["name"] as? String == "odd\\\"id\r\nx" && $0["id"] as? String == "mge:odd id/ü_x" })
        let edges = try lines(dir + "/kgx/edges.jsonl")
        #expect(edges.count == 7, "one edge per claim")
        #expect(edges.contains { ($0["publications"] as? [String]) == ["docs/b \"q\" & <x>.txt"] })
        #expect(edges.contains { ($0["supporting_text"] as? [String]) == [ExportFixture.c1] })
        let mentions = try lines(dir + "/kgx/mentions.jsonl")
        #expect(mentions.count == 10)
        #expect(mentions.contains { $0["text"] as? String == "μ-opioid receptor" })
    }

    @Test func restrictsToASubgraph() throws {
        let (store, dir) = try ExportFixture.store()
        let sub = Subgraph(edges: [EdgeKey(subject: "kratom", predicate: "treats", object: "chronic-pain")])
        try KGXExporter().export(store: store, to: dir + "/kgx", subgraph: sub)
        #expect(try lines(dir + "/kgx/nodes.jsonl").count == 2)
        let edges = try lines(dir + "/kgx/edges.jsonl")
        #expect(edges.count == 3)
        #expect(edges.allSatisfy { $0["original_predicate"] as? String == "mg:treats" })
        let mentions = try lines(dir + "/kgx/mentions.jsonl")
        #expect(Set(mentions.compactMap { $0["entity"] as? String }) == ["NCBITaxon:170351", "MESH:D059350"])
    }

    /// As the Biolink tools expect: canonical CURIEs as ids (the `mge:` id among the xrefs),
    /// one information resource, an edge category, and a prefix map for every CURIE used.
    @Test func canonicalIdsSourcesCategoriesAndPrefixes() throws {
        let (store, dir) = try ExportFixture.store()
        try KGXExporter().export(store: store, to: dir + "/kgx")
        let nodes = try lines(dir + "/kgx/nodes.jsonl")
        let mitragynine = try #require(nodes.first { $0["name"] as? String == "mitragynine\nline two" })
        #expect(mitragynine["id"] as? String == "CHEBI:6956")
        #expect(mitragynine["xref"] as? [String] == ["mge:mitragynine"])
        // No exact match of a preferred prefix: the entity keeps its own id.
        #expect(nodes.contains { $0["id"] as? String == "mge:odd id/ü_x" })
        #expect(nodes.allSatisfy { $0["provided_by"] as? [String] == ["infores:mitragraph"] })
        let edges = try lines(dir + "/kgx/edges.jsonl")
        #expect(edges.allSatisfy { $0["category"] as? [String] == ["biolink:Association"] })
        #expect(edges.allSatisfy { $0["primary_knowledge_source"] as? String == "infores:mitragraph" })
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        #expect(edges.allSatisfy { ids.contains($0["subject"] as? String ?? "") && ids.contains($0["object"] as? String ?? "") })
        let prefixes = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/kgx/prefixes.json"))) as? [String: String])
        // FOO: is the fixture's made-up prefix, which no map knows.
        for curie in ids.union(nodes.flatMap { $0["xref"] as? [String] ?? [] }) where !curie.hasPrefix("FOO:") {
            let prefix = String(curie.split(separator: ":")[0])
            #expect(prefixes[prefix] != nil, "no prefix \(prefix) in prefixes.json")
        }
        #expect(prefixes["CHEBI"] == "http://purl.obolibrary.org/obo/CHEBI_")
    }

    /// Two entities claiming one CURIE both keep their own ids, so no two nodes merge.
    @Test func aSharedCURIEIsNoId() {
        let a = Entity(id: "a", iri: "mge:a", prefLabel: "a", entityClass: .drug, exactMatches: ["CHEBI:1"])
        let b = Entity(id: "b", iri: "mge:b", prefLabel: "b", entityClass: .drug, exactMatches: ["CHEBI:1", "MESH:D1"])
        let c = Entity(id: "c", iri: "mge:c", prefLabel: "c", entityClass: .drug, exactMatches: ["WIKIDATA:Q1", "MESH:D2"])
        #expect(KGXExporter.nodeIDs([a, b, c]) == ["a": "mge:a", "b": "mge:b", "c": "MESH:D2"])
    }

    @Test(.enabled(if: Fixtures.sharedDirectory != nil, "../shared (seeds and eval/score.py) is absent"))
    func passesTheEvaluationScorerOnTheSeeds() throws {
        let shared = Fixtures.sharedDirectory!
        let dir = Fixtures.temporaryDirectory("mitragraph-kgx-seeds")
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        _ = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [shared + "/seeds"])
        try KGXExporter().export(store: store, to: dir + "/kgx")
        let (status, output) = try ExportFixture.run("/usr/bin/env", [
            "python3", shared + "/eval/score.py", "--gold", shared + "/gold/seeds.jsonl", "--export", dir + "/kgx", "--json",
        ])
        #expect(status == 0, "\(output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let documents = report["documents"] as? Int ?? 0
        #expect(documents > 0)
        #expect(report["documents_with_output"] as? Int == documents)
        let entity = try #require(report["entity"] as? [String: Any])
        #expect((entity["f1"] as? Double ?? 0) > 0.5)
    }
}
