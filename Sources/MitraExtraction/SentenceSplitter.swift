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
            if c == "\n" {
                close(at: i)
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                // "?!", "??" and "..." end together.
                while j < scalars.count, ".!?".unicodeScalars.contains(scalars[j]) { j += 1 }
                // Closing quotes and brackets belong to the sentence they end.
                while j < scalars.count, "\"')]\u{201D}\u{2019}".unicodeScalars.contains(scalars[j]) { j += 1 }
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
                    let afterQuote = j > i + 1 && "\"\u{201D}".unicodeScalars.contains(scalars[j - 1])
                    // Forum text starts sentences in lowercase ("it helps. my back …").
                    let lowercaseStart = next.properties.isLowercase
                    let startsSentence = Tokenizer.isCapital(next) || Tokenizer.isDigit(next) || lowercaseStart
                        || "\"'(\u{201C}\u{2018}[".unicodeScalars.contains(next)
                        || afterQuote && "\u{2013}\u{2014}-".unicodeScalars.contains(next)
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

    /// The index after a citation marker that follows the stop at `stop`, or `from` when none.
    private func skipCitation(_ scalars: [Unicode.Scalar], stop: Int, from: Int) -> Int {
        var j = from
        while j < scalars.count {
            let c = scalars[j]
            if c == "[" {
                var k = j + 1
                while k < scalars.count, k - j <= 16, "0123456789,-\u{2013} ".unicodeScalars.contains(scalars[k]) { k += 1 }
                guard k < scalars.count, scalars[k] == "]", k > j + 1 else { return j }
                j = k + 1
            } else if "\u{00B9}\u{00B2}\u{00B3}\u{2070}\u{2074}\u{2075}\u{2076}\u{2077}\u{2078}\u{2079}§†‡*".unicodeScalars.contains(c) {
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
        let word = String(String.UnicodeScalarView(scalars[s..<dot])).lowercased()
        if word.isEmpty { return false }
        if Self.abbreviations.contains(word) { return true }
        // A single capital letter ("J. Smith") is an initial.
        if word.count == 1, let f = word.unicodeScalars.first, f.properties.isAlphabetic { return true }
        return false
    }
}
