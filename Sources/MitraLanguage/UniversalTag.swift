/// A Universal Dependencies part-of-speech tag (UPOS), the tagger's output.
///
/// The raw values are the tagger's class indices, so the order is part of the model file format.
public enum UniversalTag: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case adjective, adposition, adverb, auxiliary, coordinatingConjunction, determiner, interjection, noun,
        numeral, particle, pronoun, properNoun, punctuation, subordinatingConjunction, symbol, verb, other

    /// The tag as UD writes it: `ADJ`, `NOUN`, `PROPN`, …
    public var name: String { Self.names[Int(rawValue)] }

    public var description: String { name }

    /// The tag named `name` in UD's spelling, or nil.
    public init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// A noun, proper noun or pronoun: what can head a noun phrase.
    public var isNominal: Bool { self == .noun || self == .properNoun || self == .pronoun }

    static let names = [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X",
    ]
    static let count = names.count
}
