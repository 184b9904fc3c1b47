import MitraLanguage

/// Words and tags from "word/TAG word/TAG …", so chunker tests state their tags and do not
/// depend on the tagger.
func tagged(_ text: String) -> (words: [String], tags: [UniversalTag]) {
    var words: [String] = []
    var tags: [UniversalTag] = []
    for item in text.split(separator: " ") {
        guard let slash = item.lastIndex(of: "/"), let tag = UniversalTag(name: String(item[item.index(after: slash)...])) else {
            preconditionFailure("bad test item \(item)")
        }
        words.append(String(item[..<slash]))
        tags.append(tag)
    }
    return (words, tags)
}

/// The analysis of "word/TAG …" text, with its words for readable expectations.
func analysed(_ text: String) -> (words: [String], analysis: SentenceAnalysis) {
    let (words, tags) = tagged(text)
    return (words, Chunker.analyse(words: words, tags: tags))
}

extension Array where Element == String {
    /// The words of `range` joined by spaces.
    func text(_ range: Range<Int>) -> String { self[range].joined(separator: " ") }
}
