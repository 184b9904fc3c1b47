import MitraModel

/// A class of the ontology with its parent and its Biolink category.
public struct ClassInfo: Sendable, Equatable {
    public var entityClass: EntityClass
    public var iri: String
    public var parent: EntityClass?
    /// A Biolink category as a CURIE, e.g. `biolink:SmallMolecule`.
    public var biolinkCategory: String?
    public var comment: String?

    public init(
        entityClass: EntityClass, iri: String, parent: EntityClass? = nil, biolinkCategory: String? = nil,
        comment: String? = nil
    ) {
        self.entityClass = entityClass
        self.iri = iri
        self.parent = parent
        self.biolinkCategory = biolinkCategory
        self.comment = comment
    }
}
