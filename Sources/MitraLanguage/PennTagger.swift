/// Tags words with Penn Treebank tags (`NN`, `NNS`, `VBD`, `VBN`, `JJR`, …), the treebank's
/// XPOS: the same perceptron and features as `PartOfSpeechTagger`, trained on EWT's XPOS
/// column. Finer than UPOS where the rules care: past tense against participle, plural,
/// comparative.
///
/// ```swift
/// let penn = try PennTagger.shipped()
/// penn.tag(["It", "was", "linked", "to", "deaths"])   // PRP VBD VBN IN NNS
/// ```
public struct PennTagger: Sendable {
    let decoder: GreedyDecoder

    /// The shipped model's file name, found by `ModelLocator`.
    public static let modelFile = "penn-tagger-en-ewt.bin"

    init(model: TaggerModel) { decoder = GreedyDecoder(model: model) }

    /// The tagger in the model file at `path`.
    public init(contentsOf path: String) throws(LanguageError) { self.init(model: try TaggerModel(contentsOf: path)) }

    /// The model shipped in `models/`, loaded once per process.
    public static func shipped() throws(LanguageError) -> PennTagger { try shippedTagger.get() }

    private static let shippedTagger = Result<PennTagger, LanguageError> { () throws(LanguageError) in
        try PennTagger(contentsOf: ModelLocator.locate(modelFile))
    }

    /// The tags this model gives, sorted.
    public var tagNames: [String] { decoder.tags.names }

    /// The tag of each word, in order.
    public func tag(_ words: [String]) -> [String] { names(decoder.decode(GreedyDecoder.keys(words), known: [])) }

    /// The tag of each word, in order.
    public func tag(_ words: [Substring]) -> [String] { names(decoder.decode(GreedyDecoder.keys(words), known: [])) }

    /// Any other kind of string.
    public func tag<S: StringProtocol>(_ words: [S]) -> [String] { names(decoder.decode(GreedyDecoder.keys(words), known: [])) }

    private func names(_ classes: [UInt8]) -> [String] { classes.map { decoder.tags.names[Int($0)] } }
}
