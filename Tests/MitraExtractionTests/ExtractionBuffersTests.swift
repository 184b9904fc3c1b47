@testable import MitraExtraction
import MitraModel
import Testing

/// The buffers and tables the extractor reuses for speed give what fresh ones would.
@Suite struct ExtractionBuffersTests {
    /// A sentence's claims written with everything but its place in the document.
    func described(_ result: ExtractionResult, sentence: Int) -> [String] {
        let start = result.sentences[sentence].span.start
        return result.claims.filter { $0.sentenceIndex == sentence }.map { c in
            "\(c.subject) \(c.predicate) \(c.object) negated=\(c.negated) hedged=\(c.hedged) holder=\(c.holder ?? "-") "
                + "\(c.rule) \(c.confidence) \(c.subjectSpan.start - start) \(c.objectSpan.start - start)"
        }
    }

    @Test func aSentenceClaimsTheSameAfterAnyOtherSentence() {
        // A negation, a hedge, an insert and a holder in some sentences and not in others: a
        // scene refilled from the last sentence must not keep any of them.
        let sentences = [
            "Tramadol may not cause euphoria (n = 12) or seizures.",
            "Morphine causes constipation and nausea, as users report.",
            "Codeine relieves cough.",
            "Kratom, like morphine, relieves pain and does not cause vomiting.",
        ]
        let alone = sentences.map { described(ExtractionFixture.result($0), sentence: 0) }
        #expect(alone.allSatisfy { !$0.isEmpty })
        for order in [sentences.indices.map { $0 }, sentences.indices.reversed()] {
            let result = ExtractionFixture.result(order.map { sentences[$0] }.joined(separator: "\n"))
            for (position, i) in order.enumerated() {
                #expect(described(result, sentence: position) == alone[i], "sentence \(i) at \(position)")
            }
        }
    }

    @Test func claimKeysAreKeptOnceBeforeAndAfterTheSetTakesOver() {
        var seen = ExtractionEngine.ClaimKeySet()
        let keys = (0..<(3 * ExtractionEngine.ClaimKeySet.linearLimit)).map {
            ExtractionEngine.ClaimKey(subject: Int32($0 % 7), predicate: $0 / 7, object: Int32($0), negated: $0 % 2 == 0)
        }
        var first: [Bool] = []
        for key in keys { first.append(seen.insert(key)) }
        var again: [Bool] = []
        for key in keys { again.append(seen.insert(key)) }
        #expect(first.allSatisfy { $0 })
        #expect(!again.contains(true))
        var flipped = keys[0]
        flipped.negated.toggle()
        let isNew = seen.insert(flipped)
        #expect(isNew)
    }

    @Test func aRunningHashFindsEveryPrefixOfAForm() {
        var vocabulary = Vocabulary()
        let forms = ["remedy", "remedie", "remed", "receptor", "glass"].map { Array($0.unicodeScalars.map(\.value)) }
        let ids = forms.map { vocabulary.intern($0) }
        let word = Array("remedies".unicodeScalars.map(\.value))
        word.withUnsafeBufferPointer { buffer in
            var state = Vocabulary.seed
            var states = [state]
            for v in buffer {
                state = Vocabulary.step(state, v)
                states.append(state)
            }
            #expect(vocabulary.id(of: buffer, count: 7, then: nil, state: states[7]) == ids[1])
            #expect(vocabulary.id(of: buffer, count: 5, then: nil, state: states[5]) == ids[2])
            #expect(vocabulary.id(of: buffer, count: 5, then: 0x79, state: Vocabulary.step(states[5], 0x79)) == ids[0])
            #expect(vocabulary.id(of: buffer, count: 8, then: nil, state: states[8]) == Vocabulary.unknown)
            #expect(vocabulary.id(of: buffer, count: 4, then: 0x79, state: Vocabulary.step(states[4], 0x79)) == Vocabulary.unknown)
        }
    }

    @Test func pluralsFindTheirSingularsInOnePass() {
        var vocabulary = Vocabulary()
        for form in ["remedy", "receptor", "box", "glass"] { vocabulary.intern(Array(form.unicodeScalars.map(\.value))) }
        let text = Array("Remedies, receptors, boxes and glasses".unicodeScalars)
        var tokens: [WordToken] = []
        Tokenizer().wordTokens(text, range: 0..<text.count, vocabulary: vocabulary, into: &tokens)
        let singulars = tokens.filter { !$0.isPunctuation }.map { vocabulary.form(of: $0.singular) }
        #expect(singulars == ["remedy", "receptor", "box", "", "glass"])
    }

    @Test func textsAreTheScalarsOfTheirSpans() {
        let source = "Kratóm 🌿 (Mitragyna) — naïve µ-opioid, \u{301}e.\nNext"
        let text = ScalarText(source)
        let scalars = Array(source.unicodeScalars)
        #expect(text.scalars == scalars)
        for (a, b) in [(0, 6), (7, 8), (6, 21), (0, scalars.count), (40, 41), (41, scalars.count), (3, 3)] {
            #expect(text.text(a..<b) == String(String.UnicodeScalarView(scalars[a..<b])), "\(a)..<\(b)")
        }
    }

    @Test func sentencesEndAfterWordsButNotAbbreviationsOrInitials() {
        func split(_ text: String) -> [String] {
            let scalars = Array(text.unicodeScalars)
            return SentenceSplitter().sentences(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(split("Ask Dr. Smith or see Fig. 2 first. Then rest.") == ["Ask Dr. Smith or see Fig. 2 first.", "Then rest."])
        #expect(split("Plants, E.G. kratom, help. J. Doe agreed. It works :) Sure.")
            == ["Plants, E.G. kratom, help.", "J. Doe agreed.", "It works :)", "Sure."])
        #expect(split("Drink café. Then tea. Then 7. Then Ü. Done.") == ["Drink café.", "Then tea.", "Then 7.", "Then Ü. Done."])
    }

    @Test func aSentencesCueMaskNamesTheCueSetsThatStartInIt() {
        let engine = ExtractionFixture.extractor.engine
        func cues(_ text: String) -> CueMask {
            let scalars = Array(text.unicodeScalars)
            var tokens: [WordToken] = []
            engine.tokenizer.wordTokens(scalars, range: 0..<scalars.count, vocabulary: engine.vocabulary, into: &tokens)
            return engine.cues(of: tokens)
        }
        #expect(cues("Kratom causes nausea.").contains(.trigger))
        #expect(!cues("Kratom causes nausea.").contains(.negation))
        #expect(cues("Kratom does not cause nausea.").isSuperset(of: [.trigger, .negation, .copula]))
        #expect(cues("Use it for pain.").contains(.forWord))
        #expect(cues("Leaf, stem.").isDisjoint(with: [.trigger, .negation, .hedge, .copula, .forWord]))
    }
}
