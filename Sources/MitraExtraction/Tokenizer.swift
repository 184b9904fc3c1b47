import MitraModel

/// Splits text into tokens with scalar offsets: runs of letters and digits are words (or
/// numbers), each other visible character is punctuation. Hyphens and dashes split words,
/// as `LabelNormalizer` turns them into spaces in labels.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [Token] {
        let bounds = range ?? 0..<scalars.count
        var tokens: [Token] = []
        var i = bounds.lowerBound
        while i < bounds.upperBound {
            let s = scalars[i]
            if Self.isWordScalar(s) {
                var j = i + 1
                var folded = LabelNormalizer.fold(s)
                var allDigits = Self.isDigit(s)
                while j < bounds.upperBound {
                    let c = scalars[j]
                    if Self.isWordScalar(c) {
                        folded += LabelNormalizer.fold(c)
                        allDigits = allDigits && Self.isDigit(c)
                        j += 1
                    } else if Self.isApostrophe(c), j + 1 < bounds.upperBound, Self.isWordScalar(scalars[j + 1]) {
                        // "kratom's" is kratom; "don't" stays one word.
                        let next = scalars[j + 1]
                        let endsAfterS = j + 2 >= bounds.upperBound || !Self.isWordScalar(scalars[j + 2])
                        if (next == "s" || next == "S") && endsAfterS {
                            tokens.append(Token(kind: .word, span: Span(start: i, end: j), normalized: folded))
                            i = j + 2
                            folded = ""
                            break
                        }
                        folded += "'"
                        j += 1
                    } else {
                        break
                    }
                }
                if folded.isEmpty { continue }
                tokens.append(Token(kind: allDigits ? .number : .word, span: Span(start: i, end: j), normalized: folded))
                i = j
            } else if Self.isApostrophe(s), !tokens.isEmpty, tokens.last!.span.end == i,
                i + 1 >= bounds.upperBound || !Self.isWordScalar(scalars[i + 1])
            {
                // A plural possessive ("users'") adds nothing to the word before it.
                i += 1
            } else if s.properties.isWhitespace || Self.isHyphen(s) {
                i += 1
            } else {
                tokens.append(Token(kind: .punctuation, span: Span(start: i, end: i + 1), normalized: LabelNormalizer.fold(s)))
                i += 1
            }
        }
        return tokens
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || isDigit(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" || s == "\u{2018}" }

    static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: true
        default: false
        }
    }
}
