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
    let decoder: GreedyDecoder

    /// The shipped model's file name, found by `ModelLocator`.
    public static let modelFile = "pos-tagger-en-ewt.bin"

    init(model: TaggerModel) { decoder = GreedyDecoder(model: model) }

    /// The tagger in the model file at `path`.
    public init(contentsOf path: String) throws(LanguageError) {
        let model = try TaggerModel(contentsOf: path)
        guard model.tagNames == UniversalTag.names else {
            throw .malformedModel(path: path, reason: "its tags are \(model.tagNames.prefix(20).joined(separator: " ")), not UPOS")
        }
        self.init(model: model)
    }

    /// The model shipped in `models/`, loaded once per process.
    public static func shipped() throws(LanguageError) -> PartOfSpeechTagger { try shippedTagger.get() }

    private static let shippedTagger = Result<PartOfSpeechTagger, LanguageError> { () throws(LanguageError) in
        try PartOfSpeechTagger(contentsOf: ModelLocator.locate(modelFile))
    }

    /// The tag of each word, in order.
    public func tag(_ words: [String]) -> [UniversalTag] { tag(keys: GreedyDecoder.keys(words), known: []) }

    /// The tag of each word, in order.
    public func tag(_ words: [Substring]) -> [UniversalTag] { tag(keys: GreedyDecoder.keys(words), known: []) }

    /// The tag of each word, with the tags the caller already knows fixed: `known[i]`, when
    /// not nil, is word `i`'s tag, and the words after it are tagged knowing it (an entity
    /// mention is a noun: "kratom eases pain" then reads "eases" as a verb). `known` may be
    /// shorter than `words`.
    public func tag(_ words: [String], known: [UniversalTag?]) -> [UniversalTag] {
        tag(keys: GreedyDecoder.keys(words), known: known)
    }

    /// The tag of each word, with the tags the caller already knows fixed (see above).
    public func tag(_ words: [Substring], known: [UniversalTag?]) -> [UniversalTag] {
        tag(keys: GreedyDecoder.keys(words), known: known)
    }

    /// Any other kind of string; the `String` and `Substring` forms are compiled for their type.
    public func tag<S: StringProtocol>(_ words: [S], known: [UniversalTag?] = []) -> [UniversalTag] {
        tag(keys: GreedyDecoder.keys(words), known: known)
    }

    private func tag(keys: [WordKeys], known: [UniversalTag?]) -> [UniversalTag] {
        decoder.decode(keys, known: known.map { $0?.rawValue ?? .max }).map { UniversalTag(rawValue: $0) ?? .other }
    }
}
