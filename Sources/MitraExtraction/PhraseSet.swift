import MitraModel

/// Cue phrases as sequences of vocabulary ids in a trie, each with a payload, to find where
/// in a sentence's tokens a cue occurs. Cues match their exact forms (no plural folding:
/// the lexicon lists the forms it means).
struct PhraseSet<Payload: Sendable>: Sendable {
    /// Per node: the payload of the phrase that ends there, if any.
    private var payloads: [Payload?] = [nil]
    /// Per node: a phrase ends there (its payload is set), so the scan tests a flag instead
    /// of copying a payload, which for triggers holds an array, at every node it passes.
    private var ends: [Bool] = [false]
    private var edges = EdgeTable()
    private var rootChildren: [Int32] = []

    /// An occurrence: the token range it covers and its payload.
    struct Occurrence: Sendable {
        var start: Int
        var end: Int
        var payload: Payload
    }

    /// Builds the set; `merge` combines the payloads of one phrase listed twice.
    init(_ phrases: [(String, Payload)], vocabulary: inout Vocabulary, merge: (Payload, Payload) -> Payload = { a, _ in a }) {
        let tokenizer = Tokenizer()
        for (phrase, payload) in phrases {
            var ids: [Int32] = []
            let scalars = Array(phrase.unicodeScalars)
            tokenizer.scan(scalars, range: 0..<scalars.count) { _, folded in
                ids.append(vocabulary.intern(Array(folded)))
            }
            guard !ids.isEmpty else { continue }
            var node: Int32 = 0
            for id in ids {
                let next = edges.child(node, id)
                if next >= 0 {
                    node = next
                } else {
                    payloads.append(nil)
                    ends.append(false)
                    let created = Int32(payloads.count - 1)
                    edges.insert(node, id, child: created)
                    node = created
                }
            }
            payloads[Int(node)] = payloads[Int(node)].map { merge($0, payload) } ?? payload
            ends[Int(node)] = true
        }
    }

    /// Call after the vocabulary is complete, so the root lookup table covers every id.
    mutating func seal(vocabularySize: Int) {
        rootChildren = Array(repeating: -1, count: vocabularySize)
        for id in 0..<vocabularySize { rootChildren[id] = edges.child(0, Int32(id)) }
    }

    /// Whether some phrase starts with this token.
    @inline(__always)
    func starts(_ token: WordToken) -> Bool { token.id >= 0 && rootChildren[Int(token.id)] >= 0 }

    /// Leftmost-longest, non-overlapping occurrences in `tokens[range]`, appended to `out`.
    func occurrences(in tokens: [WordToken], range: Range<Int>, into out: inout [Occurrence]) {
        var i = range.lowerBound
        while i < range.upperBound {
            let id = tokens[i].id
            var node = id >= 0 ? rootChildren[Int(id)] : -1
            if node < 0 {
                i += 1
                continue
            }
            var bestEnd = -1
            var bestNode: Int32 = -1
            var j = i + 1
            while true {
                if ends[Int(node)] {
                    bestEnd = j
                    bestNode = node
                }
                guard j < range.upperBound else { break }
                let next = edges.child(node, tokens[j].id)
                guard next >= 0 else { break }
                node = next
                j += 1
            }
            if bestNode >= 0, let payload = payloads[Int(bestNode)] {
                out.append(Occurrence(start: i, end: bestEnd, payload: payload))
                i = bestEnd
            } else {
                i += 1
            }
        }
    }
}
