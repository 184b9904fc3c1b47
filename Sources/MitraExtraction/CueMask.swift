/// Which cue phrase sets (and which function words the prefilters test) can start at a
/// token, as bits over vocabulary ids: a sentence's mask, the union over its tokens, says in
/// one pass which cue scans and rules can find anything in it.
struct CueMask: OptionSet, Sendable {
    let rawValue: UInt16

    static let trigger = CueMask(rawValue: 1 << 0)
    static let negation = CueMask(rawValue: 1 << 1)
    static let hedge = CueMask(rawValue: 1 << 2)
    static let implicitSubject = CueMask(rawValue: 1 << 3)
    static let pseudoNegation = CueMask(rawValue: 1 << 4)
    static let anaphor = CueMask(rawValue: 1 << 5)
    static let attribution = CueMask(rawValue: 1 << 6)
    static let disclaimer = CueMask(rawValue: 1 << 7)
    static let listCue = CueMask(rawValue: 1 << 8)
    static let optionCue = CueMask(rawValue: 1 << 9)
    static let advice = CueMask(rawValue: 1 << 10)
    static let copula = CueMask(rawValue: 1 << 11)
    static let forWord = CueMask(rawValue: 1 << 12)
}

extension ExtractionEngine {
    /// Per vocabulary id: the cue sets a phrase of which starts with it; `sets` pairs each
    /// set's test of a token's first word with its bit.
    static func cueStarts(vocabularySize: Int, _ sets: [((WordToken) -> Bool, CueMask)]) -> [CueMask] {
        (0..<vocabularySize).map { id in
            let token = WordToken(
                start: 0, end: 0, id: Int32(id), singular: Vocabulary.unknown, singular2: Vocabulary.unknown,
                allCapitals: false, isPunctuation: false, isAdverbLike: false)
            var mask: CueMask = []
            for (starts, bit) in sets where starts(token) { mask.insert(bit) }
            return mask
        }
    }

    /// The union of the cue bits of `tokens`.
    @inline(__always)
    func cues(of tokens: [WordToken]) -> CueMask {
        var bits: UInt16 = 0
        for t in tokens where t.id >= 0 { bits |= cueStarts[Int(t.id)].rawValue }
        return CueMask(rawValue: bits)
    }
}
