import MitraModel

/// Which block each sentence is in, and for each list the sentences that govern it: the
/// lead-in right before its first item (a paragraph or item ending in a colon) and the
/// nearest heading above it.
struct DocumentStructure {
    let blocks: [Block]
    /// Per sentence: the index of the block its first scalar is in, if any.
    let sentenceBlock: [Int?]
    /// Per block: the indices of the sentences in it, in order.
    let blockSentences: [[Int]]

    init(blocks: [Block], sentences: [Sentence]) {
        self.blocks = blocks
        var sentenceBlock: [Int?] = []
        var blockSentences = Array(repeating: [Int](), count: blocks.count)
        var b = 0
        for sentence in sentences {
            let start = sentence.span.start
            while b < blocks.count, blocks[b].span.end <= start { b += 1 }
            // A line's markup ("- ", "1. ") is outside its block but inside its sentence.
            if b < blocks.count, blocks[b].span.start < sentence.span.end {
                sentenceBlock.append(b)
                blockSentences[b].append(sentence.index)
            } else {
                sentenceBlock.append(nil)
            }
        }
        self.sentenceBlock = sentenceBlock
        self.blockSentences = blockSentences
    }

    /// The list a sentence's item belongs to, if the sentence is in a list item.
    func list(ofSentence i: Int) -> Int? {
        guard i < sentenceBlock.count, let b = sentenceBlock[i], blocks[b].kind == .listItem else { return nil }
        return blocks[b].list
    }

    /// The sentences that may state what a list's items are: the lead-in's last sentence
    /// first, then the nearest heading's, each only if present.
    func governing(list id: Int) -> [Int] {
        guard let first = blocks.firstIndex(where: { $0.kind == .listItem && $0.list == id }) else { return [] }
        var found: [Int] = []
        if first > 0 {
            let before = blocks[first - 1]
            if before.kind == .paragraph || before.kind == .listItem || before.kind == .quote,
                let last = blockSentences[first - 1].last, endsInColon(first - 1)
            {
                found.append(last)
            }
        }
        if let h = blocks[..<first].lastIndex(where: { $0.kind == .heading }), let s = blockSentences[h].last {
            found.append(s)
        }
        return found
    }

    private func endsInColon(_ b: Int) -> Bool {
        blocks[b].span.length > 0 && lastScalarIsColon[b]
    }

    /// Filled by `withText`; whether each block's text ends in a colon.
    var lastScalarIsColon: [Bool] = []

    /// Records which blocks end in a colon, reading the document's scalars.
    func withText(_ scalars: [Unicode.Scalar]) -> DocumentStructure {
        var copy = self
        copy.lastScalarIsColon = blocks.map { b in
            var e = min(b.span.end, scalars.count)
            while e > b.span.start, scalars[e - 1] == " " || scalars[e - 1] == "*" || scalars[e - 1] == "_" { e -= 1 }
            return e > b.span.start && (scalars[e - 1] == ":" || scalars[e - 1] == "\u{FF1A}")
        }
        return copy
    }
}
