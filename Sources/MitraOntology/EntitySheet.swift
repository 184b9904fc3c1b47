import Foundation
import MitraModel

/// Everything the ontology says about one entity, for `mitragraph ontology show`.
public struct EntitySheet: Sendable, Encodable {
    public var id: String
    public var curie: String
    public var iri: String
    public var entityClass: String
    /// The class and its ancestors, nearest first (`AdverseEffect`, `Condition`).
    public var classPath: [String]
    public var biolinkCategory: String
    public var prefLabel: String
    public var altLabels: [String]
    public var hiddenLabels: [String]
    public var ambiguousLabels: [String]
    public var exactMatches: [String]
    public var closeMatches: [String]
    public var comment: String?
    /// The files that make statements about it, the defining one first.
    public var files: [String]

    enum CodingKeys: String, CodingKey {
        case id, curie, iri, entityClass = "class", classPath, biolinkCategory, prefLabel, altLabels, hiddenLabels,
             ambiguousLabels, exactMatches, closeMatches, comment, files
    }

    public init(_ entity: Entity, in ontology: Ontology) {
        id = entity.id
        curie = entity.curie
        iri = entity.iri
        entityClass = entity.entityClass.name
        var path: [String] = []
        var current: EntityClass? = entity.entityClass
        while let c = current, !path.contains(c.name) {
            path.append(c.name)
            current = ontology.classes[c]?.parent
        }
        classPath = path
        biolinkCategory = ontology.biolinkCategory(of: entity.entityClass)
        prefLabel = entity.prefLabel
        altLabels = entity.altLabels
        hiddenLabels = entity.hiddenLabels
        ambiguousLabels = ontology.ambiguousLabels[entity.id] ?? []
        exactMatches = entity.exactMatches
        closeMatches = entity.closeMatches
        comment = entity.comment
        if let source = ontology.sources[entity.id] {
            files = [source.file] + source.files.filter { $0 != source.file }
        } else {
            files = []
        }
    }

    /// One field a line, empty fields left out.
    public var text: String {
        var lines = ["\(curie)  \(prefLabel)"]
        func add(_ name: String, _ values: [String], quoted: Bool = false) {
            guard !values.isEmpty else { return }
            let shown = quoted ? values.map { "\"\($0)\"" } : values
            lines.append(name.padding(toLength: 14, withPad: " ", startingAt: 0) + shown.joined(separator: ", "))
        }
        add("class", [classPath.joined(separator: " ⊂ ")])
        add("biolink", [biolinkCategory])
        add("prefLabel", [prefLabel], quoted: true)
        add("altLabel", altLabels, quoted: true)
        add("hiddenLabel", hiddenLabels, quoted: true)
        add("ambiguous", ambiguousLabels, quoted: true)
        add("exactMatch", exactMatches)
        add("closeMatch", closeMatches)
        add("iri", [iri])
        add("comment", comment.map { [$0] } ?? [])
        add("defined in", files)
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
