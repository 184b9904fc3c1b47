import Foundation

/// Tags words with Universal Dependencies parts of speech: an averaged perceptron trained on
/// UD English EWT by `TaggerTrainer`, greedy left to right.
///
/// ```swift
/// let tagger = try PartOfSpeechTagger.shipped()
/// let tags = tagger.tag(["Kratom", "may", "relieve", "pain", "."])  // PROPN AUX VERB NOUN PUNCT
/// ```
///
/// Pass words as the text writes them (case helps: "May" and "may" differ) and hyphens as
/// tokens of their own (`opioid`, `-`, `like`), as the treebank cuts them; the model was also
/// trained without hyphen tokens, without possessive "'s" and with whole contractions
/// ("don't"), so mitragraph's own tokens work too, a little less well. Deterministic, and
/// safe to share between threads.
public struct PartOfSpeechTagger: Sendable {
    let weights: PerceptronWeights

    /// The shipped model's file name, found by `ModelLocator`.
    public static let modelFile = "pos-tagger-en-ewt.bin"

    init(model: TaggerModel) { weights = model.weights() }

    /// The tagger in the model file at `path`.
    public init(contentsOf path: String) throws(LanguageError) {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        let model = try TaggerModel(decoding: bytes, path: path)
        guard model.tagNames == UniversalTag.names else {
            throw .malformedModel(path: path, reason: "its tags are \(model.tagNames.joined(separator: " "))")
        }
        self.init(model: model)
    }

    /// The model shipped in `models/`, loaded once per process.
    public static func shipped() throws(LanguageError) -> PartOfSpeechTagger { try shippedTagger.get() }

    private static let shippedTagger = Result<PartOfSpeechTagger, LanguageError> { () throws(LanguageError) in
        try PartOfSpeechTagger(contentsOf: ModelLocator.locate(modelFile))
    }

    /// The tag of each word, in order.
    public func tag<S: StringProtocol>(_ words: [S]) -> [UniversalTag] { tag(words, known: []) }

    /// The tag of each word, with the tags the caller already knows fixed: `known[i]`, when
    /// not nil, is word `i`'s tag, and the words after it are tagged knowing it (an entity
    /// mention is a noun: "kratom eases pain" then reads "eases" as a verb). `known` may be
    /// shorter than `words`.
    public func tag<S: StringProtocol>(_ words: [S], known: [UniversalTag?]) -> [UniversalTag] {
        guard !words.isEmpty else { return [] }
        var keys: [WordKeys] = []
        keys.reserveCapacity(words.count)
        for w in words { keys.append(WordKeys(w)) }
        return tag(keys: keys, known: known)
    }

    func tag(keys: [WordKeys], known: [UniversalTag?]) -> [UniversalTag] {
        var out = [UniversalTag](repeating: .other, count: keys.count)
        let weights = self.weights
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: FeatureTemplates.maximumCount) { features in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: weights.classCount) { scores in
                keys.withUnsafeBufferPointer { keys in
                    var p1 = FeatureTemplates.startTag
                    var p2 = FeatureTemplates.start2Tag
                    var verbSeen = false
                    for i in 0..<keys.count {
                        var tag: UInt8
                        let listed = weights.dictionary.value(of: keys[i].exact)
                        if i < known.count, let fixed = known[i] {
                            tag = fixed.rawValue
                        } else if listed >= 0 {
                            tag = UInt8(listed)
                        } else {
                            let n = FeatureTemplates.features(at: i, keys: keys, previous: p1, p2, verbSeen: verbSeen, into: features.baseAddress!)
                            tag = weights.predict(features.baseAddress!, count: n, scores: scores.baseAddress!)
                        }
                        out[i] = UniversalTag(rawValue: tag) ?? .other
                        p2 = p1
                        p1 = tag
                        verbSeen = verbSeen || FeatureTemplates.isVerbal(tag)
                    }
                }
            }
        }
        return out
    }
}
