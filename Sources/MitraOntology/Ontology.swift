import MitraModel

/// The whole domain: classes, predicates, entities with all their labels, and cue lexicons.
public struct Ontology: Sendable {
    public var classes: [EntityClass: ClassInfo]
    public var predicates: [String: Relation]
    public var entities: [String: Entity]
    public var cues: CueLexicon
    /// The Turtle files it was read from, in load order.
    public var files: [String]
    /// CURIE prefix → namespace, as the files declared them.
    public var prefixes: [String: String]

    public init(
        classes: [EntityClass: ClassInfo] = [:], predicates: [String: Relation] = [:],
        entities: [String: Entity] = [:], cues: CueLexicon = CueLexicon(), files: [String] = [],
        prefixes: [String: String] = [:]
    ) {
        self.classes = classes
        self.predicates = predicates
        self.entities = entities
        self.cues = cues
        self.files = files
        self.prefixes = prefixes
    }

    /// Entities sorted by id, for stable output.
    public var sortedEntities: [Entity] { entities.values.sorted { $0.id < $1.id } }

    /// Whether `child` is `ancestor` or one of its subclasses.
    public func isSubclass(_ child: EntityClass, of ancestor: EntityClass) -> Bool {
        var current: EntityClass? = child
        var seen: Set<EntityClass> = []
        while let c = current, seen.insert(c).inserted {
            if c == ancestor { return true }
            current = classes[c]?.parent
        }
        return false
    }

    /// Whether a claim `subject predicate object` fits the predicate's domain and range.
    public func fits(predicate name: String, subject: EntityClass, object: EntityClass) -> Bool {
        guard let predicate = predicates[name] else { return false }
        return predicate.subjectClasses.contains { isSubclass(subject, of: $0) }
            && predicate.objectClasses.contains { isSubclass(object, of: $0) }
    }

    /// The Biolink category of a class, inherited from its parent when it has none itself.
    public func biolinkCategory(of entityClass: EntityClass) -> String {
        var current: EntityClass? = entityClass
        var seen: Set<EntityClass> = []
        while let c = current, seen.insert(c).inserted {
            if let category = classes[c]?.biolinkCategory { return category }
            current = classes[c]?.parent
        }
        return "biolink:NamedThing"
    }

    /// Label index: normalized label → entity ids that carry it.
    public func labelIndex() -> [String: [String]] {
        var index: [String: [String]] = [:]
        for entity in sortedEntities {
            for label in entity.allLabels {
                let key = LabelNormalizer.normalize(label)
                if index[key]?.contains(entity.id) != true { index[key, default: []].append(entity.id) }
            }
        }
        return index
    }

    /// The entity a name denotes: an id, a CURIE (`mge:kratom`, `MESH:D005356`) or any label.
    public func resolve(_ name: String) -> Entity? {
        if let e = entities[name] { return e }
        let trimmed = name.hasPrefix(Namespace.entityPrefix + ":") ? String(name.dropFirst(4)) : nil
        if let t = trimmed, let e = entities[t] { return e }
        if name.contains(":") {
            let upper = name.uppercased()
            if let e = sortedEntities.first(where: { e in e.exactMatches.contains { $0.uppercased() == upper } }) {
                return e
            }
        }
        let key = LabelNormalizer.normalize(name)
        return sortedEntities.first { e in e.allLabels.contains { LabelNormalizer.normalize($0) == key } }
    }
}
