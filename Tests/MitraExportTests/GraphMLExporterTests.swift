import Foundation
@testable import MitraExport
import MitraBuild
import MitraModel
import MitraStore
import MitraTestSupport
import Testing

@Suite struct GraphMLExporterTests {
    func exported(subgraph: Subgraph? = nil) throws -> (String, String, Int) {
        let (store, dir) = try ExportFixture.store()
        let path = dir + "/fixture.graphml"
        let count = try GraphMLExporter().export(store: store, to: path, subgraph: subgraph)
        try TableExporter(format: .json).export(store: store, to: dir + "/fixture.json", subgraph: subgraph)
        return (path, dir, count)
    }

    @Test func writesWellFormedGraphMLWithTypedKeys() throws {
        let (path, _, count) = try exported()
        #expect(count == 5)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let xml = try XMLCheck(bytes: bytes, collecting: ["data"])
        #expect(xml.root == "graphml")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""))
        #expect(text.contains("<graph id=\"mitragraph\" edgedefault=\"directed\">"))
        #expect(text.contains("<key id=\"e_contested\" for=\"edge\" attr.name=\"contested\" attr.type=\"boolean\"/>"))
        #expect(text.contains("<key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>"))
        let data = xml.texts["data"] ?? []
        #expect(data.contains("Kratom \"the leaf\" \\ <b>&</b>"))
        #expect(data.contains("odd\\\"id\r\nx") || data.contains("odd\\\"id\nx"))
        #expect(data.contains("[\"a.txt\",\"c-кратом 🌿.md\",\"docs/b \\\"q\\\" & <x>.txt\"]"))
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))
    }

    @Test func nodeIdsAreNMTokensAndEdgeIdsUnique() throws {
        let (path, _, _) = try exported()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<node id=\"kratom\">"))
        #expect(text.contains("<node id=\"odd_20id_2F_C3_BC_5Fx\">"))
        #expect(text.contains("source=\"kratom\" target=\"odd_20id_2F_C3_BC_5Fx\""))
        let ids = text.components(separatedBy: "<edge id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == 5 && Set(ids).count == 5)
    }

    @Test func escapesIdsOneToOne() {
        #expect(NMToken.escape("mu-opioid-receptor") == "mu-opioid-receptor")
        #expect(NMToken.escape("7-hydroxymitragynine") == "7-hydroxymitragynine")
        #expect(NMToken.escape("a_b") == "a_5Fb")
        #expect(NMToken.escape("a b") == "a_20b")
        #expect(NMToken.escape("a_20b") == "a_5F20b")
        #expect(NMToken.escape("") == "_")
    }

    @Test func listsEachEdgesDocumentsOnceInOrder() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-graphml")
        let store = try GraphStore(path: dir + "/s.sqlite", create: true)
        let text = "Kratom treats chronic pain."
        let claims = { (doc: String) in
            (0..<2).map { _ in ExportFixture.claim("kratom", "treats", "chronic-pain", doc: doc, sentence: 0, text: text) }
        }
        try store.write(ontology: ExportFixture.ontology, results: [
            ExportFixture.result("z\"q\n.txt", [text], mentions: [], claims: claims("z\"q\n.txt")),
            ExportFixture.result("b.txt", [text], mentions: [], claims: claims("b.txt")
                + [ExportFixture.claim("kratom", "contains", "mitragynine", doc: "b.txt", sentence: 0, text: text)]),
        ])
        try GraphMLExporter().export(store: store, to: dir + "/g.graphml")
        let xml = try XMLCheck(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.graphml"))), collecting: ["data"])
        let data = xml.texts["data"] ?? []
        #expect(data.contains(#"["b.txt","z\"q\n.txt"]"#))
        #expect(data.contains(#"["b.txt"]"#))
    }

    /// An entity only mentioned is left out unless asked for; every edge weighs its support;
    /// supporting and denying documents are apart.
    @Test func isolatedNodesWeightsAndDocumentSides() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-graphml-isolated")
        let store = try GraphStore(path: dir + "/s.sqlite", create: true)
        let text = "Kratom treats chronic pain near mitragynine."
        try store.write(ontology: ExportFixture.ontology, results: [
            ExportFixture.result("a.txt", [text], mentions: [("mitragynine", 0, "mitragynine")],
                                 claims: [ExportFixture.claim("kratom", "treats", "chronic-pain", doc: "a.txt", sentence: 0, text: text)]),
            ExportFixture.result("b.txt", [text], mentions: [],
                                 claims: [ExportFixture.claim("kratom", "treats", "chronic-pain", doc: "b.txt", sentence: 0, text: text, negated: true)]),
        ])
        try GraphMLExporter().export(store: store, to: dir + "/g.graphml")
        let text1 = try String(contentsOfFile: dir + "/g.graphml", encoding: .utf8)
        #expect(!text1.contains("<node id=\"mitragynine\""))
        #expect(text1.contains("<node id=\"kratom\""))
        #expect(text1.contains(#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#))
        #expect(text1.contains(#"<data key="e_weight">1</data>"#))
        #expect(text1.contains(#"<data key="e_supporting_documents">[&quot;a.txt&quot;]</data><data key="e_denying_documents">[&quot;b.txt&quot;]</data>"#))
        try GraphMLExporter(includeIsolated: true).export(store: store, to: dir + "/all.graphml")
        #expect(try String(contentsOfFile: dir + "/all.graphml", encoding: .utf8).contains("<node id=\"mitragynine\""))
    }

    @Test func restrictsToASubgraph() throws {
        let sub = Subgraph(edges: [EdgeKey(subject: "kratom", predicate: "contains", object: "mitragynine")])
        let (path, _, count) = try exported(subgraph: sub)
        #expect(count == 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "<node ").count == 3)
    }

    @Test(.enabled(if: ExportFixture.python != nil, "needs .venv-test (make test creates it)"))
    func readsBackInNetworkxAndIgraphWithEveryAttributeAndType() throws {
        let (path, dir, _) = try exported()
        let (status, output) = try ExportFixture.run(ExportFixture.python!, [
            Fixtures.repositoryRoot + "/scripts/check-exports.py", "graphml", path, dir + "/fixture.json",
        ])
        #expect(status == 0, "\(output)")
    }
}

@Suite struct MarkupBufferTests {
    /// What the buffer holds, read back through libxml2's writer as raw markup.
    func written(_ build: (inout MarkupBuffer) -> Void) throws -> String {
        let path = Fixtures.temporaryDirectory("mitragraph-markup") + "/m.xml"
        let target = try OutputTarget(path: path)
        let file = try target.open()
        let xml = try XMLStreamWriter(file: file, path: path)
        try xml.start("m")
        var out = MarkupBuffer()
        build(&out)
        try out.flush(to: xml)
        try xml.end()
        try xml.finish()
        try target.close(file)
        try target.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return String(text[text.range(of: "<m>")!.upperBound..<text.range(of: "</m>")!.lowerBound])
    }

    @Test func escapesTextAsLibxml2DoesAndDropsWhatXMLForbids() throws {
        let text = try written { out in
            out.appendText("a<b>&\"c\"\r\u{1}d\u{FFFE}e\u{FFFF}\tf\ng \u{FFFD}é—ok")
        }
        #expect(text == "a&lt;b&gt;&amp;&quot;c&quot;&#13;de\tf\ng \u{FFFD}é—ok")
    }

    @Test func copiesCleanTextAndNumbersAsTheyAre() throws {
        let text = try written { out in
            out.append("<x>")
            out.appendText("mu-opioid receptor")
            out.append(Int64(-42))
            out.append(Int64(0))
            out.appendVerbatim("bench-agency-3")
            out.append("</x>")
        }
        #expect(text == "<x>mu-opioid receptor-420bench-agency-3</x>")
    }

    @Test func flushesOnlyOnceFull() throws {
        var out = MarkupBuffer()
        let path = Fixtures.temporaryDirectory("mitragraph-markup-full") + "/m.xml"
        let target = try OutputTarget(path: path)
        let file = try target.open()
        defer { fclose(file) }
        let xml = try XMLStreamWriter(file: file, path: path)
        out.appendText("short")
        try out.flushIfFull(to: xml)
        #expect(!out.isEmpty)
        out.appendText(String(repeating: "x", count: MarkupBuffer.flushSize))
        try out.flushIfFull(to: xml)
        #expect(out.isEmpty)
    }
}
