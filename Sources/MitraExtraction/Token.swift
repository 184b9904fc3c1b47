import MitraModel

/// A word, number or punctuation mark of a document, with its span and its folded form.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public let kind: Kind
    public let span: Span
    /// Lowercased, µ/μ as `mu`, curly quotes straight, possessive `'s` removed.
    public let normalized: String

    public init(kind: Kind, span: Span, normalized: String) {
        self.kind = kind
        self.span = span
        self.normalized = normalized
    }
}

/// A token as the extractor sees it: offsets, and its folded form as a vocabulary id, with
/// the ids of its regular singulars ("receptors" → "receptor", "remedies" → "remedy").
struct WordToken: Sendable {
    var start: Int
    var end: Int
    /// The vocabulary id of the folded form, or `Vocabulary.unknown`.
    var id: Int32
    /// Ids of singular forms that are in the vocabulary, or `Vocabulary.unknown`.
    var singular: Int32
    var singular2: Int32
    var allCapitals: Bool
    var isPunctuation: Bool
    /// A word of more than three letters ending in "ly" ("highly", "rarely"): likely an adverb.
    var isAdverbLike: Bool
    /// Joined to the token before by a hyphen, no space ("opioid-like", "kratom-related").
    var hyphenated = false

    /// Whether the token is the form `id` or one of its plurals.
    @inline(__always)
    func matches(_ other: Int32) -> Bool {
        other >= 0 && (id == other || singular == other || singular2 == other)
    }
}

extension Tokenizer {
    /// Scans `scalars[range]` into word tokens with vocabulary ids, appending to `tokens`.
    func wordTokens(
        _ scalars: [Unicode.Scalar], range: Range<Int>, vocabulary: Vocabulary, into tokens: inout [WordToken]
    ) {
        scan(scalars, range: range) { t, folded in
            let n = folded.count
            // One pass of the running hash gives the word's and its singulars' hashes.
            var state = Vocabulary.seed
            var before1 = state, before2 = state, before3 = state
            for i in 0..<n {
                before3 = before2
                before2 = before1
                before1 = state
                state = Vocabulary.step(state, folded[i])
            }
            let id = vocabulary.id(of: folded, count: n, then: nil, state: state)
            var singular = Vocabulary.unknown
            var singular2 = Vocabulary.unknown
            // Regular plurals: "-ies" → "-y", "-es" → "", "-s" → "" (not "-ss").
            if t.kind == .word, n > 3, folded[n - 1] == 0x73, folded[n - 2] != 0x73 {
                singular = vocabulary.id(of: folded, count: n - 1, then: nil, state: before1)
                if folded[n - 2] == 0x65 {
                    let es = vocabulary.id(of: folded, count: n - 2, then: nil, state: before2)
                    if singular == Vocabulary.unknown { singular = es } else { singular2 = es }
                    if folded[n - 3] == 0x69, singular2 == Vocabulary.unknown {
                        let ies = vocabulary.id(of: folded, count: n - 3, then: 0x79, state: Vocabulary.step(before3, 0x79))
                        if singular == Vocabulary.unknown { singular = ies } else { singular2 = ies }
                    }
                }
            }
            tokens.append(WordToken(
                start: t.start, end: t.end, id: id, singular: singular, singular2: singular2,
                allCapitals: t.allCapitals, isPunctuation: t.kind == .punctuation,
                isAdverbLike: n > 3 && folded[n - 1] == 0x79 && folded[n - 2] == 0x6C,
                hyphenated: t.start > 0 && Tokenizer.isHyphen(scalars[t.start - 1])
                    && (t.start < 2 || !Tokenizer.isSpace(scalars[t.start - 2]))))
        }
    }
}
