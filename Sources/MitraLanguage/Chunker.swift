/// Finds noun-phrase chunks and their heads, subordinate and relative clauses, inserts and
/// comparisons in a tagged sentence: the "underspecified parse" the claim rules read.
///
/// ```swift
/// let words = ["Like", "morphine", ",", "kratom", "eases", "opioid", "cravings", "."]
/// let analysis = Chunker.analyse(words: words, tags: tagger.tag(words))
/// analysis.chunk(containing: 5)?.head   // 6: "cravings", not "opioid"
/// analysis.isCompared(1)                // true: "morphine" is only compared with
/// ```
///
/// Rules of thumb over the tags, not a parser: chunks are maximal runs of determiner,
/// adjectives, numbers and nouns ending in a noun; a hyphenated compound ("opioid - like") is
/// one unit whose part of speech is its last word's, so "opioid-like" is an adjective and never
/// a head.
public enum Chunker {
    /// The analysis of `words` tagged `tags` (the shorter of the two decides the length).
    ///
    /// `hyphenated[i]`, when true, says that words `i` and `i + 1` were written as one
    /// hyphenated word whose hyphen is not among the words (mitragraph's tokenizer drops it):
    /// "opioid", "like" then make the adjective "opioid-like", as "opioid", "-", "like" do.
    public static func analyse(words: [String], tags: [UniversalTag], hyphenated: [Bool] = []) -> SentenceAnalysis {
        analyse(anyWords: words, tags: tags, hyphenated: hyphenated)
    }

    /// Any other kind of string; the `String` form is compiled for its type, as the extractor
    /// calls it for every sentence it chunks.
    public static func analyse<S: StringProtocol>(words: [S], tags: [UniversalTag], hyphenated: [Bool] = []) -> SentenceAnalysis {
        analyse(anyWords: words, tags: tags, hyphenated: hyphenated)
    }

    private static func analyse<S: StringProtocol>(anyWords words: [S], tags: [UniversalTag], hyphenated: [Bool]) -> SentenceAnalysis {
        let n = min(words.count, tags.count)
        let sentence = TaggedWords(
            words: words.prefix(n).map { Lemmatizer.lowercase($0) }, tags: Array(tags.prefix(n)),
            hyphenated: (0..<n).map { $0 < hyphenated.count && hyphenated[$0] })
        let inserts = sentence.inserts()
        let chunks = sentence.chunks()
        var chunkOfToken = [Int](repeating: -1, count: n)
        for (c, chunk) in chunks.enumerated() {
            for i in chunk.range { chunkOfToken[i] = c }
        }
        var analysis = SentenceAnalysis(
            tags: sentence.tags, chunks: chunks, clauses: [], boundaries: [], inserts: inserts, coordinations: [],
            comparisons: [], isQuestion: sentence.isQuestion, chunkOfToken: chunkOfToken)
        analysis.coordinations = sentence.coordinations(analysis)
        analysis.clauses = sentence.clauses(analysis)
        analysis.boundaries = sentence.boundaries(analysis)
        analysis.comparisons = sentence.comparisons(analysis)
        return analysis
    }
}

/// A sentence's lowercased words and tags, with the passes of the chunker over them.
struct TaggedWords {
    let words: [String]
    let tags: [UniversalTag]
    /// Word `i` and the next were one hyphenated word.
    let hyphenated: [Bool]
    var count: Int { words.count }

    static let hyphens: Set<String> = ["-", "\u{2010}", "\u{2011}"]
    static let dashes: Set<String> = ["\u{2014}", "\u{2013}", "--"]
    static let possessivePronouns: Set<String> = ["my", "your", "his", "her", "its", "our", "their"]
    static let possessiveMarks: Set<String> = ["'s", "\u{2019}s", "'", "\u{2019}"]

    func word(_ i: Int) -> String { i >= 0 && i < count ? words[i] : "" }
    func tag(_ i: Int) -> UniversalTag? { i >= 0 && i < count ? tags[i] : nil }

    // MARK: chunks

    /// A word, or a hyphenated compound, or a word with its possessive "'s": what a chunk is
    /// made of. Its tag is its last word's.
    struct Unit {
        var range: Range<Int>
        var tag: UniversalTag
        var possessive = false
    }

    func units() -> [Unit] {
        var out: [Unit] = []
        var i = 0
        while i < count {
            var end = i + 1
            while tags[i] != .punctuation {
                if end + 1 < count, Self.hyphens.contains(words[end]), tags[end + 1] != .punctuation {
                    end += 2
                } else if end < count, hyphenated[end - 1], tags[end] != .punctuation {
                    end += 1
                } else {
                    break
                }
            }
            // "kratom-related", "opioid-like": a compound ending in a participle or "like"
            // modifies as an adjective does.
            let last = tags[end - 1]
            let compoundAdjective = end - i > 1 && [.verb, .adposition, .subordinatingConjunction].contains(last)
            var unit = Unit(range: i..<end, tag: compoundAdjective ? .adjective : last)
            if end < count, Self.possessiveMarks.contains(words[end]), tags[end] == .particle {
                unit.range = i..<end + 1
                unit.possessive = true
            }
            out.append(unit)
            i = unit.range.upperBound
        }
        return out
    }

    func chunks() -> [NounChunk] {
        let units = units()
        var out: [NounChunk] = []
        var u = 0
        while u < units.count {
            var v = u
            var lastHead = -1
            while v < units.count {
                let unit = units[v]
                let next = v + 1 < units.count ? units[v + 1].tag : nil
                let previous = v > u ? units[v - 1] : nil
                let nominalNext = next == .noun || next == .adjective || next == .properNoun || next == .numeral
                // A determiner, adjective or possessive just before: "the reported effects",
                // but not "studies showed effects".
                let modifierBefore = previous.map { $0.possessive || $0.tag == .determiner || $0.tag == .adjective
                    || ($0.tag == .pronoun && Self.possessivePronouns.contains(words[$0.range.lowerBound])) } ?? false
                let takes: Bool
                switch unit.tag {
                case _ where unit.possessive: takes = true
                case .noun, .properNoun, .numeral:
                    takes = true
                    lastHead = v
                case .adjective: takes = true
                case .determiner: takes = v == u
                case .pronoun where v == u && unit.range.count == 1 && Self.possessivePronouns.contains(words[unit.range.lowerBound]) && nominalNext:
                    takes = true
                case .pronoun:
                    // A pronoun is a chunk of its own.
                    if v == u {
                        lastHead = v
                        v += 1
                    }
                    takes = false
                case .adverb: takes = next == .adjective && (v == u || modifierBefore)
                case .verb: takes = modifierBefore && (next == .noun || next == .adjective || next == .properNoun)
                default: takes = false
                }
                guard takes else { break }
                v += 1
            }
            if lastHead >= u {
                let range = units[u].range.lowerBound..<units[lastHead].range.upperBound
                out.append(NounChunk(range: range, head: units[lastHead].range.upperBound - 1))
                u = lastHead + 1
            } else {
                u = max(v, u + 1)
            }
        }
        return out
    }

    // MARK: inserts

    func inserts() -> [Insert] {
        var out: [Insert] = []
        var open: [(index: Int, close: String)] = []
        let pairs = ["(": ")", "[": "]", "{": "}"]
        var dash = -1
        for i in 0..<count {
            let w = words[i]
            if let close = pairs[w] {
                open.append((i, close))
            } else if let last = open.last, w == last.close {
                open.removeLast()
                let inner = last.index + 1..<i
                out.append(Insert(kind: isCitation(inner, bracket: w == "]") ? .citation : .parenthesis, range: last.index..<i + 1))
            } else if Self.dashes.contains(w) && open.isEmpty {
                if dash >= 0 {
                    out.append(Insert(kind: .dash, range: dash..<i + 1))
                    dash = -1
                } else {
                    dash = i
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "[3]", "(1, 2)", "(2019)", "(Smith et al., 2019)", "[citation needed]"; not "(91%)".
    private func isCitation(_ inner: Range<Int>, bracket: Bool) -> Bool {
        guard !inner.isEmpty else { return false }
        if bracket && words[inner.lowerBound] == "citation" { return true }
        var hasNumber = false
        var hasYear = false
        var hasName = false
        for i in inner {
            let w = words[i]
            if w == "%" || w == "=" { return false }
            switch tags[i] {
            case .numeral:
                hasNumber = true
                if w.utf8.count == 4, w.hasPrefix("1") || w.hasPrefix("2") { hasYear = true }
            case .punctuation: break
            case .properNoun, .noun:
                hasName = true
            default:
                guard ["et", "al", "al.", "and", "&", "see", "cf", "cf.", "ibid", "e.g."].contains(w) else { return false }
            }
        }
        return hasYear || (hasNumber && !hasName)
    }

    // MARK: clauses

    static let relativePronouns: Set<String> = ["which", "who", "whom", "whose", "that", "where"]
    /// Pronouns a relative clause does not describe ("it that" is no relative clause; "those
    /// who", "anyone who" are).
    static let personalPronouns: Set<String> = ["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them"]
    static let closing: Set<String> = [",", ";", ":", ".", "?", "!", ")", "]", "\u{2014}", "\u{2013}", "--"]

    func clauses(_ analysis: SentenceAnalysis) -> [Clause] {
        var out: [Clause] = []
        for i in 0..<count {
            let w = words[i]
            if Self.relativePronouns.contains(w), tags[i] == .pronoun || tags[i] == .determiner || (w == "where" && tags[i] == .adverb) {
                let before = word(i - 1) == "," ? i - 2 : i - 1
                guard before >= 0, let antecedent = analysis.chunk(containing: before), antecedent.range.upperBound == before + 1,
                    antecedent.head == before, !Self.personalPronouns.contains(words[before])
                else { continue }
                let end = clauseEnd(from: i, relative: word(i - 1) != ",", analysis)
                out.append(Clause(kind: .relative, range: i..<end, marker: i, antecedent: antecedent.head))
            } else if tags[i] == .subordinatingConjunction && w != "like" && w != "than" {
                out.append(Clause(kind: .subordinate, range: i..<clauseEnd(from: i, relative: false, analysis), marker: i))
            }
        }
        return out
    }

    /// Where a clause opened at `marker` ends: at clause-closing punctuation, or, for a
    /// relative clause with no comma before it, at the next verb after its own verb and object
    /// ("users who take kratom | report …").
    private func clauseEnd(from marker: Int, relative: Bool, _ analysis: SentenceAnalysis) -> Int {
        var j = marker + 1
        var sawVerb = false
        var sawObject = false
        while j < count {
            if let end = analysis.insertEnd(at: j) {
                j = end
                continue
            }
            if tags[j] == .punctuation && Self.closing.contains(words[j]) { break }
            if relative {
                if tags[j] == .verb || tags[j] == .auxiliary {
                    if sawObject { break }
                    sawVerb = true
                } else if sawVerb && analysis.isHead(j) {
                    sawObject = true
                }
            }
            j += 1
        }
        return j
    }

    func boundaries(_ analysis: SentenceAnalysis) -> [Int] {
        var out = Set(analysis.clauses.map(\.marker))
        for i in 0..<count {
            if words[i] == ";" && i + 1 < count { out.insert(i + 1) }
            guard tags[i] == .coordinatingConjunction else { continue }
            if words[i] == "but" || words[i] == "yet" {
                out.insert(i)
                continue
            }
            // "and can be addictive", "and it can be addictive": a new predicate.
            var j = i + 1
            if let chunk = analysis.chunk(containing: j), chunk.range.lowerBound == j { j = chunk.range.upperBound }
            while tag(j) == .adverb || tag(j) == .particle { j += 1 }
            if tag(j) == .auxiliary || tag(j) == .verb { out.insert(i) }
        }
        return out.sorted()
    }

    // MARK: comparisons

    func comparisons(_ analysis: SentenceAnalysis) -> [Comparison] {
        var out: [Comparison] = []
        var i = 0
        while i < count {
            if let (kind, marker) = comparisonMarker(at: i),
                let (object, heads) = comparedObject(from: marker.upperBound, analysis)
            {
                out.append(Comparison(kind: kind, marker: marker, object: object, heads: heads))
                i = object.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    static let similarWords: Set<String> = [
        "similar", "similarly", "comparable", "equivalent", "identical", "akin", "analogous", "superior", "inferior",
    ]
    static let quantityComparatives: Set<String> = ["more", "less", "fewer", "greater", "higher", "lower", "over", "under"]

    private func comparisonMarker(at i: Int) -> (Comparison.Kind, Range<Int>)? {
        let w = words[i]
        let next = word(i + 1)
        switch w {
        case "like" where tags[i] == .adposition || tags[i] == .subordinatingConjunction:
            return Self.hyphens.contains(word(i - 1)) || (i > 0 && hyphenated[i - 1]) ? nil : (.like, i..<i + 1)
        case "unlike": return (.unlike, i..<i + 1)
        case _ where Self.similarWords.contains(w) && next == "to": return (.similarTo, i..<i + 2)
        case "same" where next == "as": return (.similarTo, i..<i + 2)
        case "than":
            if word(i - 1) == "rather" || word(i - 1) == "other" { return (.ratherThan, i - 1..<i + 1) }
            if Self.quantityComparatives.contains(word(i - 1)) && tag(i + 1) == .numeral { return nil }
            var start = i
            for back in 1...3 where tag(i - back) == .adjective || tag(i - back) == .adverb { start = i - back }
            return (.than, start..<i + 1)
        case _ where ["compared", "comparison", "contrast"].contains(w) && (next == "to" || next == "with"):
            let start = word(i - 1) == "as" || word(i - 1) == "in" ? i - 1 : i
            return (.comparedWith, start..<i + 2)
        case "relative" where next == "to": return (.comparedWith, i..<i + 2)
        case "versus", "vs", "vs.": return (.comparedWith, i..<i + 1)
        case "instead" where next == "of": return (.ratherThan, i..<i + 2)
        case "as" where word(i + 2) == "as" && (tag(i + 1) == .adjective || tag(i + 1) == .adverb) && tag(i + 3) != .numeral:
            return (.asAs, i..<i + 3)
        default: return nil
        }
    }

    /// The noun chunk starting at `start` and the chunks coordinated after it ("morphine and
    /// codeine"; "morphine, codeine, and heroin").
    private func comparedObject(from start: Int, _ analysis: SentenceAnalysis) -> (Range<Int>, [Int])? {
        guard let first = analysis.chunk(containing: start), first.range.lowerBound == start else { return nil }
        guard let list = analysis.coordination(containing: start), let at = list.heads.firstIndex(of: first.head) else {
            return (first.range, [first.head])
        }
        return (start..<list.range.upperBound, Array(list.heads[at...]))
    }

    // MARK: coordination

    /// Chunks joined by "," or "and"/"or" (inserts between them skipped). A link that is only a
    /// comma counts when the list goes on to a conjunction or to the end of the sentence:
    /// "nausea, constipation, dry mouth." is a list, "like morphine, kratom eases pain" is not.
    func coordinations(_ analysis: SentenceAnalysis) -> [Coordination] {
        let chunks = analysis.chunks
        // Chunks inside an insert ("91" of "(91%)") are not list members of the sentence.
        let outside = chunks.indices.filter { !analysis.isInserted(chunks[$0].head) }
        var out: [Coordination] = []
        var c = 0
        while c < outside.count {
            var members = [outside[c]]
            var conjoined = [false]  // whether the link into each member has a conjunction
            var next = c
            while next + 1 < outside.count,
                let link = self.link(from: chunks[outside[next]].range.upperBound, to: chunks[outside[next + 1]].range.lowerBound, analysis)
            {
                next += 1
                members.append(outside[next])
                conjoined.append(link)
            }
            // Keep up to the last conjunction, or all of a list of three or more nouns that
            // ends the sentence.
            var keep = (conjoined.lastIndex(of: true) ?? 0) + 1
            if keep < members.count, members.count >= 3,
                members.allSatisfy({ tags[chunks[$0].head] != .pronoun }),
                endsSentence(after: chunks[members[members.count - 1]].range.upperBound, analysis)
            {
                keep = members.count
            }
            if keep >= 2 {
                let kept = Array(members.prefix(keep))
                out.append(Coordination(
                    chunks: kept, heads: kept.map { chunks[$0].head },
                    range: chunks[kept[0]].range.lowerBound..<chunks[kept[keep - 1]].range.upperBound))
                c += keep
            } else {
                c += 1
            }
        }
        return out
    }

    /// Whether the tokens `from..<to` join two chunks: nil if not, else whether a conjunction
    /// is among them.
    private func link(from: Int, to: Int, _ analysis: SentenceAnalysis) -> Bool? {
        var i = from
        var sawSeparator = false
        var conjunction = false
        while i < to {
            if let end = analysis.insertEnd(at: i) {
                i = end
                continue
            }
            if words[i] == "," {
                sawSeparator = true
            } else if tags[i] == .coordinatingConjunction && ["and", "or", "nor", "&", "and/or"].contains(words[i]) {
                sawSeparator = true
                conjunction = true
            } else {
                return nil
            }
            i += 1
        }
        return sawSeparator && i == to ? conjunction : nil
    }

    private func endsSentence(after index: Int, _ analysis: SentenceAnalysis) -> Bool {
        var i = index
        while i < count {
            if let end = analysis.insertEnd(at: i) {
                i = end
                continue
            }
            guard tags[i] == .punctuation, [".", "!", "?", ";", "..."].contains(words[i]) else { return false }
            i += 1
        }
        return true
    }

    // MARK: questions

    var isQuestion: Bool {
        guard let last = tags.lastIndex(where: { $0 != .punctuation }) else { return false }
        if words[last + 1..<count].contains("?") { return true }
        guard let first = tags.firstIndex(where: { $0 != .punctuation }) else { return false }
        // "Does kratom work", "Can it cause": an auxiliary first, followed by its subject.
        return tags[first] == .auxiliary && first + 1 < count && [.pronoun, .noun, .properNoun, .determiner].contains(tags[first + 1])
    }
}
