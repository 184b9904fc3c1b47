/// The averaged perceptron's weights as the tagger reads them: a row of one weight per tag for
/// each kept feature, and the tag dictionary of frequent unambiguous words.
struct PerceptronWeights: Sendable {
    /// Row `r` holds the weights of feature `r`, `classCount` floats from `r * classCount`.
    var rows: [Float]
    var features: KeyIndex
    /// Word (as written) → its tag, for words the training data always tags the same way.
    var dictionary: KeyIndex
    let classCount: Int

    /// The best tag for one position's features (ties go to the lower tag, so tagging is
    /// deterministic).
    @inline(__always)
    func predict(_ keys: UnsafePointer<UInt64>, count: Int, scores: UnsafeMutablePointer<Float>) -> UInt8 {
        let c = classCount
        for k in 0..<c { scores[k] = 0 }
        rows.withUnsafeBufferPointer { rows in
            for f in 0..<count {
                let row = features.value(of: keys[f])
                if row < 0 { continue }
                let base = rows.baseAddress! + Int(row) * c
                for k in 0..<c { scores[k] += base[k] }
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
