/// The hashed forms of one word that the tagger's features read, computed once per token so
/// that no feature allocates a string.
struct WordKeys: Sendable {
    /// The word as written (the tag dictionary's key).
    var exact: UInt64
    /// Lowercased, with numbers folded to `!YEAR` or `!DIGITS`.
    var word: UInt64
    var suffix4: UInt64
    var suffix3: UInt64
    var suffix2: UInt64
    var prefix1: UInt64
    /// Letters as `X`/`x`, digits as `d`, other bytes as themselves, runs cut at three.
    var shape: UInt64

    static let start = WordKeys(sentinel: 0x5354_4152_5431)
    static let end = WordKeys(sentinel: 0x454E_4431)
    static let end2 = WordKeys(sentinel: 0x454E_4432)

    private init(sentinel: UInt64) {
        let h = Hashing.mix(sentinel)
        exact = h
        word = h
        suffix4 = h
        suffix3 = h
        suffix2 = h
        prefix1 = h
        shape = h
    }

    /// The keys of `text`, read from its UTF-8 storage in place when it is contiguous (a
    /// native `String` or `Substring` is).
    @inline(__always)
    static func of<S: StringProtocol>(_ text: S) -> WordKeys {
        if let keys = text.utf8.withContiguousStorageIfAvailable({ WordKeys(utf8: $0) }) { return keys }
        return Array(text.utf8).withUnsafeBufferPointer { WordKeys(utf8: $0) }
    }

    init(utf8 text: UnsafeBufferPointer<UInt8>) {
        var exact = Hashing.seed
        var lower = Hashing.seed
        var shape = Hashing.seed
        var count = 0
        var last4: UInt64 = 0
        var first: UInt64 = 0
        var digits = 0
        var lastClass: UInt8 = 0
        var run = 0
        for byte in text {
            exact = Hashing.step(exact, byte)
            let folded = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            lower = Hashing.step(lower, folded)
            if count == 0 { first = UInt64(folded) }
            last4 = ((last4 << 8) | UInt64(folded)) & 0xFFFF_FFFF
            count += 1
            let cls: UInt8
            switch byte {
            case 0x41...0x5A: cls = 0x58  // X
            case 0x61...0x7A: cls = 0x78  // x
            case 0x30...0x39:
                cls = 0x64  // d
                digits += 1
            case 0x80...0xBF: continue  // a continuation byte: the lead byte stood for the scalar
            case 0xC0...: cls = 0x78
            default: cls = byte
            }
            if cls == lastClass {
                run += 1
                if run >= 3 { continue }
            } else {
                lastClass = cls
                run = 0
            }
            shape = Hashing.step(shape, cls)
        }
        self.exact = exact
        if first >= 0x30 && first <= 0x39 {
            word = digits == 4 && count == 4 ? Self.year : Self.digitsKey
        } else {
            word = lower
        }
        suffix4 = Hashing.mix(last4 | UInt64(min(count, 4)) << 40 | 4 << 48)
        suffix3 = Hashing.mix((last4 & 0xFF_FFFF) | UInt64(min(count, 3)) << 40 | 3 << 48)
        suffix2 = Hashing.mix((last4 & 0xFFFF) | UInt64(min(count, 2)) << 40 | 2 << 48)
        prefix1 = Hashing.mix(first | 0x0100_0000)
        self.shape = shape
    }

    private static let year = Hashing.mix(0x2159_4541_52)
    private static let digitsKey = Hashing.mix(0x2144_4947_4954_53)
}

/// The 64-bit hashing the tagger's features are built from (FNV-1a over bytes, then a
/// SplitMix64 finaliser to spread the bits).
enum Hashing {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One feature's key: its template number with one or two values, through one finaliser
    /// (the values are hashes already, or small tag numbers).
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        mix((a &+ b &* 0xC2B2_AE3D_27D4_EB4F) ^ (template &* 0xD6E8_FEB8_6659_FD93))
    }
}
