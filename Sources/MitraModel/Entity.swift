/// A named thing of the domain (a plant, an alkaloid, a receptor…) with every label it goes by.
public struct Entity: Hashable, Sendable, Codable {
    /// The local name, unique in the ontology, e.g. `mu-opioid-receptor`.
    public let id: String
    /// The full IRI, e.g. `https://w3id.org/mitragraph/entity/mu-opioid-receptor`.
    public var iri: String
    public var prefLabel: String
    /// Synonyms, abbreviations, brand and street names.
    public var altLabels: [String]
    /// Misspellings and variants that should match but never be shown.
    public var hiddenLabels: [String]
    public var entityClass: EntityClass
    /// External identifiers that name the same thing, as CURIEs (`MESH:D005356`).
    public var exactMatches: [String]
    /// External identifiers for a broader or overlapping concept, as CURIEs.
    public var closeMatches: [String]
    public var comment: String?

    public init(
        id: String, iri: String, prefLabel: String, altLabels: [String] = [], hiddenLabels: [String] = [],
        entityClass: EntityClass, exactMatches: [String] = [], closeMatches: [String] = [], comment: String? = nil
    ) {
        self.id = id
        self.iri = iri
        self.prefLabel = prefLabel
        self.altLabels = altLabels
        self.hiddenLabels = hiddenLabels
        self.entityClass = entityClass
        self.exactMatches = exactMatches
        self.closeMatches = closeMatches
        self.comment = comment
    }

    /// The compact identifier used in exports, e.g. `mge:kratom`.
    public var curie: String { Namespace.entityPrefix + ":" + id }

    /// Every label that matches, preferred first.
    public var allLabels: [String] { [prefLabel] + altLabels + hiddenLabels }
}
