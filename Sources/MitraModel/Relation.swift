/// A predicate of the ontology, such as `treats` (Plant → Condition): a relation between two
/// classes of entity. (Named `Relation` because Foundation already has a `Predicate`.)
public struct Relation: Hashable, Sendable, Codable {
    /// The local name, e.g. `has_adverse_effect`.
    public let name: String
    public var iri: String
    /// The Biolink predicate as a CURIE, e.g. `biolink:has_adverse_event`.
    public var biolink: String
    /// Classes a subject may have; a subclass of one of them fits too.
    public var subjectClasses: [EntityClass]
    /// Classes an object may have; a subclass of one of them fits too.
    public var objectClasses: [EntityClass]
    public var comment: String?

    public init(
        name: String, iri: String, biolink: String, subjectClasses: [EntityClass], objectClasses: [EntityClass],
        comment: String? = nil
    ) {
        self.name = name
        self.iri = iri
        self.biolink = biolink
        self.subjectClasses = subjectClasses
        self.objectClasses = objectClasses
        self.comment = comment
    }

    /// The CURIE used as `original_predicate` in KGX, e.g. `mg:treats`.
    public var curie: String { Namespace.ontologyPrefix + ":" + name }
}
