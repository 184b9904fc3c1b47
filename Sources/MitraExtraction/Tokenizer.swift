import MitraModel

/// Splits text into tokens with scalar offsets: runs of letters and digits are words (or
/// numbers), each other visible character is punctuation. Hyphens and dashes split words,
/// as `LabelNormalizer` turns them into spaces in labels; a possessive `'s` is dropped.
///
/// The core, `scan`, folds each token into a reusable scratch buffer of scalar values and
/// hands it to a closure, so the extractor's hot loop allocates no string per token.
public struct Tokenizer: Sendable {
    public init() {}

    /// Facts about one scanned token, besides its folded form.
    public struct Scanned {
        public var kind: Token.Kind
        public var start: Int
        public var end: Int
        /// The token has letters and every one of them is a capital ("WHO", "7-OH"'s "OH").
        public var allCapitals: Bool
    }

    /// The longest folded form kept; longer words (no label is that long) are cut, so they
    /// match nothing.
    static let maximumFoldedLength = 96

    /// Calls `body` for each token of `scalars[range]` with the token and its folded form
    /// (valid only during the call).
    @inline(__always)
    public func scan(
        _ scalars: [Unicode.Scalar], range: Range<Int>, _ body: (Scanned, UnsafeBufferPointer<UInt32>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.maximumFoldedLength + 8) { storage in
            var buffer = FoldBuffer(storage: storage.baseAddress!)
            scan(scalars, range: range, buffer: &buffer, body)
        }
    }

    @inline(__always)
    private func scan(
        _ scalars: [Unicode.Scalar], range: Range<Int>, buffer: inout FoldBuffer,
        _ body: (Scanned, UnsafeBufferPointer<UInt32>) -> Void
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        var lastEnd = -1
        while i < end {
            let s = scalars[i]
            if Self.isWordScalar(s) {
                buffer.count = 0
                var j = i
                var allDigits = true
                var letters = 0
                var capitals = 0
                var tokenEnd = -1
                var resume = -1
                while j < end {
                    let c = scalars[j]
                    if Self.isWordScalar(c) {
                        if !Self.isDigit(c) {
                            allDigits = false
                            letters += 1
                            if Self.isCapital(c) { capitals += 1 }
                        }
                        let v = c.value
                        // Letters and digits of ASCII, nearly every scalar, fold inline.
                        if v < 0x80 { buffer.append(v >= 0x41 && v <= 0x5A ? v + 32 : v) } else { Self.foldOther(c, into: &buffer) }
                        j += 1
                    } else if Self.isApostrophe(c), j + 1 < end, Self.isWordScalar(scalars[j + 1]) {
                        // "kratom's" is kratom; "don't" stays one word.
                        let next = scalars[j + 1]
                        let endsAfterS = j + 2 >= end || !Self.isWordScalar(scalars[j + 2])
                        if (next == "s" || next == "S") && endsAfterS {
                            tokenEnd = j
                            resume = j + 2
                            break
                        }
                        buffer.append(0x27)
                        j += 1
                    } else {
                        break
                    }
                }
                if tokenEnd < 0 {
                    tokenEnd = j
                    resume = j
                }
                let kind: Token.Kind = allDigits ? .number : .word
                body(Scanned(kind: kind, start: i, end: tokenEnd, allCapitals: letters == 0 || capitals == letters), buffer.folded)
                lastEnd = tokenEnd
                if resume == tokenEnd + 2 && Self.contractsIs(buffer.folded) {
                    // "it's", "that's": the 's is "is", not a possessive.
                    buffer.count = 0
                    buffer.append(0x69)
                    buffer.append(0x73)
                    body(Scanned(kind: .word, start: tokenEnd, end: resume, allCapitals: false), buffer.folded)
                }
                i = resume
            } else if Self.isApostrophe(s), lastEnd == i, i + 1 >= end || !Self.isWordScalar(scalars[i + 1]) {
                // A plural possessive ("users'") adds nothing to the word before it.
                i += 1
            } else if Self.isSpace(s) || Self.isHyphen(s) {
                i += 1
            } else {
                buffer.count = 0
                Self.fold(s, into: &buffer)
                body(Scanned(kind: .punctuation, start: i, end: i + 1, allCapitals: true), buffer.folded)
                i += 1
            }
        }
    }

    /// The tokens of a text with their folded forms as strings (for labels, cues and tests;
    /// the extractor itself uses `scan`).
    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [Token] {
        var tokens: [Token] = []
        scan(scalars, range: range ?? 0..<scalars.count) { t, folded in
            var view = String.UnicodeScalarView()
            for v in folded { view.append(Unicode.Scalar(v) ?? "?") }
            tokens.append(Token(kind: t.kind, span: Span(start: t.start, end: t.end), normalized: String(view)))
        }
        return tokens
    }

    /// Appends the matching form of one scalar: lowercase, `mu` for the micro and mu signs,
    /// straight quotes (the same folding as `LabelNormalizer.fold`).
    @inline(__always)
    static func fold(_ s: Unicode.Scalar, into buffer: inout FoldBuffer) {
        let v = s.value
        if v < 0x80 {
            buffer.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            return
        }
        foldOther(s, into: &buffer)
    }

    /// `fold` for a scalar outside ASCII: rare, so kept out of line.
    @inline(never)
    static func foldOther(_ s: Unicode.Scalar, into buffer: inout FoldBuffer) {
        let v = s.value
        switch v {
        case 0x3BC, 0xB5, 0x39C:
            buffer.append(0x6D)
            buffer.append(0x75)
        case 0x2018, 0x2019, 0x201B, 0x2032: buffer.append(0x27)
        case 0x201C, 0x201D, 0x201F, 0x2033: buffer.append(0x22)
        default:
            if s.properties.changesWhenLowercased {
                for l in s.properties.lowercaseMapping.unicodeScalars { buffer.append(l.value) }
            } else {
                buffer.append(v)
            }
        }
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isCapital(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D { return true }
        if v < 0x80 { return false }
        return s.properties.isWhitespace
    }

    /// Pronouns whose "'s" stands for "is" rather than a possessive.
    static func contractsIs(_ folded: UnsafeBufferPointer<UInt32>) -> Bool {
        guard folded.count <= 5 else { return false }
        return switch Array(folded) {
        case [0x69, 0x74], [0x74, 0x68, 0x61, 0x74], [0x74, 0x68, 0x65, 0x72, 0x65], [0x77, 0x68, 0x61, 0x74],
            [0x68, 0x65], [0x73, 0x68, 0x65], [0x68, 0x65, 0x72, 0x65]:
            true
        default: false
        }
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

/// A token's folded scalars on the stack; past `Tokenizer.maximumFoldedLength` it stops
/// growing, so an absurdly long word costs nothing and matches nothing.
struct FoldBuffer {
    let storage: UnsafeMutablePointer<UInt32>
    var count = 0
    private var overflowed = false

    init(storage: UnsafeMutablePointer<UInt32>) { self.storage = storage }

    @inline(__always)
    mutating func append(_ v: UInt32) {
        if count < Tokenizer.maximumFoldedLength {
            storage[count] = v
            count += 1
        } else {
            overflowed = true
        }
    }

    /// The folded form; a word that overflowed gets an extra NUL so it equals no label.
    var folded: UnsafeBufferPointer<UInt32> {
        mutating get {
            if overflowed && count == Tokenizer.maximumFoldedLength {
                storage[count] = 0
                return UnsafeBufferPointer(start: storage, count: count + 1)
            }
            return UnsafeBufferPointer(start: storage, count: count)
        }
    }
}
