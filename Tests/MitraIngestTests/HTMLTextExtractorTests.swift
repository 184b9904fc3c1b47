import MitraIngest
import Testing

@Suite struct HTMLTextExtractorTests {
    @Test func emptyPageHasNoText() {
        #expect(HTMLTextExtractor().text(of: "") == "")
    }

    @Test func oneParagraphIsKept() {
        #expect(HTMLTextExtractor().text(of: "<p>Kratom contains mitragynine.</p>") == "Kratom contains mitragynine.")
    }

    @Test func boilerplateIsDroppedAndBlocksAreLines() {
        let html = """
            <html><head><title>T</title><script>var kratom = 1;</script><style>p{}</style></head>
            <body><nav><a>Kratom and anxiety</a></nav>
            <div class="cookie-banner">We use cookies.</div>
            <article><h1>Kratom &amp; pain</h1><p>It may relieve <b>chronic pain</b>.</p>
            <ul><li>nausea</li><li>dizziness</li></ul></article>
            <aside class="related-posts"><p>Kratom for fibromyalgia</p></aside>
            <footer>© 2026</footer></body></html>
            """
        #expect(HTMLTextExtractor().text(of: html) == "Kratom & pain\nIt may relieve chronic pain.\nnausea\ndizziness")
    }
}
