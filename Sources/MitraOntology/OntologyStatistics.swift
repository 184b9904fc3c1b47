import MitraModel

/// How big an ontology is: entities, labels and identifiers per class, predicates and cues.
public struct OntologyStatistics: Sendable, Equatable, Codable {
    /// The counts for one entity class (its own entities, not its subclasses').
    public struct ClassCounts: Sendable, Equatable, Codable {
        public var entityClass: String
        public var entities = 0
        public var prefLabels = 0
        public var altLabels = 0
        public var hiddenLabels = 0
        public var exactMatches = 0
        public var closeMatches = 0
        public var labels: Int { prefLabels + altLabels + hiddenLabels }

        enum CodingKeys: String, CodingKey {
            case entityClass = "class", entities, prefLabels, altLabels, hiddenLabels, exactMatches, closeMatches
        }

        public init(entityClass: String) { self.entityClass = entityClass }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(entityClass, forKey: .entityClass)
            try c.encode(entities, forKey: .entities)
            try c.encode(prefLabels, forKey: .prefLabels)
            try c.encode(altLabels, forKey: .altLabels)
            try c.encode(hiddenLabels, forKey: .hiddenLabels)
            try c.encode(exactMatches, forKey: .exactMatches)
            try c.encode(closeMatches, forKey: .closeMatches)
        }
    }

    /// One row per entity class, by class name.
    public var classes: [ClassCounts]
    public var total: ClassCounts
    /// Distinct labels after `LabelNormalizer.normalize`.
    public var distinctLabels: Int
    /// Entities with at least one `skos:exactMatch`.
    public var identifiedEntities: Int
    public var predicates: Int
    public var triggers: Int
    public var negationPhrases: Int
    public var hedgePhrases: Int
    public var plantAnaphors: Int
    public var implicitSubjectPhrases: Int
    public var commonWords: Int
    public var files: Int

    public init(_ ontology: Ontology) {
        var rows = Dictionary(uniqueKeysWithValues: ontology.classes.keys.map { ($0.name, ClassCounts(entityClass: $0.name)) })
        var total = ClassCounts(entityClass: "total")
        var keys: Set<String> = []
        var identified = 0
        for entity in ontology.entities.values {
            var row = rows[entity.entityClass.name] ?? ClassCounts(entityClass: entity.entityClass.name)
            for counts in [\ClassCounts.entities, \.prefLabels] { row[keyPath: counts] += 1; total[keyPath: counts] += 1 }
            row.altLabels += entity.altLabels.count
            row.hiddenLabels += entity.hiddenLabels.count
            row.exactMatches += entity.exactMatches.count
            row.closeMatches += entity.closeMatches.count
            total.altLabels += entity.altLabels.count
            total.hiddenLabels += entity.hiddenLabels.count
            total.exactMatches += entity.exactMatches.count
            total.closeMatches += entity.closeMatches.count
            rows[entity.entityClass.name] = row
            for label in entity.allLabels { keys.insert(LabelNormalizer.normalize(label)) }
            if !entity.exactMatches.isEmpty { identified += 1 }
        }
        classes = rows.values.sorted { $0.entityClass < $1.entityClass }
        self.total = total
        distinctLabels = keys.count
        identifiedEntities = identified
        predicates = ontology.predicates.count
        triggers = ontology.cues.triggers.values.reduce(0) { $0 + $1.count }
        negationPhrases = ontology.cues.negations.count
        hedgePhrases = ontology.cues.hedges.count
        plantAnaphors = ontology.cues.plantAnaphors.count
        implicitSubjectPhrases = ontology.cues.implicitSubjects.count
        commonWords = ontology.commonWords.count
        files = ontology.files.count
    }

    /// A table of the per-class counts, then one line of totals for predicates and cues.
    public var text: String {
        let header = ["class", "entities", "prefLabel", "altLabel", "hiddenLabel", "labels", "exactMatch", "closeMatch"]
        let rows = (classes + [total]).map { c in
            [c.entityClass, "\(c.entities)", "\(c.prefLabels)", "\(c.altLabels)", "\(c.hiddenLabels)", "\(c.labels)",
             "\(c.exactMatches)", "\(c.closeMatches)"]
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
            + "\(distinctLabels) distinct labels after normalization; exactMatch on \(identifiedEntities) of \(total.entities) entities\n"
            + "\(predicates) predicates, \(triggers) trigger phrases, \(negationPhrases) negation, \(hedgePhrases) hedge, "
            + "\(plantAnaphors) plant-anaphor and \(implicitSubjectPhrases) implicit-subject phrases; "
            + "\(commonWords) common words; \(files) files\n"
    }
}
