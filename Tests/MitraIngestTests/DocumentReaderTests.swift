import Foundation
import MitraIngest
import MitraTestSupport
import Testing

@Suite struct DocumentReaderTests {
    @Test func anEmptyFolderGivesNothing() throws {
        let dir = Fixtures.temporaryDirectory()
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.isEmpty && batch.warnings.isEmpty)
    }

    @Test func foldersAreReadRecursivelyWithRelativeIDs() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom relieves pain.", to: "a.txt", in: dir)
        Fixtures.write("# Kratom\n\nIt may cause nausea.", to: "sub/b.md", in: dir)
        Fixtures.write("<p>Kratom contains mitragynine.</p>", to: "sub/deeper/c.html", in: dir)
        Fixtures.write("ignored", to: "notes.pdf", in: dir)
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.map(\.id) == ["a.txt", "sub/b.md", "sub/deeper/c.html"])
        #expect(batch.documents[2].text == "Kratom contains mitragynine.")
        #expect(batch.warnings.isEmpty)
    }

    @Test func inputsAreListedWithTheirIdsBeforeAnythingIsRead() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom relieves pain.", to: "in/a.txt", in: dir)
        Fixtures.write("Kratom may cause nausea.", to: "in/sub/b.md", in: dir)
        let file = Fixtures.write("Kratom contains mitragynine.", to: "one.txt", in: dir)
        let inputs = try DocumentReader().inputs([dir + "/in", file, "-"]).files
        #expect(inputs.map(\.id) == ["a.txt", "sub/b.md", "one.txt", "stdin"])
        #expect(inputs[1].path == dir + "/in/sub/b.md")
        #expect(inputs[0].root != nil && inputs[0].root == inputs[1].root && inputs[3].root == nil)
        #expect(throws: IngestError.self) { try DocumentReader().inputs([dir + "/in", dir + "/gone"]) }
    }

    @Test func aNamedFileIsItsOwnRoot() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("Kratom relieves pain.", to: "x/one.txt", in: dir)
        #expect(try DocumentReader().read(paths: [path]).documents.map(\.id) == ["one.txt"])
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: IngestError.self) { try DocumentReader().read(paths: ["/nonexistent/mitragraph/input"]) }
    }

    @Test func badFilesAreSkippedWithAWarningAndTheRestIsRead() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom relieves pain.", to: "good.txt", in: dir)
        try Data([0x4B, 0x00, 0x01, 0x02, 0xFF]).write(to: URL(fileURLWithPath: dir + "/binary.txt"))
        try Data([0x4B, 0x72, 0xE4, 0x74, 0x6F, 0x6D]).write(to: URL(fileURLWithPath: dir + "/latin1.txt"))
        Fixtures.write("  \n\n ", to: "empty.md", in: dir)
        Fixtures.write("<html><script>x()</script></html>", to: "nothing.html", in: dir)
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.map(\.id) == ["good.txt"])
        let kinds = Dictionary(uniqueKeysWithValues: batch.warnings.map { (($0.path as NSString).lastPathComponent, $0.kind) })
        #expect(kinds == ["binary.txt": .binary, "latin1.txt": .notUTF8, "empty.md": .empty, "nothing.html": .empty])
        #expect(batch.warnings.allSatisfy { $0.description.contains($0.path) })
    }

    @Test func lineEndingsAndByteOrderMarkAreNormalized() throws {
        let dir = Fixtures.temporaryDirectory()
        try Data([0xEF, 0xBB, 0xBF] + Array("Kratom.\r\nPain.\rNausea.".utf8)).write(to: URL(fileURLWithPath: dir + "/crlf.txt"))
        #expect(try DocumentReader().read(paths: [dir]).documents.first?.text == "Kratom.\nPain.\nNausea.")
    }

    @Test func jsonLinesGiveOneDocumentALineAndWarnAboutBadLines() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("""
            {"id": "p1", "text": "Kratom relieves pain."}
            not json
            {"id": "p2", "html": "<p>Kratom may cause <b>nausea</b>.</p>"}
            {"id": "p3"}
            """, to: "posts.jsonl", in: dir)
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.map(\.id) == ["posts.jsonl#p1", "posts.jsonl#p2"])
        #expect(batch.documents[1].text == "Kratom may cause nausea.")
        #expect(batch.warnings.map(\.line) == [2, 4])
        #expect(batch.warnings.allSatisfy { $0.kind == .malformedJSONLine })
    }

    @Test func anEnormousLineIsKeptWhole() throws {
        let dir = Fixtures.temporaryDirectory()
        let line = String(repeating: "kratom relieves pain ", count: 100_000)
        Fixtures.write(line, to: "long.txt", in: dir)
        #expect(try DocumentReader().read(paths: [dir]).documents.first?.text.utf8.count == line.utf8.count)
    }
}

/// Issue 11 points 6 and 8: no cut text, bounded work on hostile inputs.
@Suite struct HostileInputTests {
    @Test func point8_manyAttributesAreRefusedQuicklyWithAWarning() throws {
        let dir = Fixtures.temporaryDirectory()
        let attributes = (0..<50_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        Fixtures.write("<html><body><p \(attributes)>Kratom may cause nausea.</p></body></html>", to: "wide.html", in: dir)
        let started = Date()
        let batch = try DocumentReader().read(paths: [dir])
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(batch.documents.isEmpty)
        #expect(batch.warnings.map(\.kind) == [.tooLarge] && batch.warnings[0].path.hasSuffix("wide.html"))
    }

    @Test func point8_deepNestingKeepsTheTextUpToABoundAndWarnsPastIt() throws {
        let dir = Fixtures.temporaryDirectory()
        func page(_ depth: Int) -> String {
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Kratom may cause nausea.</p>"
                + String(repeating: "</div>", count: depth) + "<p>Kratom contains mitragynine.</p></body></html>"
        }
        Fixtures.write(page(300), to: "deep/a.html", in: dir)
        Fixtures.write(page(6_000), to: "deeper/a.html", in: dir)
        let deep = try DocumentReader().read(paths: [dir + "/deep"])
        #expect(deep.warnings.isEmpty && deep.documents.first?.text == "Kratom may cause nausea.\nKratom contains mitragynine.")
        let deeper = try DocumentReader().read(paths: [dir + "/deeper"])
        #expect(deeper.documents.first?.text == "Kratom contains mitragynine.")
        #expect(deeper.warnings.map(\.kind) == [.tooLarge] && deeper.warnings[0].message.contains("deeper than"))
    }

    @Test func point8_aHugeJSONLineIsSkippedWithAWarning() throws {
        let dir = Fixtures.temporaryDirectory()
        let huge = "{\"id\": 1, \"text\": \"" + String(repeating: "word ", count: (17 << 20) / 5) + "\"}\n"
        Fixtures.write(huge + "{\"id\": 2, \"text\": \"Kratom may cause nausea.\"}\n", to: "big.jsonl", in: dir)
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.map(\.id) == ["big.jsonl#2"])
        #expect(batch.warnings.map(\.kind) == [.tooLarge] && batch.warnings[0].line == 1)
    }

    @Test func point6_aNULAnywhereRefusesTheDocument() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write(String(repeating: "Plain words. ", count: 1_000) + "\u{0}Kratom may cause nausea.", to: "late.txt", in: dir)
        let batch = try DocumentReader().read(paths: [dir])
        #expect(batch.documents.isEmpty && batch.warnings.map(\.kind) == [.binary])
    }
}
