/// Words for the tagger and chunker from any tokenizer's spans over the text: each span's text
/// as written, and which neighbours a lone hyphen joined (mitragraph's tokenizer drops hyphens,
/// the chunker wants to know "opioid-like" was one word).
public enum TokenText {
    /// The text of each span (scalar offsets into `scalars`), as written; a span outside the
    /// text gives "".
    public static func words(of scalars: [Unicode.Scalar], spans: [Range<Int>]) -> [String] {
        spans.map { span in
            guard span.lowerBound >= 0, span.upperBound <= scalars.count, !span.isEmpty else { return "" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span])
            return String(view)
        }
    }

    /// For each span, whether exactly one hyphen (any of the Unicode hyphens) and nothing else
    /// lies between it and the next: `Chunker.analyse(words:tags:hyphenated:)`'s third argument.
    public static func hyphenated(_ scalars: [Unicode.Scalar], spans: [Range<Int>]) -> [Bool] {
        spans.indices.map { i in
            guard i + 1 < spans.count else { return false }
            let gap = spans[i].upperBound..<spans[i + 1].lowerBound
            guard gap.count == 1, gap.lowerBound >= 0, gap.upperBound <= scalars.count else { return false }
            return hyphens.contains(scalars[gap.lowerBound].value)
        }
    }

    private static let hyphens: Set<UInt32> = [0x2D, 0x2010, 0x2011, 0x2012]
}
