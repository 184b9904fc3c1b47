import Foundation

/// One sentence of a Universal Dependencies treebank: its words with their gold tags and lemmas.
public struct TreebankSentence: Sendable, Equatable {
    /// The words (UD's syntactic words: "don't" is "do" and "n't").
    public var words: [String]
    /// Their gold UPOS tags.
    public var tags: [UniversalTag]
    /// Penn Treebank tags (`NNS`, `VBD`, …), `_` where the treebank gives none.
    public var xpos: [String]
    /// Their gold lemmas.
    public var lemmas: [String]
    /// Whether the word runs into the next with no space (`SpaceAfter=No`).
    var joined: [Bool]
    /// Multiword tokens: the words they cover and how the text writes them ("don't").
    var multiwords: [(range: Range<Int>, surface: String)]

    /// A sentence with no multiword tokens; missing Penn tags are `_`, missing lemmas the words.
    public init(words: [String], tags: [UniversalTag], xpos: [String]? = nil, lemmas: [String]? = nil) {
        self.words = words
        self.tags = tags
        self.xpos = xpos ?? Array(repeating: "_", count: words.count)
        self.lemmas = lemmas ?? words
        joined = Array(repeating: false, count: words.count)
        multiwords = []
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.words == b.words && a.tags == b.tags && a.xpos == b.xpos && a.lemmas == b.lemmas
    }

    /// The sentence as mitragraph's tokenizer cuts text: no hyphen tokens, no possessive "'s",
    /// contractions other than "it's" kept whole ("don't", "I'm"), "it's" as "it" "is"; nil
    /// when that is the sentence itself. Training on both forms makes the tagger robust to
    /// either tokenisation.
    func extractorStyle() -> TreebankSentence? {
        var out = TreebankSentence(words: [], tags: [])
        out.xpos = []
        out.lemmas = []
        var changed = false
        var i = 0
        func add(_ word: String, _ j: Int) {
            out.words.append(word)
            out.tags.append(tags[j])
            out.xpos.append(xpos[j])
            out.lemmas.append(lemmas[j])
            out.joined.append(joined[j])
        }
        func isIsContraction(_ j: Int) -> Bool {
            j > 0 && tags[j] == .auxiliary && (words[j] == "'s" || words[j] == "\u{2019}s")
                && Self.isContractors.contains(words[j - 1].lowercased())
        }
        let multiwordStarts = Dictionary(multiwords.map { ($0.range.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        while i < words.count {
            if let mwt = multiwordStarts[i], mwt.range.count == 2, mwt.range.upperBound <= words.count {
                let second = mwt.range.lowerBound + 1
                changed = true
                if xpos[second] == "POS" {
                    add(words[i], i)
                } else if isIsContraction(second) {
                    add(words[i], i)
                    add("is", second)
                } else {
                    add(mwt.surface, i)
                }
                i = mwt.range.upperBound
                continue
            }
            let word = words[i]
            if xpos[i] == "HYPH" || xpos[i] == "POS" {
                changed = true
            } else if isIsContraction(i) {
                changed = true
                add("is", i)
            } else if i > 0, joined[i - 1], !out.words.isEmpty, word.hasPrefix("'") || word == "n't" {
                changed = true
                out.words[out.words.count - 1] += word
            } else {
                add(word, i)
            }
            i += 1
        }
        return changed && !out.words.isEmpty ? out : nil
    }

    private static let isContractors: Set<String> = ["it", "that", "there", "what", "he", "she", "here"]
}

/// Reads CoNLL-U files (Universal Dependencies' format) into sentences.
public enum Treebank {
    /// The sentences of the CoNLL-U file at `path`.
    public static func read(path: String) throws(LanguageError) -> [TreebankSentence] {
        try parse(contents(of: path), path: path)
    }

    private static func contents(of path: String) throws(LanguageError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Sentences written one a line as `word/TAG word/TAG …` (UD tags; `#` starts a comment
    /// line), the form of the tagger's hand-written supplement.
    public static func parseTagged(_ text: String, path: String = "<text>") throws(LanguageError) -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var sentence = TreebankSentence(words: [], tags: [])
            for item in trimmed.split(separator: " ") {
                guard let slash = item.lastIndex(of: "/"), slash != item.startIndex,
                    let tag = UniversalTag(name: String(item[item.index(after: slash)...]))
                else { throw .malformedTreebank(path: path, line: n + 1, reason: "\(item) is not word/TAG") }
                let word = String(item[..<slash])
                sentence.words.append(word)
                sentence.tags.append(tag)
                sentence.lemmas.append(word)
                // Marked as the treebank marks them, so that training also sees the sentence without them.
                sentence.xpos.append(tag == .punctuation && word == "-" ? "HYPH" : "_")
                sentence.joined.append(false)
            }
            sentences.append(sentence)
        }
        return sentences
    }

    /// The sentences of `word/TAG` lines in the file at `path`.
    public static func readTagged(path: String) throws(LanguageError) -> [TreebankSentence] {
        try parseTagged(contents(of: path), path: path)
    }

    /// The sentences of CoNLL-U `text`; `path` only names the source in errors.
    public static func parse(_ text: String, path: String = "<text>") throws(LanguageError) -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var current = TreebankSentence(words: [], tags: [])
        var lineNumber = 0
        func finish() {
            if !current.words.isEmpty { sentences.append(current) }
            current = TreebankSentence(words: [], tags: [])
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty {
                finish()
                continue
            }
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10 else {
                throw .malformedTreebank(path: path, line: lineNumber, reason: "\(fields.count) fields, not 10")
            }
            let id = fields[0]
            if id.contains(".") { continue }  // an empty node of the enhanced graph: no word
            if let dash = id.firstIndex(of: "-") {
                guard let from = Int(id[..<dash]), let to = Int(id[id.index(after: dash)...]), from <= to else {
                    throw .malformedTreebank(path: path, line: lineNumber, reason: "bad range \(id)")
                }
                let start = current.words.count
                current.multiwords.append((start..<start + (to - from + 1), String(fields[1])))
                continue
            }
            guard let tag = UniversalTag(name: String(fields[3])) else {
                throw .malformedTreebank(path: path, line: lineNumber, reason: "unknown UPOS \(fields[3])")
            }
            current.words.append(String(fields[1]))
            current.lemmas.append(String(fields[2]))
            current.tags.append(tag)
            current.xpos.append(String(fields[4]))
            current.joined.append(fields[9].contains("SpaceAfter=No"))
        }
        finish()
        return sentences
    }
}
