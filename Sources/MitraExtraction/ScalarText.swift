/// A document's text as Unicode scalars (the unit spans count in) together with where each
/// scalar starts in the UTF-8 bytes, so a span's text is one slice of bytes away.
///
/// Built in one pass over the UTF-8 bytes; taking a sentence's or a mention's text this way
/// copies a slice of the original string's bytes instead of appending scalar by scalar.
struct ScalarText {
    private(set) var scalars: [Unicode.Scalar] = []
    private let source: String
    /// `offsets[i]` is where scalar `i` starts in `source.utf8`; `offsets[count]` is the end.
    private var offsets: [Int32] = []

    init(_ text: String) {
        source = text
        let decoded = text.utf8.withContiguousStorageIfAvailable { Self.decode($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Self.decode($0) }
        (scalars, offsets) = decoded
    }

    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int32]) {
        let n = utf8.count
        var count = 0
        let offsets = [Int32](unsafeUninitializedCapacity: n + 1) { out, initialized in
            var i = 0
            while i < n {
                out[count] = Int32(i)
                count += 1
                let b0 = utf8[i]
                // The string is valid UTF-8, so each lead byte says how many bytes follow.
                i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            }
            out[count] = Int32(n)
            initialized = count + 1
        }
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
            for k in 0..<count {
                let i = Int(offsets[k])
                let b0 = UInt32(utf8[i])
                let v: UInt32
                if b0 < 0x80 {
                    v = b0
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1]) & 0x3F
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | (UInt32(utf8[i + 1]) & 0x3F) << 6 | UInt32(utf8[i + 2]) & 0x3F
                } else {
                    v = (b0 & 0x07) << 18 | (UInt32(utf8[i + 1]) & 0x3F) << 12 | (UInt32(utf8[i + 2]) & 0x3F) << 6
                        | UInt32(utf8[i + 3]) & 0x3F
                }
                out.initializeElement(at: k, to: Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            initialized = count
        }
        return (scalars, offsets)
    }

    /// The text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        let start = Int(offsets[range.lowerBound]), end = Int(offsets[range.upperBound])
        // A native string's bytes are contiguous; the slice is whole scalars of valid UTF-8.
        if let text = source.utf8.withContiguousStorageIfAvailable({
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }) {
            return text
        }
        let utf8 = source.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: start), b = utf8.index(utf8.startIndex, offsetBy: end)
        return String(Substring(source.unicodeScalars[a..<b]))
    }
}
