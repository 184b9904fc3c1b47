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

@Suite struct HTMLBoilerplateTests {
    @Test func tableCellsAreLinesAndFormsHeadersAndFootersGo() {
        let html = """
            <body><header><h1>Shop</h1><nav>Home</nav></header>
            <main><h2>Effects</h2><table><tr><th>Effect</th><th>Seen</th></tr><tr><td>nausea</td><td>often</td></tr></table>
            <form><label>Email</label><input name="e"><button>Subscribe</button></form>
            <div id="sidebar"><p>Popular: kratom and sleep</p></div>
            <section class="related-posts"><h3>Related posts</h3><p>Kratom for fibromyalgia</p></section>
            <div class="cookie-consent">We use cookies.</div></main>
            <footer><p>Kratom Co.</p></footer></body>
            """
        #expect(HTMLTextExtractor().text(of: html) == "Effects\nEffect\nSeen\nnausea\noften")
    }

    @Test func malformedHTMLStillGivesItsText() {
        let html = "<p>Kratom <b>relieves <i>pain</b> and <p>may cause nausea<div></span>"
        #expect(HTMLTextExtractor().text(of: html) == "Kratom relieves pain and\nmay cause nausea")
    }

    @Test func entitiesAndNonASCIIAreDecoded() {
        #expect(HTMLTextExtractor().text(of: "<p>&mu;-opioid &amp; 7&#8209;OH \u{2014} kratom\u{2019}s</p>")
            == "\u{3BC}-opioid & 7\u{2011}OH \u{2014} kratom\u{2019}s")
    }
}
