/// An open-addressing map from 64-bit keys to small integers, built once and then only read:
/// one multiply-free probe sequence over two flat arrays, so a lookup that misses (most
/// feature keys of a new text do) costs a probe or two and no hashing of its own.
struct KeyIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int
    private(set) var count = 0

    /// An index with room for `capacity` keys at a load factor of at most one half.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// Zero marks an empty slot, so the one key that is zero is stored as one (a feature
    /// colliding with it loses nothing measurable).
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    mutating func insert(_ key: UInt64, value: Int32) {
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    /// The value of `key`, or -1.
    @inline(__always)
    func value(of key: UInt64) -> Int32 {
        let key = Self.stored(key)
        return keys.withUnsafeBufferPointer { k in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = k[slot]
                if found == key { return values[slot] }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
