import Foundation
import MitraModel

/// Lookup tables from a name (CURIE or label) to an entity id, built once, on first use.
///
/// `Ontology.resolve` is called for every name in a query, so it must not scan all entities
/// and renormalize all labels each time. The tables are built lazily because most ontology
/// values (the extractor's, the store's) never resolve a name. A new index is made whenever
/// the ontology's entities change, so it is never stale.
final class NameIndex: @unchecked Sendable {
    /// The two lookup tables; CURIEs and labels are kept apart so a label with a colon is
    /// never mistaken for an identifier.
    struct Tables {
        /// Uppercased CURIE (`MGE:KRATOM`, `MESH:D005356`) → entity id.
        var curies: [String: String] = [:]
        /// Normalized label → entity id.
        var labels: [String: String] = [:]
    }

    private let lock = NSLock()
    private var built: Tables?

    func tables(for entities: [String: Entity]) -> Tables {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let tables = Self.build(entities)
        built = tables
        return tables
    }

    /// Entities in id order, so that a name two entities share resolves the same way every run;
    /// exact matches before close matches, preferred labels before alternative and hidden ones.
    private static func build(_ entities: [String: Entity]) -> Tables {
        let sorted = entities.values.sorted { $0.id < $1.id }
        var t = Tables()
        for e in sorted { t.curies[(Namespace.entityPrefix + ":" + e.id).uppercased()] = e.id }
        for e in sorted { for id in e.exactMatches where t.curies[id.uppercased()] == nil { t.curies[id.uppercased()] = e.id } }
        for e in sorted { for id in e.closeMatches where t.curies[id.uppercased()] == nil { t.curies[id.uppercased()] = e.id } }
        for e in sorted { t.labels[LabelNormalizer.normalize(e.prefLabel)] = t.labels[LabelNormalizer.normalize(e.prefLabel)] ?? e.id }
        for e in sorted {
            for label in e.altLabels + e.hiddenLabels {
                let key = LabelNormalizer.normalize(label)
                if t.labels[key] == nil { t.labels[key] = e.id }
            }
        }
        return t
    }
}
