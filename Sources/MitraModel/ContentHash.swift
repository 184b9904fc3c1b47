/// A fast 128-bit content hash (two independent 64-bit FNV-1a lanes) of a string's UTF-8 bytes.
///
/// It decides only whether a document changed between builds, so speed matters and a
/// cryptographic guarantee does not; two lanes make an accidental collision negligible.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        // A native string's bytes are contiguous: read them without the view's iterator.
        let (a, b) = text.utf8.withContiguousStorageIfAvailable { lanes($0) } ?? lanes(text.utf8)
        return hex64(a) + hex64(b)
    }

    private static func lanes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (UInt64, UInt64) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* prime
            b = (b &* prime) ^ UInt64(byte &+ 0x5b)
        }
        return (a, b)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
