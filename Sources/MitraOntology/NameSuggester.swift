import MitraModel

/// Finds the labels nearest to a name nobody uses, for "did you mean" messages.
public struct NameSuggester {
    private let ontology: Ontology

    public init(ontology: Ontology) { self.ontology = ontology }

    /// Up to `limit` (label, entity) pairs whose normalized label is within a small edit distance
    /// of `name` (a third of its length, at least 2), nearest first, one label per entity.
    public func suggestions(for name: String, limit: Int = 3) -> [(label: String, entity: Entity)] {
        let key = Array(LabelNormalizer.normalize(name).unicodeScalars)
        guard !key.isEmpty else { return [] }
        let allowed = max(2, key.count / 3)
        var best: [(distance: Int, label: String, entity: Entity)] = []
        for entity in ontology.sortedEntities {
            var nearest: (Int, String)?
            for label in entity.allLabels.dropLast(entity.hiddenLabels.count) {
                let d = EditDistance.distance(key, Array(LabelNormalizer.normalize(label).unicodeScalars), limit: allowed)
                if d <= allowed, nearest == nil || d < nearest!.0 { nearest = (d, label) }
            }
            if let (d, label) = nearest { best.append((d, label, entity)) }
        }
        best.sort { ($0.distance, $0.label) < ($1.distance, $1.label) }
        return best.prefix(limit).map { ($0.label, $0.entity) }
    }
}
