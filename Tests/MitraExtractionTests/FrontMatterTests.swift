import MitraExtraction
import MitraModel
import Testing

/// Markdown front matter is the document's metadata, not its text: no mentions, no claims,
/// and the offsets of what follows still index the stored text.
@Suite struct FrontMatterTests {
    static let yaml = """
        ---
        title: "Kratom for anxiety and nausea"
        tags: [kratom, insomnia, seizures]
        summary: Kratom can cause headaches.
        ---

        # Notes

        Kratom relieves back pain.

        """

    func result(_ text: String) -> ExtractionResult {
        ExtractionFixture.extractor.extract(Document(id: "post.md", text: text, format: "markdown"))
    }

    @Test func yamlFrontMatterNamesNothingAndClaimsNothing() {
        let r = result(Self.yaml)
        #expect(r.mentions.map(\.entityID) == ["kratom", "back-pain"])
        #expect(r.claims.map(ExtractionFixture.describe) == ["kratom treats back-pain"])
        let scalars = Array(Self.yaml.unicodeScalars)
        for m in r.mentions {
            #expect(String(String.UnicodeScalarView(scalars[m.span.start..<m.span.end])) == m.text)
        }
        #expect(r.claims.first?.sentence == "Kratom relieves back pain.")
    }

    @Test func tomlFrontMatterToo() {
        let r = result("+++\ntitle = \"Kratom and insomnia\"\n+++\nKratom can cause nausea.\n")
        #expect(r.mentions.map(\.entityID) == ["kratom", "nausea"])
        #expect(r.claims.map(ExtractionFixture.describe) == ["kratom has_adverse_effect nausea"])
    }

    /// Only at the very top, and only in Markdown: a rule line later, or in plain text, is text.
    @Test func dashesElsewhereAreText() {
        let later = "Kratom can cause nausea.\n---\nKratom can cause insomnia.\n---\n"
        #expect(result(later).claims.count == 2)
        let plain = ExtractionFixture.extractor.extract(Document(id: "a.txt", text: "---\nKratom can cause nausea.\n---\n", format: "text"))
        #expect(plain.claims.map(ExtractionFixture.describe) == ["kratom has_adverse_effect nausea"])
    }
}
