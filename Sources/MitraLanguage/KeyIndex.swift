/// An open-addressing map from 64-bit keys (already hashes) to small integers, built once and
/// then only read: a lookup probes slots of key and value side by side, so one that misses
/// costs a cache line or two and no hashing of its own.
struct KeyIndex: Sendable {
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }

    private var slots: [Slot]
    private let mask: Int
    private(set) var count = 0

    /// An index with room for `capacity` keys at a load factor of at most one half.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    /// Zero marks an empty slot, so the one key that is zero is stored as one (a feature
    /// colliding with it loses nothing measurable).
    @inline(__always)
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    mutating func insert(_ key: UInt64, value: Int32) {
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = Slot(key: key, value: value)
    }

    /// The value of `key`, or -1.
    @inline(__always)
    func value(of key: UInt64) -> Int32 {
        let key = Self.stored(key)
        return slots.withUnsafeBufferPointer { s in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = s[slot].key
                if found == key { return s[slot].value }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
