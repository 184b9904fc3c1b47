import MitraModel

/// Recovers the blocks of a plain-text or Markdown document from its lines: front matter,
/// `#` headings, bullet and numbered items (grouped into lists), quotes, short heading lines,
/// and paragraphs. Spans count Unicode scalars of the text as given.
public struct BlockScanner: Sendable {
    public init() {}

    /// The longest line, in words, read as a plain-text heading ("Side effects", "Uses").
    static let headingWords = 6

    public func blocks(in text: String, markdown: Bool) -> [Block] {
        blocks(in: Array(text.unicodeScalars), markdown: markdown)
    }

    /// The blocks of a text already decoded to scalars (the extractor has them at hand).
    public func blocks(in scalars: [Unicode.Scalar], markdown: Bool) -> [Block] {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, c) in scalars.enumerated() where c == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<scalars.count)

        var blocks: [Block] = []
        var listCount = 0
        var inList = false
        var lastMarkerNumbered = false
        var index = 0
        // Front matter: a first line of "---" (YAML) or "+++" (TOML) up to the next such line.
        if markdown, let first = lines.first, case let fence = line(scalars, first), fence == "---" || fence == "+++",
            let close = lines.dropFirst().firstIndex(where: { line(scalars, $0) == fence })
        {
            blocks.append(Block(kind: .frontMatter, span: Span(start: first.lowerBound, end: lines[close].upperBound)))
            index = close + 1
        }
        while index < lines.count {
            let range = lines[index]
            index += 1
            var s = range.lowerBound
            var indent = 0
            while s < range.upperBound, scalars[s] == " " || scalars[s] == "\t" {
                indent += scalars[s] == "\t" ? 4 : 1
                s += 1
            }
            var e = range.upperBound
            while e > s, scalars[e - 1] == " " || scalars[e - 1] == "\t" { e -= 1 }
            if s == e {
                continue
            }
            if let marker = listMarker(scalars, s, e) {
                // A bullet after numbered items (or the reverse) starts another list.
                let numbered = scalars[s].isASCII && scalars[s].properties.numericType != nil
                if !inList || (numbered != lastMarkerNumbered && indent == 0) {
                    listCount += 1
                    inList = true
                }
                lastMarkerNumbered = numbered
                blocks.append(Block(kind: .listItem, span: Span(start: marker, end: e), level: 1 + indent / 2, list: listCount))
                continue
            }
            // An indented line right after an item continues it.
            if inList, indent >= 2, let last = blocks.last, last.kind == .listItem {
                blocks[blocks.count - 1].span = Span(start: last.span.start, end: e)
                continue
            }
            inList = false
            if markdown, let (level, body) = atxHeading(scalars, s, e) {
                blocks.append(Block(kind: .heading, span: Span(start: body, end: e), level: level))
            } else if scalars[s] == ">" {
                var b = s + 1
                while b < e, scalars[b] == " " { b += 1 }
                if b < e { blocks.append(Block(kind: .quote, span: Span(start: b, end: e))) }
            } else if isHeadingLine(scalars, s, e) {
                blocks.append(Block(kind: .heading, span: Span(start: s, end: e), level: 0))
            } else {
                blocks.append(Block(kind: .paragraph, span: Span(start: s, end: e)))
            }
        }
        return blocks
    }

    private func line(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespaces)
    }

    /// Where an item's text starts after "- ", "* ", "+ ", "• " or "12. " / "3) ", if the line is one.
    private func listMarker(_ scalars: [Unicode.Scalar], _ s: Int, _ e: Int) -> Int? {
        let c = scalars[s]
        var k = s
        if "-*+•·–".unicodeScalars.contains(c) {
            k = s + 1
        } else if c.properties.numericType != nil, c.isASCII {
            while k < e, scalars[k].isASCII, scalars[k].properties.numericType != nil { k += 1 }
            guard k - s <= 3, k < e, scalars[k] == "." || scalars[k] == ")" else { return nil }
            k += 1
        } else {
            return nil
        }
        guard k < e, scalars[k] == " " || scalars[k] == "\t" else { return nil }
        // "* * *" and "---" are rules, not items.
        if c == "*" || c == "-", (s..<e).allSatisfy({ scalars[$0] == c || scalars[$0] == " " }) { return nil }
        while k < e, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
        return k < e ? k : nil
    }

    private func atxHeading(_ scalars: [Unicode.Scalar], _ s: Int, _ e: Int) -> (Int, Int)? {
        var k = s
        while k < e, scalars[k] == "#" { k += 1 }
        let level = k - s
        guard (1...6).contains(level), k < e, scalars[k] == " " else { return nil }
        while k < e, scalars[k] == " " { k += 1 }
        return k < e ? (level, k) : nil
    }

    /// A short line that starts with a capital and ends without a full stop, question mark
    /// or comma: "Side effects", "Withdrawal Symptoms", "Pros:" is a lead-in paragraph instead.
    private func isHeadingLine(_ scalars: [Unicode.Scalar], _ s: Int, _ e: Int) -> Bool {
        guard scalars[s].properties.isUppercase else { return false }
        guard let last = scalars[e - 1] as Unicode.Scalar?, !".!?,;:\"')]".unicodeScalars.contains(last) else { return false }
        var words = 1
        for k in s..<e where scalars[k] == " " {
            words += 1
            // Most lines are paragraphs: stop counting once the line is too long for a heading.
            if words > Self.headingWords { return false }
        }
        return true
    }
}
