/// Markup for many elements, built in one byte buffer and handed to libxml2's writer in
/// large raw writes, with text escaped exactly as the writer's own text calls escape it.
///
/// libxml2 escapes a value by allocating an escaped copy, one call per value; a GraphML file
/// of a million edges holds thirteen million values, nearly all of them with nothing to
/// escape. Here a value is scanned once and copied in runs, and only a byte that needs it is
/// rewritten: `<`, `>`, `&`, `"` and carriage return become the references
/// `xmlEncodeSpecialChars` writes, and the characters XML 1.0 forbids (C0 controls other
/// than tab, newline and carriage return; U+FFFE, U+FFFF) are left out, as
/// `XMLStreamWriter.xmlCharacters` leaves them out, so the document stays well-formed.
struct MarkupBuffer {
    private var buffer: [UInt8] = []
    /// Past this many bytes, `flushIfFull` hands the buffer to the writer.
    static let flushSize = 1 << 16

    init() { buffer.reserveCapacity(Self.flushSize + 4096) }

    /// What a byte of text needs: 0 nothing, 1 a character reference, 2 leaving out, 3 a
    /// look at the bytes after it (0xEF starts U+FFFE and U+FFFF).
    private static let actions: [UInt8] = (0..<256).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x3C, 0x3E, 0x26, 0x22, 0x0D: 1
        case 0x09, 0x0A: 0
        case 0..<0x20: 2
        case 0xEF: 3
        default: 0
        }
    }

    var isEmpty: Bool { buffer.isEmpty }

    /// Our own markup, as it is.
    mutating func append(_ markup: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// A decimal integer.
    mutating func append(_ value: Int64) {
        // Counts are mostly one digit.
        if value >= 0 && value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        buffer[start...].reverse()
    }

    /// Bytes that need no escaping (an NMTOKEN), NUL-terminated.
    mutating func appendVerbatim(_ bytes: UnsafePointer<UInt8>) {
        var end = bytes
        while end.pointee != 0 { end += 1 }
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: end - bytes))
    }

    /// Bytes that need no escaping (an NMTOKEN).
    mutating func appendVerbatim(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Text content, escaped.
    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { appendText($0) }
    }

    /// Text content from NUL-terminated UTF-8, escaped.
    mutating func appendText(_ bytes: UnsafePointer<UInt8>) {
        var end = bytes
        while end.pointee != 0 { end += 1 }
        appendText(UnsafeBufferPointer(start: bytes, count: end - bytes))
    }

    /// Text content from UTF-8, escaped.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0
        var i = 0
        Self.actions.withUnsafeBufferPointer { actions in
            while i < count {
                let byte = base[i]
                let action = actions[Int(byte)]
                if action == 0 {
                    i += 1
                    continue
                }
                if action == 3 {
                    // Only U+FFFE and U+FFFF (EF BF BE, EF BF BF) are left out.
                    guard i + 2 < count, base[i + 1] == 0xBF, base[i + 2] == 0xBE || base[i + 2] == 0xBF else {
                        i += 1
                        continue
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
                    i += 3
                    run = i
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
                if action == 1 { appendReference(byte) }
                i += 1
                run = i
            }
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + run, count: count - run))
        }
    }

    private mutating func appendReference(_ byte: UInt8) {
        switch byte {
        case 0x3C: append("&lt;")
        case 0x3E: append("&gt;")
        case 0x26: append("&amp;")
        case 0x22: append("&quot;")
        default: append("&#13;")
        }
    }

    /// Hands the buffer to `xml` once it holds `flushSize` bytes.
    mutating func flushIfFull(to xml: XMLStreamWriter) throws {
        if buffer.count >= Self.flushSize { try flush(to: xml) }
    }

    /// Hands what the buffer holds to `xml` as raw markup and empties it.
    mutating func flush(to xml: XMLStreamWriter) throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try xml.raw(bytes: $0.baseAddress!, count: $0.count) }
        buffer.removeAll(keepingCapacity: true)
    }
}
