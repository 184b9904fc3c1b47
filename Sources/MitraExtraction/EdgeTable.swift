/// The edges of a token trie in one open-addressing hash table keyed by (node, token id), so
/// walking the trie costs one probe per token and no per-node dictionary (and no reference
/// counting) in the hot loop.
struct EdgeTable: Sendable {
    private var keys: [UInt64] = Array(repeating: .max, count: 1024)
    private var values: [Int32] = Array(repeating: -1, count: 1024)
    private var mask = 1023
    private(set) var count = 0

    @inline(__always)
    private static func key(_ node: Int32, _ id: Int32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id)) }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The child of `node` along token `id`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ id: Int32) -> Int32 {
        if id < 0 { return -1 }
        let k = Self.key(node, id)
        var s = Self.slot(k, mask)
        while true {
            let found = keys[s]
            if found == k { return values[s] }
            if found == .max { return -1 }
            s = (s + 1) & mask
        }
    }

    mutating func insert(_ node: Int32, _ id: Int32, child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(node, id)
        var s = Self.slot(k, mask)
        while keys[s] != .max && keys[s] != k { s = (s + 1) & mask }
        if keys[s] == .max { count += 1 }
        keys[s] = k
        values[s] = child
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: .max, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != .max {
            insert(Int32(truncatingIfNeeded: k >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), child: oldValues[i])
        }
    }
}
