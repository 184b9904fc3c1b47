import MitraLanguage
import Testing

/// Random words and tags never crash the chunker, and what it returns stays inside the sentence.
@Suite struct ChunkerRobustnessTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let vocabulary = [
        "(", ")", "[", "]", "-", "—", ",", ";", ".", "?", "like", "than", "as", "and", "or", "which", "who", "that",
        "compared", "with", "to", "similar", "rather", "instead", "of", "'s", "kratom", "pain", "more", "3", "the",
    ]

    @Test func randomSentencesStayInBounds() {
        var random = Generator(state: 42)
        for _ in 0..<3000 {
            let n = Int.random(in: 0...14, using: &random)
            let words = (0..<n).map { _ in Self.vocabulary.randomElement(using: &random) ?? "" }
            let tags = (0..<Int.random(in: max(0, n - 2)...n + 2, using: &random)).map { _ in
                UniversalTag.allCases.randomElement(using: &random) ?? .noun
            }
            let hyphenated = (0..<Int.random(in: 0...n + 1, using: &random)).map { _ in Bool.random(using: &random) }
            let a = Chunker.analyse(words: words, tags: tags, hyphenated: hyphenated)
            let length = min(words.count, tags.count)
            let inside = { (r: Range<Int>) in r.lowerBound >= 0 && r.upperBound <= length }
            #expect(a.chunks.allSatisfy { inside($0.range) && $0.range.contains($0.head) })
            #expect(a.clauses.allSatisfy { inside($0.range) && $0.range.contains($0.marker) })
            #expect(a.inserts.allSatisfy { inside($0.range) })
            #expect(a.coordinations.allSatisfy { inside($0.range) && $0.heads.allSatisfy($0.range.contains) })
            #expect(a.comparisons.allSatisfy { inside($0.marker) && inside($0.object) && $0.heads.allSatisfy($0.object.contains) })
            #expect(a.boundaries.allSatisfy { $0 >= 0 && $0 < length })
            _ = Lemmatizer.lemmas(of: words, tags: tags)
        }
    }
}
