import MitraExtraction
import MitraModel
import MitraTestSupport

/// One extractor over the shipped ontology, and claims written as "s p o" (with " (denied)"
/// and " (hedged)" when so) to compare with in tests.
enum ExtractionFixture {
    static let extractor = Extractor(ontology: Fixtures.ontology)

    static func result(_ text: String, id: String = "test.txt") -> ExtractionResult {
        extractor.extract(Document(id: id, text: text, format: "text"))
    }

    static func claims(_ text: String) -> Set<String> {
        Set(result(text).claims.map(describe))
    }

    static func describe(_ c: Claim) -> String {
        "\(c.subject) \(c.predicate) \(c.object)" + (c.negated ? " (denied)" : "") + (c.hedged ? " (hedged)" : "")
    }

    /// Claims with polarity but without the hedge mark.
    static func plain(_ text: String) -> Set<String> {
        Set(result(text).claims.map { "\($0.subject) \($0.predicate) \($0.object)" + ($0.negated ? " (denied)" : "") })
    }

    static func mentions(_ text: String) -> [String] {
        result(text).mentions.map(\.entityID)
    }
}
