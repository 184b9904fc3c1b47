import Foundation
@testable import MitraExport
import MitraModel
import MitraStore
import MitraTestSupport
import Testing

@Suite struct TableExporterTests {
    @Test func quotesCSVCellsAsRFC4180Asks() {
        #expect(TableExporter.csvCell("plain") == "plain")
        #expect(TableExporter.csvCell("a,b") == "\"a,b\"")
        #expect(TableExporter.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(TableExporter.csvCell("one\ntwo") == "\"one\ntwo\"")
        #expect(TableExporter.csvCell("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(TableExporter.csvCell(["a", "b,c"]) == "\"[\"\"a\"\", \"\"b,c\"\"]\"")
        #expect(TableExporter.csvCell(true) == "true")
        #expect(TableExporter.csvCell(12) == "12")
    }

    @Test func writesJSONThatParsesWithEveryNodeAndEdge() throws {
        let (store, dir) = try ExportFixture.store()
        try TableExporter(format: .json).export(store: store, to: dir + "/g.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/g.json"))) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(nodes.count == 6)
        #expect(edges.count == 5)
        let kratom = try #require(nodes.first { $0["id"] as? String == "kratom" })
        #expect(kratom["label"] as? String == "Kratom \"the leaf\" \\ <b>&</b>")
        #expect(kratom["synonyms"] as? [String] == ["кратом", "🌿 leaf", "ketum"])
        #expect(kratom["mentions"] as? Int == 3)
        let treats = try #require(edges.first { $0["predicate"] as? String == "treats" && $0["object"] as? String == "chronic-pain" })
        #expect(treats["support"] as? Int == 2 && treats["denials"] as? Int == 1)
        #expect(treats["contested"] as? Bool == true)
        #expect(treats["documents"] as? [String] == ["a.txt", "c-кратом 🌿.md", "docs/b \"q\" & <x>.txt"])
    }

    @Test func writesCSVWithAHeaderAndOneRowPerNodeAndEdge() throws {
        let (store, dir) = try ExportFixture.store()
        try TableExporter(format: .csv).export(store: store, to: dir + "/csv")
        let nodes = try String(contentsOfFile: dir + "/csv/nodes.csv", encoding: .utf8)
        #expect(nodes.hasPrefix(TableExporter.nodeColumns.joined(separator: ",") + "\r\n"))
        let edges = try String(contentsOfFile: dir + "/csv/edges.csv", encoding: .utf8)
        #expect(edges.hasPrefix("subject,predicate,object,"))
        #expect(edges.contains("kratom,treats,chronic-pain,\"Kratom \"\"the leaf\"\" \\ <b>&</b>\",慢性疼痛 chronic pain 'q',biolink:treats,2,1,0,3,true,false,"))
    }

    @Test(.enabled(if: ExportFixture.python != nil, "needs .venv-test (make test creates it)"))
    func csvReadsBackInPythonAsTheJSONSays() throws {
        let (store, dir) = try ExportFixture.store()
        try TableExporter(format: .csv).export(store: store, to: dir + "/csv")
        try TableExporter(format: .json).export(store: store, to: dir + "/g.json")
        let (status, output) = try ExportFixture.run(ExportFixture.python!, [
            Fixtures.repositoryRoot + "/scripts/check-exports.py", "csv", dir + "/csv", dir + "/g.json",
        ])
        #expect(status == 0, "\(output)")
    }
}

@Suite struct GraphSourceOrderTests {
    func key(_ s: String) -> EdgeKey { EdgeKey(subject: s, predicate: "p", object: "o") }

    /// The claims cursor is merged with the edges cursor, so keys must compare exactly as
    /// SQLite orders them: by UTF-8 bytes, not by Unicode canonical equivalence.
    @Test func comparesKeysByTheirUTF8Bytes() {
        #expect(GraphStore.byteOrder(key("Z"), key("a")) < 0)
        #expect(GraphStore.byteOrder(key("a"), key("é")) < 0)
        #expect(GraphStore.byteOrder(key("e\u{301}"), key("\u{E9}")) < 0, "NFD and NFC differ as bytes")
        #expect(GraphStore.byteOrder(key("x"), key("x")) == 0)
        #expect(GraphStore.byteOrder(EdgeKey(subject: "a", predicate: "q", object: "o"), key("a")) > 0)
        #expect(GraphStore.byteOrder(EdgeKey(subject: "a", predicate: "p", object: "a"), key("a")) < 0)
    }
}
