import Foundation
import MitraIngest
import MitraTestSupport
import Testing

/// Title, URL and date as each kind of source states them, and carried by the documents read.
@Suite struct DocumentMetadataTests {
    static let page = """
        <html><head><title> Kratom facts
          | Example Health </title>
        <link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://example.org/kratom-facts">
        <meta property="og:url" content="https://example.org/og">
        <meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
        <body><article><p>Kratom may cause nausea. <time datetime="2023-01-01">last year</time></p></article></body></html>
        """

    @Test func fromTheHTMLHead() {
        #expect(DocumentMetadata.html(Self.page) == DocumentMetadata(
            title: "Kratom facts | Example Health", url: "https://example.org/kratom-facts", date: "2024-05-02T08:00:00Z"))
        // Without a canonical link or a published time: og:url and the first <time>.
        let plain = "<html><head><meta property=\"og:url\" content=\"https://example.org/og\"></head><body><p><time datetime=\"2023-01-01\">x</time></p></body></html>"
        #expect(DocumentMetadata.html(plain) == DocumentMetadata(title: nil, url: "https://example.org/og", date: "2023-01-01"))
        #expect(DocumentMetadata.html("<p>nothing</p>") == DocumentMetadata())
    }

    @Test func fromMarkdownFrontMatter() {
        let text = "---\ntitle: \"Kratom: a guide\"\nauthor: someone\ndate: 2024-09-18\nurl: https://example.org/guide\n---\n\n# Kratom\n"
        #expect(DocumentMetadata.markdown(text) == DocumentMetadata(title: "Kratom: a guide", url: "https://example.org/guide", date: "2024-09-18"))
        #expect(DocumentMetadata.markdown("# No front matter\n---\ntitle: x\n---\n") == DocumentMetadata())
        // TOML front matter, as Hugo writes it.
        #expect(DocumentMetadata.markdown("+++\ntitle = \"Kratom: a guide\"\ndate = 2024-09-18\n+++\nText\n")
            == DocumentMetadata(title: "Kratom: a guide", url: nil, date: "2024-09-18"))
    }

    @Test func fromJSONLinesFields() {
        #expect(DocumentMetadata.record(["title": "T", "url": " https://x.org/a ", "date": "2024-01-01", "text": "…"])
            == DocumentMetadata(title: "T", url: "https://x.org/a", date: "2024-01-01"))
        #expect(DocumentMetadata.record(["title": ""]) == DocumentMetadata())
    }

    @Test func documentsCarryIt() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-metadata")
        Fixtures.write(Self.page, to: "page.html", in: dir)
        Fixtures.write("---\ntitle: Guide\ndate: 2024-09-18\n---\nKratom treats pain.\n", to: "guide.md", in: dir)
        Fixtures.write(#"{"id": 7, "text": "Kratom treats pain.", "title": "Post", "url": "https://forum.example/7", "date": "2022-02-02"}"# + "\n"
            + #"{"id": 8, "html": "<html><head><title>From the head</title></head><body><p>Kratom treats pain.</p></body></html>", "url": "https://x/8"}"#
            + "\n", to: "posts.jsonl", in: dir)
        let documents = Dictionary(uniqueKeysWithValues: try DocumentReader().read(paths: [dir]).documents.map { ($0.id, $0) })
        #expect(documents["page.html"]?.title == "Kratom facts | Example Health")
        #expect(documents["page.html"]?.url == "https://example.org/kratom-facts")
        #expect(documents["guide.md"]?.date == "2024-09-18")
        #expect(documents["posts.jsonl#7"]?.url == "https://forum.example/7")
        #expect(documents["posts.jsonl#8"]?.title == "From the head")
        #expect(documents["posts.jsonl#8"]?.url == "https://x/8")
    }
}
