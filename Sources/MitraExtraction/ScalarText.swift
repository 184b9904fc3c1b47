/// A document's text as Unicode scalars (the unit spans count in) together with where each
/// scalar starts in the UTF-8 bytes, so a span's text is one slice of bytes away.
///
/// Built in one pass over the UTF-8 bytes; taking a sentence's or a mention's text this way
/// copies bytes instead of appending scalar by scalar.
struct ScalarText {
    private(set) var scalars: [Unicode.Scalar] = []
    private var utf8: [UInt8] = []
    /// `offsets[i]` is where scalar `i` starts in `utf8`; `offsets[count]` is the end.
    private var offsets: [Int32] = []

    init(_ text: String) {
        utf8 = Array(text.utf8)
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var i = 0
        let n = utf8.count
        while i < n {
            offsets.append(Int32(i))
            let b0 = UInt32(utf8[i])
            // The string is valid UTF-8, so each lead byte says how many bytes follow.
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(UInt8(b0)))
                i += 1
            } else if b0 < 0xE0 {
                let v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1]) & 0x3F
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += 2
            } else if b0 < 0xF0 {
                let v = (b0 & 0x0F) << 12 | (UInt32(utf8[i + 1]) & 0x3F) << 6 | UInt32(utf8[i + 2]) & 0x3F
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += 3
            } else {
                let v = (b0 & 0x07) << 18 | (UInt32(utf8[i + 1]) & 0x3F) << 12 | (UInt32(utf8[i + 2]) & 0x3F) << 6
                    | UInt32(utf8[i + 3]) & 0x3F
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += 4
            }
        }
        offsets.append(Int32(n))
    }

    /// The text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        let start = Int(offsets[range.lowerBound]), end = Int(offsets[range.upperBound])
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }
}
