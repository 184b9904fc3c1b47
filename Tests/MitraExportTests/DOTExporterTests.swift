import Foundation
@testable import MitraExport
import MitraModel
import Testing

@Suite struct DOTExporterTests {
    @Test func drawsOneNodePerConnectedEntityAndALegend() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        #expect(dot.hasPrefix("digraph mitragraph {\n"))
        #expect(dot.contains("rankdir=\"LR\";"))
        #expect(dot.contains("subgraph cluster_legend {"))
        #expect(dot.contains(#""kratom" [label="Kratom \"the leaf\" \\ <b>&amp;</b>", shape="ellipse""#))
        #expect(dot.contains(#""legend class AdverseEffect" [label="AdverseEffect""#))
        // Only mentioned, never in an edge: left out unless asked for.
        #expect(!dot.contains("\"unused\""))
        let all = try DOTExporter(includeIsolated: true).dot(store: store)
        #expect(!all.contains("\"unused\""), "never mentioned at all, so not in the graph")
    }

    @Test func parsesInDotWhichDrawsEveryLabelAsWritten() throws {
        let (store, dir) = try ExportFixture.store()
        try DOTExporter().export(store: store, to: dir + "/f.dot")
        let (status, output) = try ExportFixture.run("/usr/bin/dot", ["-Tjson", dir + "/f.dot"])
        #expect(status == 0, "\(output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let objects = try #require(json["objects"] as? [[String: Any]])
        var drawn: [String: [String]] = [:]
        for object in objects {
            guard let name = object["name"] as? String else { continue }
            drawn[name] = (object["_ldraw_"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }
        #expect(drawn["kratom"] == ["Kratom \"the leaf\" \\ <b>&</b>"])
        #expect(drawn["mitragynine"] == ["mitragynine", "line two"])
        #expect(drawn["nausea"] == ["nausea & vomiting <severe>"])
        #expect(drawn["odd id/ü_x"] == ["odd\\\"id", "x"])
        #expect(drawn["chronic-pain"] == ["慢性疼痛 chronic pain 'q'"])
        let edges = try #require(json["edges"] as? [[String: Any]])
        // Only the graph's edges carry labels (the legend's samples and spacers have none).
        let labelled = edges.compactMap { ($0["_ldraw_"] as? [[String: Any]])?.compactMap { $0["text"] as? String } }
        #expect(labelled.sorted { $0.joined() < $1.joined() } == [
            ["contains"], ["interacts with"], ["not has adverse effect"], ["treats"], ["treats (+2 −1)"],
        ])
    }

    @Test func stylesEdgesByTheirEvidence() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        let lines = dot.split(separator: "\n").map(String.init)
        func edge(_ from: String, _ to: String) throws -> String {
            try #require(lines.first { $0.contains("\"\(from)\" -> \"\(to)\"") })
        }
        // kratom treats chronic pain: two documents affirm, one denies → contested, red.
        let contested = try edge("kratom", "chronic-pain")
        #expect(contested.contains(#"label="treats (+2 −1)""#))
        #expect(contested.contains("color=\"\(DOTStyle.contestedColor)\""))
        #expect(contested.contains(#"penwidth="2.5""#))
        // has_adverse_effect nausea: only denied → purple, dotted, a bar for an arrowhead.
        let denied = try edge("kratom", "nausea")
        #expect(denied.contains(#"label="not has adverse effect""#))
        #expect(denied.contains(#"arrowhead="tee""#) && denied.contains(#"style="dotted""#))
        // interacts_with: every claim hedged → dashed.
        let hedged = try edge("mitragynine", "mu-opioid-receptor")
        #expect(hedged.contains(#"style="dashed""#) && hedged.contains(#"penwidth="1.0""#))
        let plain = try edge("kratom", "mitragynine")
        #expect(plain.contains(#"style="solid""#) && plain.contains(#"arrowhead="normal""#))
        #expect(plain.contains("tooltip=\"Kratom \\\"the leaf\\\" \\\\ <b>&amp;</b> contains mitragynine\\nline two\\n1 supporting"))
    }

    @Test func tooltipsGiveExternalIdsAndEvidenceCounts() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        #expect(dot.contains(#"tooltip="Kratom \"the leaf\" \\ <b>&amp;</b> (Plant)\nmge:kratom\nsame as: NCBITaxon:170351, WIKIDATA:Q2306026\n3 mentions in 3 documents""#))
    }

    /// An edge's tooltip names the affirming and the denying documents apart.
    @Test func tooltipsSeparateTheSides() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        #expect(dot.contains(#"affirmed in: a.txt, c-кратом 🌿.md\ndenied in: docs/b \"q\" &amp; <x>.txt"#))
    }

    /// circo lays a hub with many neighbours out over a wide ring; the drawing stays within
    /// 30 inches (2880 pixels at 96 dpi) whatever its size.
    @Test func circoStaysReasonablySized() throws {
        // Three hubs of thirty neighbours, two of them joined in a few places: a drawing of
        // some 6700×8500 pixels uncapped.
        var chains: [EdgeKey] = []
        for hub in 0..<3 {
            for leaf in 0..<30 { chains.append(EdgeKey(subject: "hub\(hub)", predicate: "treats", object: "leaf\(hub) \(leaf)")) }
        }
        for leaf in stride(from: 0, to: 30, by: 5) {
            chains.append(EdgeKey(subject: "leaf0 \(leaf)", predicate: "treats", object: "leaf1 \(leaf)"))
        }
        let edges = chains.map {
            EdgeRecord(edge: Edge(key: $0, supportingDocuments: 1, denyingDocuments: 0, hedgedClaims: 0, claimCount: 1), documents: ["d"])
        }
        let ids = Set(chains.flatMap { [$0.subject, $0.object] }).sorted()
        let nodes = ids.map {
            NodeRecord(entity: Entity(id: $0, iri: "x:" + $0, prefLabel: "a rather long label for " + $0, entityClass: .condition),
                       category: "c", mentions: 1, documents: 1, degree: 1)
        }
        let dot = DOTExporter(layout: .circo).render(nodes: nodes, edges: edges, ontology: ExportFixture.ontology)
        let png = [UInt8](try GraphvizRenderer().render(dot: dot, format: .png, layout: .circo))
        // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        let size = { (at: Int) in png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(size(16) <= 2880 && size(20) <= 2880, "circo drew \(size(16))×\(size(20)) pixels")
    }

    @Test func mergesParallelEdgesUnlessAskedNotTo() throws {
        let key1 = EdgeKey(subject: "a", predicate: "treats", object: "b")
        let key2 = EdgeKey(subject: "a", predicate: "complements", object: "b")
        let edges = [key1, key2].map {
            EdgeRecord(edge: Edge(key: $0, supportingDocuments: 1, denyingDocuments: 0, hedgedClaims: 0, claimCount: 1),
                       documents: ["d"])
        }
        let nodes = ["a", "b"].map {
            NodeRecord(entity: Entity(id: $0, iri: "x:" + $0, prefLabel: $0, entityClass: .plant), category: "c",
                       mentions: 1, documents: 1, degree: 2)
        }
        let merged = DOTExporter().render(nodes: nodes, edges: edges, ontology: ExportFixture.ontology)
        #expect(merged.components(separatedBy: "\"a\" -> \"b\"").count == 2)
        #expect(merged.contains(#"label="treats\ncomplements""#))
        let apart = DOTExporter(mergeParallelEdges: false).render(nodes: nodes, edges: edges, ontology: ExportFixture.ontology)
        #expect(apart.components(separatedBy: "\"a\" -> \"b\"").count == 3)
    }

    @Test func restrictsToASubgraph() throws {
        let (store, _) = try ExportFixture.store()
        let sub = Subgraph(edges: [EdgeKey(subject: "kratom", predicate: "contains", object: "mitragynine")])
        let dot = try DOTExporter().dot(store: store, subgraph: sub)
        #expect(dot.contains("\"kratom\" -> \"mitragynine\""))
        #expect(!dot.contains("\"chronic-pain\""))
        #expect(dot.contains("2 entities, 1 edges"))
    }

    /// Outside dot, the legend is a table in the heading, under the title, never a node the
    /// layout could put beneath the title or adrift.
    @Test func drawsTheLegendInTheHeadingOutsideDot() throws {
        let (store, _) = try ExportFixture.store()
        for layout in [GraphLayout.neato, .fdp, .sfdp, .circo] {
            let dot = try DOTExporter(layout: layout).dot(store: store)
            #expect(dot.contains("label=<<TABLE BORDER=\"0\" CELLSPACING=\"6\"><TR><TD>6 entities, 5 edges</TD></TR><TR><TD><TABLE"))
            #expect(!dot.contains("legend class"))
            #expect(!dot.contains("cluster_legend"))
        }
        #expect(try DOTExporter(layout: .dot).dot(store: store).contains("\"legend class Plant\""))
        #expect(try DOTExporter(layout: .circo).dot(store: store).contains("size=\"30,30\";"))
        #expect(DOTExporter.legendTable([EntityClass("A<&>\"B")]).contains(">A&lt;&amp;&gt;&quot;B</TD>"))
    }

    @Test func tunesGraphAttributesToTheLayout() throws {
        let (store, _) = try ExportFixture.store()
        for layout in GraphLayout.allCases {
            let dot = try DOTExporter(layout: layout).dot(store: store)
            #expect(dot.contains("rankdir=\"LR\"") == (layout == .dot))
            #expect(dot.contains("overlap=\"false\"") == (layout != .dot))
        }
    }
}

@Suite struct DOTHubTests {
    func hub(_ layout: GraphLayout) -> String {
        let targets = (0..<12).map { "t\($0)" }
        let edges = targets.map {
            EdgeRecord(edge: Edge(key: EdgeKey(subject: "hub", predicate: "treats", object: $0), supportingDocuments: 1,
                                  denyingDocuments: 0, hedgedClaims: 0, claimCount: 1), documents: ["d"])
        }
        let nodes = (["hub"] + targets).map {
            NodeRecord(entity: Entity(id: $0, iri: "x:" + $0, prefLabel: $0, entityClass: .condition), category: "c",
                       mentions: 1, documents: 1, degree: 1)
        }
        return DOTExporter(layout: layout).render(nodes: nodes, edges: edges, ontology: ExportFixture.ontology)
    }

    @Test func staggersAHubsNeighboursOverThreeRanksInDot() {
        let dot = hub(.dot)
        let lengths = dot.split(separator: "\n").filter { $0.contains("\"hub\" -> ") }.map { line in
            line.range(of: "minlen=\"").map { String(line[$0.upperBound...].prefix(1)) }
        }
        #expect(lengths == ["1", "2", "3", "1", "2", "3", "1", "2", "3", "1", "2", "3"])
    }

    @Test func leavesOtherLayoutsAlone() {
        #expect(!hub(.neato).split(separator: "\n").contains { $0.contains("\"hub\" -> ") && $0.contains("minlen") })
    }
}
