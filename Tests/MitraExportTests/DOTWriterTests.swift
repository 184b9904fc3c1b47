import Foundation
@testable import MitraExport
import Testing

@Suite struct DOTWriterTests {
    @Test func quotesAPlainStringAsIs() {
        #expect(DOTWriter.quoted("kratom") == "\"kratom\"")
        #expect(DOTWriter.quoted("") == "\"\"")
    }

    @Test func escapesQuotesBackslashesAndAmpersands() {
        #expect(DOTWriter.quoted("say \"hi\"") == #""say \"hi\"""#)
        #expect(DOTWriter.quoted("back\\slash") == #""back\\slash""#)
        #expect(DOTWriter.quoted("trailing\\") == #""trailing\\""#)
        #expect(DOTWriter.quoted("\\N") == #""\\N""#)
        #expect(DOTWriter.quoted("a & b <c>") == #""a &amp; b <c>""#)
        #expect(DOTWriter.quoted("&amp;") == #""&amp;amp;""#)
    }

    @Test func turnsLineBreaksIntoDOTNewlinesAndControlsIntoSpaces() {
        #expect(DOTWriter.quoted("one\ntwo") == #""one\ntwo""#)
        #expect(DOTWriter.quoted("one\r\ntwo") == #""one\ntwo""#)
        #expect(DOTWriter.quoted("one\rtwo") == #""one\ntwo""#)
        #expect(DOTWriter.quoted("tab\there\u{7}") == "\"tab here \"")
    }

    @Test func keepsEmojiAndNonLatinScripts() {
        for s in ["🌿 leaf 🧪", "кратом", "慢性疼痛", "ميتراجينين", "μ-opioid"] {
            #expect(DOTWriter.quoted(s) == "\"" + s + "\"")
        }
    }

    @Test func leavesNilAttributesOut() {
        #expect(DOTWriter.attributes(["label": "a\"b", "color": nil, "shape": "box"]) == #"label="a\"b", shape="box""#)
    }

    /// Every nasty string, as a node name and a label, survives Graphviz's own parser: `dot`
    /// draws exactly the text we meant.
    @Test func everyNastyStringParsesInDotAndDrawsAsWritten() throws {
        var w = DOTWriter()
        w.open("digraph t")
        for (n, s) in ExportFixture.nasty.enumerated() {
            w.node(s, ["label": s, "tooltip": s])
            if n > 0 { w.edge(ExportFixture.nasty[n - 1], s, ["label": s]) }
        }
        w.close()
        let dir = NSTemporaryDirectory() + "dotwriter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try w.text.write(toFile: dir + "/t.dot", atomically: true, encoding: .utf8)
        let (status, output) = try ExportFixture.run("/usr/bin/dot", ["-Tjson", dir + "/t.dot"])
        #expect(status == 0, "\(output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let objects = try #require(json["objects"] as? [[String: Any]])
        #expect(objects.count == ExportFixture.nasty.count)
        for (object, wanted) in zip(objects, ExportFixture.nasty) {
            let drawn = (object["_ldraw_"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            let lines = wanted.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .replacingOccurrences(of: "\t", with: " ").split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init).filter { !$0.isEmpty }
            #expect(drawn == lines, "label \(wanted.debugDescription) drawn as \(drawn)")
        }
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count == ExportFixture.nasty.count - 1)
    }
}
