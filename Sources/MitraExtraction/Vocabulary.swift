/// Interns the folded word forms the extractor cares about (every token of every label and
/// cue, and the function words its rules read) to small integer ids, so the hot loop compares
/// integers instead of strings.
///
/// Built once per ontology; a lookup hashes a folded token held in a caller's scratch buffer
/// and allocates nothing. A form that is not in the vocabulary has id `Vocabulary.unknown`.
public struct Vocabulary: Sendable {
    public static let unknown: Int32 = -1

    /// Folded scalars of every form, back to back.
    private var storage: [UInt32] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    /// Open addressing: a form's id, or -1 for an empty slot.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var mask = 1023

    public init() {}

    /// How many forms there are; ids run from 0 to `count - 1`.
    public var count: Int { starts.count }

    /// The id of a form, adding it when new.
    @discardableResult
    public mutating func intern(_ form: [UInt32]) -> Int32 {
        let existing = form.withUnsafeBufferPointer { id(of: $0) }
        if existing != Self.unknown { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let newID = Int32(count)
        starts.append(Int32(storage.count))
        lengths.append(Int32(form.count))
        storage += form
        place(newID)
        return newID
    }

    /// The id of a folded form, or `unknown`.
    @inline(__always)
    public func id(of buffer: UnsafeBufferPointer<UInt32>) -> Int32 {
        let range = 0..<buffer.count
        var slot = Self.hash(buffer, range) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return Self.unknown }
            if Int(lengths[Int(candidate)]) == range.count {
                let start = Int(starts[Int(candidate)])
                var same = true
                var k = 0
                for i in range {
                    if storage[start + k] != buffer[i] {
                        same = false
                        break
                    }
                    k += 1
                }
                if same { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The folded form an id stands for, as text (for tests and messages).
    public func form(of id: Int32) -> String {
        guard id >= 0, Int(id) < count else { return "" }
        let start = Int(starts[Int(id)])
        var out = String.UnicodeScalarView()
        for v in storage[start..<(start + Int(lengths[Int(id)]))] { out.append(Unicode.Scalar(v) ?? "?") }
        return String(out)
    }

    @inline(__always)
    private static func hash<C: RandomAccessCollection>(_ buffer: C, _ range: Range<Int>) -> Int
    where C.Element == UInt32, C.Index == Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            h ^= UInt64(buffer[i])
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    private mutating func place(_ id: Int32) {
        let start = Int(starts[Int(id)])
        var slot = Self.hash(storage, start..<(start + Int(lengths[Int(id)]))) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count { place(Int32(id)) }
    }
}
