/// A class of the domain ontology, such as `Plant` or `AdverseEffect`, named by its local name.
///
/// Classes are data: the ontology may add its own beyond the nine of SPEC §2, so this is a
/// name rather than a closed enum. The hierarchy (`AdverseEffect` ⊂ `Condition`) lives in the
/// ontology, which knows every class's parent.
public struct EntityClass: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static func < (lhs: EntityClass, rhs: EntityClass) -> Bool { lhs.name < rhs.name }

    public static let plant = EntityClass("Plant")
    public static let alkaloid = EntityClass("Alkaloid")
    public static let receptor = EntityClass("Receptor")
    public static let neurotransmitter = EntityClass("Neurotransmitter")
    public static let drug = EntityClass("Drug")
    public static let condition = EntityClass("Condition")
    public static let adverseEffect = EntityClass("AdverseEffect")
    public static let therapy = EntityClass("Therapy")
    public static let agency = EntityClass("Agency")

    /// The nine classes every ontology of this tool must define (SPEC §2).
    public static let core: [EntityClass] = [
        .plant, .alkaloid, .receptor, .neurotransmitter, .drug, .condition, .adverseEffect, .therapy, .agency,
    ]
}
