import MitraModel

/// Finds the labels nearest to a name nobody uses, for "did you mean" messages.
public struct NameSuggester {
    private let ontology: Ontology

    public init(ontology: Ontology) { self.ontology = ontology }

    /// Up to `limit` (label, entity) pairs whose normalized label is within a small edit distance
    /// of `name` (a third of its length, at least 2), nearest first, one label per entity.
    public func suggestions(for name: String, limit: Int = 3) -> [(label: String, entity: Entity)] {
        let key = Array(LabelNormalizer.normalize(name).utf8)
        guard !key.isEmpty else { return [] }
        let allowed = max(2, key.count / 3)
        var best: [(distance: Int, label: String, entity: Entity)] = []
        for entity in ontology.sortedEntities {
            var nearest: (Int, String)?
            for label in entity.allLabels.dropLast(entity.hiddenLabels.count) {
                let d = Self.distance(key, Array(LabelNormalizer.normalize(label).utf8), limit: allowed)
                if d <= allowed, nearest == nil || d < nearest!.0 { nearest = (d, label) }
            }
            if let (d, label) = nearest { best.append((d, label, entity)) }
        }
        best.sort { ($0.distance, $0.label) < ($1.distance, $1.label) }
        return best.prefix(limit).map { ($0.label, $0.entity) }
    }

    /// Levenshtein distance on bytes; stops early (returning `limit + 1`) once it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
