/// Levenshtein distance, for the "did you mean" suggestions of every layer (ontology names,
/// query keywords and predicates, command-line names).
public enum EditDistance {
    /// The edit distance between `a` and `b`, or `limit + 1` once it is sure to exceed `limit`
    /// (so scanning thousands of labels stays cheap).
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var best = row[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, row[j])
            }
            if best > limit { return limit + 1 }
            swap(&previous, &row)
        }
        return previous[b.count]
    }

    /// The candidates nearest to `word`, nearest first, at most `count` of them, within a
    /// distance that grows with the word's length.
    public static func nearest(to word: String, in candidates: [String], count: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var scored: [(Int, String)] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let d = distance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            if d <= limit { scored.append((d, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(count).map(\.1)
    }

    /// ", did you mean 'a' or 'b'?" or "" when nothing is near.
    public static func suggestion(for word: String, in candidates: [String]) -> String {
        let near = nearest(to: word, in: candidates)
        guard !near.isEmpty else { return "" }
        let quoted = near.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return "; did you mean \(list)?"
    }
}
