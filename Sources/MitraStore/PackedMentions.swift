import MitraModel

/// A document's mentions packed into one value: per mention, in order of position, the
/// distance from the previous mention's start, its length, the term id of its entity and the
/// distance from the previous mention's sentence, each an unsigned LEB128 varint.
///
/// Mentions are only ever read a document at a time (exports) or all together (counts), so
/// one row per document costs a build one insert instead of one per mention, and a few bytes
/// per mention on disk.
struct PackedMention: Equatable {
    var start: Int
    var end: Int
    var entity: Int64
    var sentence: Int

    static func pack(_ mentions: [PackedMention]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(mentions.count * 5)
        var previousStart = 0, previousSentence = 0
        for m in mentions.sorted(by: { ($0.start, $0.end, $0.entity) < ($1.start, $1.end, $1.entity) }) {
            append(UInt64(m.start - previousStart), to: &out)
            append(UInt64(m.end - m.start), to: &out)
            append(UInt64(m.entity), to: &out)
            // Sentences follow positions, but a stored list is taken as it comes.
            append(UInt64(bitPattern: Int64(m.sentence - previousSentence)), to: &out)
            previousStart = m.start
            previousSentence = m.sentence
        }
        return out
    }

    static func unpack(_ bytes: [UInt8]) -> [PackedMention] {
        var all: [PackedMention] = []
        var i = 0, start = 0, sentence = 0
        func next() -> UInt64 { varint(bytes, at: &i) }
        while i < bytes.count {
            start += Int(next())
            let length = Int(next())
            let entity = Int64(next())
            sentence += Int(Int64(bitPattern: next()))
            all.append(PackedMention(start: start, end: start + length, entity: entity, sentence: sentence))
        }
        return all
    }

    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

/// The unsigned LEB128 varint at `i`, which moves past it.
func varint(_ bytes: [UInt8], at i: inout Int) -> UInt64 {
    var value: UInt64 = 0, shift: UInt64 = 0
    while i < bytes.count {
        let byte = bytes[i]
        i += 1
        value |= UInt64(byte & 0x7f) << shift
        if byte < 0x80 { break }
        shift += 7
    }
    return value
}

/// A document's sentences packed into one value: per sentence, in order, the distance from
/// the previous sentence's start and its length, as varints. The n-th span is sentence n.
enum PackedSentences {
    static func pack(_ spans: [Span]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(spans.count * 3)
        var previous = 0
        for span in spans {
            PackedMention.append(UInt64(bitPattern: Int64(span.start - previous)), to: &out)
            PackedMention.append(UInt64(span.length), to: &out)
            previous = span.start
        }
        return out
    }

    static func unpack(_ bytes: [UInt8]) -> [Span] {
        var spans: [Span] = []
        var i = 0, start = 0
        while i < bytes.count {
            start += Int(Int64(bitPattern: varint(bytes, at: &i)))
            let length = Int(varint(bytes, at: &i))
            spans.append(Span(start: start, end: start + length))
        }
        return spans
    }
}
