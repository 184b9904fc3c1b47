/// The perceptron's feature templates (after Honnibal's tagger, with shape, suffix and bigram
/// features added): each position's features from the words around it and the two tags
/// before it. Honnibal's pair of previous tags, his word two back and the previous tag with
/// the suffix were dropped: each is worth less than the noise between training runs
/// (±0.1 point) and costs a probe per word.
enum FeatureTemplates {
    /// How many keys `features` writes, at most.
    static let maximumCount = 21

    /// The class index standing for "before the sentence" in the previous-tag features.
    static let startTag: UInt8 = 0xFE
    static let start2Tag: UInt8 = 0xFF

    /// Writes the keys of the features at `i` into `out` and returns how many.
    @inline(__always)
    static func features(
        at i: Int, keys: UnsafeBufferPointer<WordKeys>, previous p1: UInt8, _ p2: UInt8, verbSeen: Bool,
        into out: UnsafeMutablePointer<UInt64>
    ) -> Int {
        let n = keys.count
        let w = keys[i]
        let wm1 = i >= 1 ? keys[i - 1] : WordKeys.start
        let wp1 = i + 1 < n ? keys[i + 1] : WordKeys.end
        let wp2 = i + 2 < n ? keys[i + 2] : (i + 1 < n ? WordKeys.end : WordKeys.end2)
        let t1 = UInt64(p1)
        let t2 = UInt64(p2)
        out[0] = Hashing.feature(0, 0)
        out[1] = Hashing.feature(1, w.suffix3)
        out[2] = Hashing.feature(2, w.prefix1)
        out[3] = Hashing.feature(3, t1)
        out[4] = Hashing.feature(4, t2)
        out[5] = Hashing.feature(6, w.word)
        out[6] = Hashing.feature(7, t1, w.word)
        out[7] = Hashing.feature(8, wm1.word)
        out[8] = Hashing.feature(9, wm1.suffix3)
        out[9] = Hashing.feature(11, wp1.word)
        out[10] = Hashing.feature(12, wp1.suffix3)
        out[11] = Hashing.feature(13, wp2.word)
        out[12] = Hashing.feature(14, w.shape, i == 0 ? 1 : 0)
        out[13] = Hashing.feature(15, w.suffix2)
        out[14] = Hashing.feature(16, wp1.shape)
        out[15] = Hashing.feature(18, w.word, wp1.word)
        out[16] = Hashing.feature(19, wm1.word, w.word)
        out[17] = Hashing.feature(20, wm1.shape)
        out[18] = Hashing.feature(21, t1, wp1.word)
        out[19] = Hashing.feature(22, w.suffix4)
        // Whether a verb or auxiliary came before: a sentence has one, so "kratom triggers
        // headaches" reads "triggers" as the verb.
        let seen: UInt64 = verbSeen ? 1 : 0
        out[20] = Hashing.feature(24, seen, w.suffix2)
        return 21
    }
}
