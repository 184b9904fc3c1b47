import MitraModel

/// Cue phrases as token sequences, to find where in a token run a cue occurs.
struct PhraseSet: Sendable {
    private(set) var phrases: [[String]] = []

    init(_ phrases: [String]) {
        let tokenizer = Tokenizer()
        self.phrases = phrases.map { tokenizer.tokens(in: Array($0.unicodeScalars)).map(\.normalized) }
            .filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
    }

    /// Token indexes in `range` where some phrase starts, with the phrase's length.
    func occurrences(in tokens: [Token], range: Range<Int>) -> [(start: Int, length: Int)] {
        var found: [(Int, Int)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let phrase = phrases.first(where: { matches($0, tokens, at: i, limit: range.upperBound) }) {
                found.append((i, phrase.count))
                i += phrase.count
            } else {
                i += 1
            }
        }
        return found
    }

    func contains(in tokens: [Token], range: Range<Int>) -> Bool {
        !occurrences(in: tokens, range: range).isEmpty
    }

    private func matches(_ phrase: [String], _ tokens: [Token], at start: Int, limit: Int) -> Bool {
        guard start + phrase.count <= limit else { return false }
        for (offset, word) in phrase.enumerated() where tokens[start + offset].normalized != word { return false }
        return true
    }
}
