import Foundation
import MitraIngest
import MitraModel
import Testing

/// Blocks with their kinds, from Markdown, plain text and HTML, with spans into the text kept.
@Suite struct BlockTests {
    func described(_ blocks: [Block], _ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return blocks.map { b in
            let body = String(String.UnicodeScalarView(scalars[b.span.start..<b.span.end]))
            return "\(b.kind.rawValue)\(b.level > 0 ? String(b.level) : "")\(b.list.map { "#\($0)" } ?? "") \(body)"
        }
    }

    @Test func markdownHeadingsItemsFrontMatterAndQuotes() {
        let text = "---\ntitle: X\n---\n# Kratom\n\nSide effects may include:\n\n- nausea\n- dizziness\n\n1. one\n2) two\n> said so\n"
        #expect(described(BlockScanner().blocks(in: text, markdown: true), text) == [
            "frontMatter ---\ntitle: X\n---", "heading1 Kratom", "paragraph Side effects may include:",
            "listItem1#1 nausea", "listItem1#1 dizziness", "listItem1#2 one", "listItem1#2 two", "quote said so",
        ])
    }

    @Test func tomlFrontMatterIsABlockToo() {
        let text = "+++\ntitle = \"X\"\n+++\nKratom may cause nausea.\n"
        #expect(described(BlockScanner().blocks(in: text, markdown: true), text) == [
            "frontMatter +++\ntitle = \"X\"\n+++", "paragraph Kratom may cause nausea.",
        ])
    }

    @Test func plainTextBulletsAndShortHeadingLines() {
        let text = "Withdrawal Symptoms\n• irritability\n* insomnia\nThis line is a sentence of its own.\n"
        #expect(described(BlockScanner().blocks(in: text, markdown: false), text) == [
            "heading Withdrawal Symptoms", "listItem1#1 irritability", "listItem1#1 insomnia",
            "paragraph This line is a sentence of its own.",
        ])
    }

    @Test func aHeadingLineHasAtMostSixWordsWhereverTheLineEnds() {
        let text = "Uses of the leaf in tea\nUses of the leaf in hot tea\nA long line of many words, " + String(repeating: "and more ", count: 50) + "\n"
        #expect(described(BlockScanner().blocks(in: text, markdown: false), text).map { String($0.prefix(12)) } == [
            "heading Uses", "paragraph Us", "paragraph A ",
        ])
    }

    @Test func scalarsAlreadyDecodedGiveTheTextsBlocks() {
        let text = "# Kratóm 🌿\n\nEffects:\n- naúsea\n1. one\nShort Heading\n> quoted\n"
        #expect(BlockScanner().blocks(in: Array(text.unicodeScalars), markdown: true) == BlockScanner().blocks(in: text, markdown: true))
    }

    @Test func htmlBlocksKeepTheirKindsAndIndexTheText() {
        let html = """
            <html><body><article><h2>Side effects</h2><p>These may occur:</p>
            <ul><li>nausea</li><li>dry <b>mouth</b></li></ul><table><tr><td>cell</td></tr></table>
            <blockquote><p>a quote</p></blockquote></article></body></html>
            """
        let (text, blocks) = HTMLTextExtractor().extract(html)
        #expect(text == "Side effects\nThese may occur:\nnausea\ndry mouth\ncell\na quote")
        #expect(described(blocks, text) == [
            "heading2 Side effects", "paragraph These may occur:", "listItem1#1 nausea", "listItem1#1 dry mouth",
            "tableCell cell", "quote a quote",
        ])
    }

    @Test func theReaderRecordsTheBlocksOfHTML() throws {
        let path = NSTemporaryDirectory() + "blocks-\(UInt32.random(in: 0...UInt32.max)).html"
        try "<h2>Uses</h2><ul><li>pain</li></ul>".write(toFile: path, atomically: true, encoding: .utf8)
        let batch = try DocumentReader().read(paths: [path])
        #expect(batch.documents.first?.blocks.map(\.kind) == [.heading, .listItem])
    }
}
