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
                // Closing quotes and brackets belong to the sentence they end.
                while j < scalars.count, "\"')]\u{201D}\u{2019}".unicodeScalars.contains(scalars[j]) { j += 1 }
                if j >= scalars.count {
                    i = j
                    continue
                }
                guard Tokenizer.isSpace(scalars[j]) else {
                    i += 1
                    continue
                }
                var k = j
                while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
                if k < scalars.count, scalars[k] != "\n" {
                    let next = scalars[k]
                    // After a closing quote, a dash starts the attribution ("…" – Sam K.).
                    let afterQuote = j > i + 1 && "\"\u{201D}".unicodeScalars.contains(scalars[j - 1])
                    let startsSentence = Tokenizer.isCapital(next) || Tokenizer.isDigit(next)
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
            i += 1
        }
        close(at: scalars.count)
        return ranges
    }

    private func endsAbbreviation(_ scalars: [Unicode.Scalar], at dot: Int) -> Bool {
        var s = dot
        while s > 0, !Tokenizer.isSpace(scalars[s - 1]), scalars[s - 1] != "(" { s -= 1 }
        let word = String(String.UnicodeScalarView(scalars[s..<dot])).lowercased()
        if word.isEmpty { return false }
        if Self.abbreviations.contains(word) { return true }
        // A single capital letter ("J. Smith") is an initial.
        if word.count == 1, let f = word.unicodeScalars.first, f.properties.isAlphabetic { return true }
        return false
    }
}
