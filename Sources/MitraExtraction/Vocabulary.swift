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
    /// Per id: where its form starts in `storage` and how long it is (one array, so a hit
    /// touches one cache line for both).
    private var forms: [Form] = []
    /// Open addressing: 0 for an empty slot, else the high half of the form's hash above its
    /// id + 1. Most words of a text are in no label, and the hash half rejects nearly every
    /// other form in the probe without reading `forms` or `storage`.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var mask = 1023

    private struct Form {
        var start: Int32
        var length: Int32
    }

    public init() {}

    /// How many forms there are; ids run from 0 to `count - 1`.
    public var count: Int { forms.count }

    /// The id of a form, adding it when new.
    @discardableResult
    public mutating func intern(_ form: [UInt32]) -> Int32 {
        let existing = form.withUnsafeBufferPointer { id(of: $0) }
        if existing != Self.unknown { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let newID = Int32(count)
        forms.append(Form(start: Int32(storage.count), length: Int32(form.count)))
        storage += form
        place(newID)
        return newID
    }

    /// The id of a folded form, or `unknown`.
    @inline(__always)
    public func id(of buffer: UnsafeBufferPointer<UInt32>) -> Int32 {
        var state = Self.seed
        for v in buffer { state = Self.step(state, v) }
        return id(of: buffer, count: buffer.count, then: nil, state: state)
    }

    /// The id of the form `buffer[0..<count]`, followed by `extra` when given, whose running
    /// hash (`seed` stepped through each of its scalars) is `state`; or `unknown`.
    ///
    /// The hash is a running one so that a caller looking up several prefixes of one token
    /// (a plural's singulars) hashes the token once.
    @inline(__always)
    func id(of buffer: UnsafeBufferPointer<UInt32>, count: Int, then extra: UInt32?, state: UInt64) -> Int32 {
        let h = Self.finish(state)
        let length = count + (extra == nil ? 0 : 1)
        let tag = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return Self.unknown }
            if entry >> 32 == tag {
                let candidate = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                let form = forms[Int(candidate)]
                if Int(form.length) == length, matches(Int(form.start), buffer, count: count, then: extra) { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ start: Int, _ buffer: UnsafeBufferPointer<UInt32>, count: Int, then extra: UInt32?) -> Bool {
        for i in 0..<count where storage[start + i] != buffer[i] { return false }
        if let extra { return storage[start + count] == extra }
        return true
    }

    /// The folded form an id stands for, as text (for tests and messages).
    public func form(of id: Int32) -> String {
        guard id >= 0, Int(id) < count else { return "" }
        let form = forms[Int(id)]
        var out = String.UnicodeScalarView()
        for v in storage[Int(form.start)..<Int(form.start + form.length)] { out.append(Unicode.Scalar(v) ?? "?") }
        return String(out)
    }

    /// FNV-1a over the scalar values: the state before any scalar.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ state: UInt64, _ v: UInt32) -> UInt64 { (state ^ UInt64(v)) &* 0x100_0000_01b3 }

    @inline(__always)
    private static func finish(_ state: UInt64) -> UInt64 { state ^ (state >> 29) }

    private mutating func place(_ id: Int32) {
        let form = forms[Int(id)]
        var state = Self.seed
        for v in storage[Int(form.start)..<Int(form.start + form.length)] { state = Self.step(state, v) }
        let h = Self.finish(state)
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (h >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count { place(Int32(id)) }
    }
}
