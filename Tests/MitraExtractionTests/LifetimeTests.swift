import MitraExtraction
import MitraModel
import MitraTestSupport
import Testing

@Suite struct LifetimeTests {
    struct Holder {
        let extractor: Extractor
        func run(_ texts: [String]) -> Int {
            var n = 0
            for t in texts { n += extractor.extract(Document(id: "t", text: t, format: "text")).claims.count }
            let ontology = extractor.ontology
            return n + (ontology.entities.isEmpty ? 0 : 1)
        }
    }

    @Test func anExtractorCanBeMadeCopiedAndDropped() {
        let holder = Holder(extractor: Extractor(ontology: Fixtures.ontology))
        #expect(holder.run(["Kratom contains mitragynine.\n", "Kratom may cause nausea.\n"]) == 3)
    }
}
