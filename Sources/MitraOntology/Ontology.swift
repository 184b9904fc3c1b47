import Foundation
import MitraModel

/// The whole domain: classes, predicates, entities with all their labels, and cue lexicons.
public struct Ontology: Sendable {
    /// The entity classes: those with a Biolink category, and their subclasses.
    public var classes: [EntityClass: ClassInfo]
    /// Classes the ontology declares for its own bookkeeping (cue kinds, word lists), by local
    /// name. No entity may have one of them.
    public var vocabularyClasses: Set<String>
    public var predicates: [String: Relation]
    /// Every entity by id. Writes reset the name index; `_modify` mutates the dictionary in
    /// place, so filling it entry by entry stays linear (an observed property's setter was
    /// copying the whole dictionary on every insert across modules).
    public var entities: [String: Entity] {
        get { entityStorage }
        set {
            entityStorage = newValue
            names = NameIndex()
        }
        _modify {
            yield &entityStorage
            names = NameIndex()
        }
    }
    private var entityStorage: [String: Entity]
    public var cues: CueLexicon
    /// Frequent English words (normalized), from `mg:CommonWordList` nodes; a label that is one
    /// of them is likely to match ordinary prose.
    public var commonWords: Set<String>
    /// Entity id → the labels that are common words on purpose (`mg:ambiguousLabel`).
    public var ambiguousLabels: [String: [String]]
    /// Entity id → the files its statements came from.
    public var sources: [String: EntitySource]
    /// The Turtle files it was read from, in load order.
    public var files: [String]
    /// CURIE prefix → namespace, as the files declared them.
    public var prefixes: [String: String]

    private var names = NameIndex()

    public init(
        classes: [EntityClass: ClassInfo] = [:], predicates: [String: Relation] = [:],
        entities: [String: Entity] = [:], cues: CueLexicon = CueLexicon(), files: [String] = [],
        prefixes: [String: String] = [:], vocabularyClasses: Set<String> = [], commonWords: Set<String> = [],
        ambiguousLabels: [String: [String]] = [:], sources: [String: EntitySource] = [:]
    ) {
        self.classes = classes
        self.predicates = predicates
        self.entityStorage = entities
        self.cues = cues
        self.files = files
        self.prefixes = prefixes
        self.vocabularyClasses = vocabularyClasses
        self.commonWords = commonWords
        self.ambiguousLabels = ambiguousLabels
        self.sources = sources
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

    /// The entity a name denotes: an id, a CURIE (`mge:kratom`, `MESH:D005356`, a
    /// `skos:closeMatch` such as `CHEBI:6956` when no entity has it as an exact match) or any
    /// label, ignoring case, dashes and µ/μ.
    public func resolve(_ name: String) -> Entity? {
        if let e = entities[name] { return e }
        let tables = names.tables(for: entities)
        if name.contains(":") {
            let curie = name.trimmingCharacters(in: .whitespaces).uppercased()
            if let id = tables.curies[curie] { return entities[id] }
        }
        return tables.labels[LabelNormalizer.normalize(name)].flatMap { entities[$0] }
    }
}

extension Ontology {
    /// Whether `name` is a class entities may have (an entity class, not a vocabulary class).
    public func isEntityClass(_ name: String) -> Bool { classes[EntityClass(name)] != nil }
}
