/// A tagger's classes: their names, in class order, and which are verbs (for the "a verb came
/// before" feature) or function words (for the tag dictionary's lower bar).
struct TagSet: Sendable, Equatable {
    let names: [String]
    let verbal: [Bool]
    let closed: [Bool]

    init(names: [String]) {
        self.names = names
        verbal = names.map { ["VERB", "AUX", "MD"].contains($0) || $0.hasPrefix("VB") }
        closed = names.map(Self.closedNames.contains)
    }

    /// The 17 UPOS tags, in `UniversalTag` order.
    static let universal = TagSet(names: UniversalTag.names)

    /// The Penn Treebank tags that `sentences` use, sorted (nil: a sentence without them).
    static func penn(of sentences: [TreebankSentence]) -> TagSet {
        TagSet(names: Set(sentences.flatMap(\.xpos)).subtracting(["_"]).sorted())
    }

    private static let closedNames: Set<String> = [
        "DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT",
        "DT", "PDT", "WDT", "PRP", "PRP$", "WP", "WP$", "IN", "CC", "TO", "MD", "RP", "POS", "EX", ",", ".", ":", "``",
        "''", "-LRB-", "-RRB-", "HYPH", "NFP",
    ]
}

/// The greedy left-to-right decoder both taggers share: the tag dictionary first, else the
/// perceptron's best class given the two classes before.
struct GreedyDecoder: Sendable {
    let weights: PerceptronWeights
    let tags: TagSet

    init(model: TaggerModel) {
        weights = model.weights()
        tags = TagSet(names: model.tagNames)
    }

    /// Keys for each word, read in place.
    @inline(__always)
    static func keys<S: StringProtocol>(_ words: [S]) -> [WordKeys] {
        var keys: [WordKeys] = []
        keys.reserveCapacity(words.count)
        for w in words { keys.append(WordKeys.of(w)) }
        return keys
    }

    /// The class of each word; `known[i]`, when below the class count, fixes word `i`'s.
    func decode(_ keys: [WordKeys], known: [UInt8]) -> [UInt8] {
        guard !keys.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: keys.count)
        let weights = self.weights
        let verbal = tags.verbal
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: FeatureTemplates.maximumCount) { features in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: weights.classCount) { scores in
                keys.withUnsafeBufferPointer { keys in
                    var p1 = FeatureTemplates.startTag
                    var p2 = FeatureTemplates.start2Tag
                    var verbSeen = false
                    for i in 0..<keys.count {
                        var tag: UInt8
                        let listed = weights.dictionary.value(of: keys[i].exact)
                        if i < known.count, Int(known[i]) < weights.classCount {
                            tag = known[i]
                        } else if listed >= 0 {
                            tag = UInt8(listed)
                        } else {
                            let n = FeatureTemplates.features(at: i, keys: keys, previous: p1, p2, verbSeen: verbSeen, into: features.baseAddress!)
                            tag = weights.predict(features.baseAddress!, count: n, scores: scores.baseAddress!)
                        }
                        out[i] = tag
                        p2 = p1
                        p1 = tag
                        verbSeen = verbSeen || verbal[Int(tag)]
                    }
                }
            }
        }
        return out
    }
}
