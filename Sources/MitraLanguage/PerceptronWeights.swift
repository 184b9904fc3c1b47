/// The averaged perceptron's weights as the tagger reads them: one open-addressing table whose
/// 48-byte slots hold a feature's 64-bit key and its row of 16-bit weights side by side, so
/// that scoring a feature costs one or two cache lines, found or not; and the tag dictionary of
/// frequent unambiguous words. (Tried and dropped: 8-bit weights halve the table but cost
/// 0.2–0.5 points of accuracy for no measurable speed; a Bloom filter in front of the table
/// was slower, the probes overlapping already.)
struct PerceptronWeights: Sendable {
    private let storage: [UInt64]
    private let mask: Int
    let classCount: Int
    /// Word (as written) → its tag, for words the training data always tags the same way.
    let dictionary: KeyIndex

    /// 64-bit words a slot: the key, then a signed 16-bit weight a tag, four to a word (six
    /// words, 48 bytes, for the 17 UPOS tags).
    private let slotWords: Int
    /// How full the table may get: probes stay short, the table small.
    static let loadFactor = 0.6

    /// The step of the stored weights: the largest maps to 32767.
    static func scale(_ features: [(key: UInt64, weights: [(tag: UInt8, weight: Float)])]) -> Float {
        let largest = features.lazy.flatMap { $0.weights.lazy.map { abs($0.weight) } }.max() ?? 1
        return max(largest, .leastNormalMagnitude) / Float(Int16.max)
    }

    init(features: [(key: UInt64, weights: [(tag: UInt8, weight: Float)])], classCount: Int, dictionary: KeyIndex) {
        let words = 1 + (classCount + 3) / 4
        var size = 16
        while Double(features.count) > Double(size) * Self.loadFactor { size <<= 1 }
        var storage = [UInt64](repeating: 0, count: size * words)
        let mask = size - 1
        let scale = Self.scale(features)
        for feature in features {
            let key = KeyIndex.stored(feature.key)
            var slot = Int(truncatingIfNeeded: key) & mask
            while storage[slot * words] != 0 && storage[slot * words] != key { slot = (slot + 1) & mask }
            storage[slot * words] = key
            for w in feature.weights {
                let q = UInt64(UInt16(bitPattern: Int16(clamping: Int((w.weight / scale).rounded()))))
                let tag = Int(w.tag)
                storage[slot * words + 1 + tag / 4] |= q << (16 * UInt64(tag % 4))
            }
        }
        self.storage = storage
        self.mask = mask
        slotWords = words
        self.classCount = classCount
        self.dictionary = dictionary
    }

    /// The best tag for one position's features (ties go to the lower tag, so tagging is
    /// deterministic).
    @inline(__always)
    func predict(_ keys: UnsafePointer<UInt64>, count: Int, scores: UnsafeMutablePointer<Int32>) -> UInt8 {
        let c = classCount
        for k in 0..<c { scores[k] = 0 }
        storage.withUnsafeBufferPointer { table in
            let slots = table.baseAddress!
            let words = slotWords
            // First every feature's first slot, loads that do not wait for one another, so the
            // cache misses overlap; then the (now cached) slots are read and probed on.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { first in
                for f in 0..<count {
                    let key = KeyIndex.stored(keys[f])
                    first[f] = slots[(Int(truncatingIfNeeded: key) & mask) * words]
                }
                for f in 0..<count {
                    let key = KeyIndex.stored(keys[f])
                    var slot = Int(truncatingIfNeeded: key) & mask
                    var found = first[f]
                    while found != key {
                        if found == 0 { break }
                        slot = (slot + 1) & mask
                        found = slots[slot * words]
                    }
                    guard found == key else { continue }
                    let weights = UnsafeRawPointer(slots + slot * words + 1).assumingMemoryBound(to: Int16.self)
                    for k in 0..<c { scores[k] &+= Int32(weights[k]) }
                }
            }
        }
        var best = 0
        var bestScore = scores[0]
        for k in 1..<c where scores[k] > bestScore {
            best = k
            bestScore = scores[k]
        }
        return UInt8(best)
    }
}
