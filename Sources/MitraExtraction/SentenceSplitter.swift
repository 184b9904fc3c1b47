import MitraModel

/// Finds sentence boundaries: every line break, and `.`, `!` or `?` followed by space and a
/// capital, digit or quote, unless the full stop ends an abbreviation or sits in a number.
public struct SentenceSplitter: Sendable {
    /// Lowercased abbreviations (without their final full stop) that do not end a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "fig", "approx", "u.s", "u.k",
        "e.u", "inc", "ltd", "co", "jr", "sr", "al", "et al", "cf", "ca", "mg", "vol", "ed", "eds", "dept",
        "govt", "ph.d", "m.d", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static let longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0

    /// The abbreviations as `asciiKey`s, so that most full stops are checked with no string made.
    static let abbreviationKeys = Set(abbreviations.compactMap { asciiKey(Array($0.unicodeScalars)[...]) })

    /// An ASCII word of at most eight scalars, lowercased, packed a byte per scalar; nil for
    /// any other word (compared as a string instead).
    static func asciiKey(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard !word.isEmpty, word.count <= 8 else { return nil }
        var key: UInt64 = 0
        for s in word {
            var v = s.value
            guard v < 0x80 else { return nil }
            if v >= 0x41 && v <= 0x5A { v += 32 }
            key = key << 8 | UInt64(v)
        }
        return key
    }

    /// The longest sentence kept whole, in scalars; longer runs are cut at spaces.
    public static let maximumLength = 2_000

    public init() {}

    /// The sentences of a text; each span covers the sentence without surrounding space.
    public func sentences(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(at end: Int) {
            var s = start
            var e = end
            while s < e && Tokenizer.isSpace(scalars[s]) { s += 1 }
            while e > s && Tokenizer.isSpace(scalars[e - 1]) { e -= 1 }
            // A run-on "sentence" (a page with no full stops, an enormous line) is cut at
            // spaces into pieces of at most `maximumLength`, so per-sentence work stays bounded.
            while e - s > Self.maximumLength {
                var cut = s + Self.maximumLength
                while cut > s + Self.maximumLength / 2 && !Tokenizer.isSpace(scalars[cut]) { cut -= 1 }
                if !Tokenizer.isSpace(scalars[cut]) { cut = s + Self.maximumLength }
                ranges.append(s..<cut)
                s = cut
                while s < e && Tokenizer.isSpace(scalars[s]) { s += 1 }
            }
            if s < e { ranges.append(s..<e) }
            start = end
        }
        while i < scalars.count {
            let c = scalars[i]
            let v = c.value
            // Spaces and letters (but the emoticons' "D", "P" and "p"), most of a text, decide nothing.
            if v == 0x20 || (v >= 0x61 && v <= 0x7A && v != 0x70) || (v >= 0x41 && v <= 0x5A && v != 0x44 && v != 0x50) {
                i += 1
                continue
            }
            if c == "\n" {
                close(at: i)
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                // "?!", "??" and "..." end together.
                while j < scalars.count, Self.isStop(scalars[j]) { j += 1 }
                // Closing quotes and brackets belong to the sentence they end.
                while j < scalars.count, Self.isCloser(scalars[j]) { j += 1 }
                // So does a citation or footnote marker: ".[3]", ".³", "receptors.28", ".§".
                j = skipCitation(scalars, stop: i, from: j)
                if j >= scalars.count {
                    i = j
                    continue
                }
                guard Tokenizer.isSpace(scalars[j]) else {
                    // "use.Kratom": a full stop glued to the next sentence's first word.
                    if c == ".", j == i + 1, gluedSentence(scalars, at: i) {
                        close(at: j)
                        i = j
                        continue
                    }
                    i = j > i + 1 ? j : i + 1
                    continue
                }
                var k = j
                while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
                if k < scalars.count, scalars[k] != "\n" {
                    let next = scalars[k]
                    // After a closing quote, a dash starts the attribution ("…" – Sam K.).
                    let afterQuote = j > i + 1 && (scalars[j - 1] == "\"" || scalars[j - 1] == "\u{201D}")
                    // Forum text starts sentences in lowercase ("it helps. my back …").
                    let lowercaseStart = next.properties.isLowercase
                    let startsSentence = Tokenizer.isCapital(next) || Tokenizer.isDigit(next) || lowercaseStart
                        || Self.isOpener(next)
                        || afterQuote && (next == "\u{2013}" || next == "\u{2014}" || next == "-")
                    if !startsSentence || (c == "." && endsAbbreviation(scalars, at: i)) {
                        i = j
                        continue
                    }
                }
                close(at: j)
                i = j
                continue
            }
            // An emoticon or emoji before a space ends a sentence in forum text.
            if endsWithEmoticon(scalars, at: i), i + 1 < scalars.count, Tokenizer.isSpace(scalars[i + 1]) {
                var k = i + 1
                while k < scalars.count, scalars[k] == " " { k += 1 }
                if k < scalars.count, scalars[k].properties.isAlphabetic {
                    close(at: i + 1)
                    i += 1
                    continue
                }
            }
            i += 1
        }
        close(at: scalars.count)
        return ranges
    }

    // The scalar classes below are tested with a switch: a string's `unicodeScalars.contains`
    // builds a view per call, and they are tested at every full stop.

    /// ".", "!", "?": scalars that end a sentence together ("?!", "...").
    @inline(__always)
    static func isStop(_ c: Unicode.Scalar) -> Bool { c == "." || c == "!" || c == "?" }

    /// Closing quotes and brackets, which belong to the sentence they end.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "\u{201D}", "\u{2019}": true
        default: false
        }
    }

    /// Opening quotes and brackets, which may start a sentence.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "(", "\u{201C}", "\u{2018}", "[": true
        default: false
        }
    }

    /// What a bracketed citation holds: digits, commas, hyphens, en dashes, spaces ("[3, 4-6]").
    @inline(__always)
    static func isCitationScalar(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "0"..."9", ",", "-", "\u{2013}", " ": true
        default: false
        }
    }

    /// Superscript digits and note marks after a full stop (".³", ".§", ".*").
    @inline(__always)
    static func isNoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2070}", "\u{2074}"..."\u{2079}", "§", "†", "‡", "*": true
        default: false
        }
    }

    /// The index after a citation marker that follows the stop at `stop`, or `from` when none.
    private func skipCitation(_ scalars: [Unicode.Scalar], stop: Int, from: Int) -> Int {
        var j = from
        while j < scalars.count {
            let c = scalars[j]
            if c == "[" {
                var k = j + 1
                while k < scalars.count, k - j <= 16, Self.isCitationScalar(scalars[k]) { k += 1 }
                guard k < scalars.count, scalars[k] == "]", k > j + 1 else { return j }
                j = k + 1
            } else if Self.isNoteMark(c) {
                j += 1
            } else if Tokenizer.isDigit(c), j == stop + 1, stop > 0, scalars[stop - 1].properties.isAlphabetic {
                // "receptors.28 Unlike": digits glued to a word's full stop, then a space.
                var k = j
                while k < scalars.count, k - j < 6, Tokenizer.isDigit(scalars[k]) || scalars[k] == "," || scalars[k] == "-" { k += 1 }
                guard k < scalars.count, Tokenizer.isSpace(scalars[k]) else { return j }
                j = k
            } else {
                return j
            }
        }
        return j
    }

    /// "withdrawal.Kratom": a lowercase word, a full stop, and a capitalised word (not an
    /// initialism like "U.S." or a domain).
    private func gluedSentence(_ scalars: [Unicode.Scalar], at dot: Int) -> Bool {
        guard dot >= 2, dot + 2 < scalars.count else { return false }
        let before = scalars[dot - 1], after = scalars[dot + 1], second = scalars[dot + 2]
        return before.properties.isLowercase && scalars[dot - 2].properties.isLowercase
            && Tokenizer.isCapital(after) && second.properties.isLowercase && !endsAbbreviation(scalars, at: dot)
    }

    /// Whether `scalars[i]` ends an emoticon (":)", ";-)", ":D") or is an emoji.
    @inline(__always)
    private func endsWithEmoticon(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let c = scalars[i]
        // Called for every scalar: decide on the value first.
        switch c.value {
        case 0x1F300...: return c.properties.isEmoji
        case 0x28, 0x29, 0x44, 0x50, 0x70: break  // ( ) D P p
        default: return false
        }
        guard i >= 1 else { return false }
        var k = i - 1
        if scalars[k] == "-", k >= 1 { k -= 1 }
        return (scalars[k] == ":" || scalars[k] == ";") && (k == 0 || Tokenizer.isSpace(scalars[k - 1]))
    }

    private func endsAbbreviation(_ scalars: [Unicode.Scalar], at dot: Int) -> Bool {
        var s = dot
        while s > 0, !Tokenizer.isSpace(scalars[s - 1]), scalars[s - 1] != "(" { s -= 1 }
        // No abbreviation is longer than six scalars: most words end a sentence with no string made.
        if dot - s > Self.longestAbbreviation { return false }
        if let key = Self.asciiKey(scalars[s..<dot]) {
            // A single letter ("J. Smith") is an initial.
            return Self.abbreviationKeys.contains(key) || (dot - s == 1 && Tokenizer.isWordScalar(scalars[s]) && !Tokenizer.isDigit(scalars[s]))
        }
        let word = String(String.UnicodeScalarView(scalars[s..<dot])).lowercased()
        if word.isEmpty { return false }
        if Self.abbreviations.contains(word) { return true }
        // A single capital letter ("J. Smith") is an initial.
        if word.count == 1, let f = word.unicodeScalars.first, f.properties.isAlphabetic { return true }
        return false
    }
}
