import Foundation
import MitraModel
import MitraOntology
import MitraRDF

/// What identifies an ontology for the store: a hash that changes whenever anything the
/// extractor reads changes (entities, labels, predicates, classes, cue words) or its rules
/// do (the `rulesVersion` the builder passes: `Extractor.rulesVersion(of:)`, a hash of the
/// code version and the rule data), and the
/// statements the store keeps in the ontology graph.
enum OntologyFingerprint {
    /// A content hash of the ontology's Turtle files, or of its parts when it was built in
    /// memory without files.
    static func of(_ ontology: Ontology, rulesVersion: String) -> String {
        var text = "extractor \(rulesVersion)\n"
        let files = ontology.files
        if !files.isEmpty, let contents = try? files.map({ try String(contentsOfFile: $0, encoding: .utf8) }) {
            for (file, content) in zip(files, contents) {
                text += (file as NSString).lastPathComponent + "\n" + content + "\n\u{0}"
            }
            return ContentHash.hex(of: text)
        }
        for c in ontology.classes.values.sorted(by: { $0.entityClass < $1.entityClass }) {
            text += "class \(c.entityClass.name) \(c.iri) \(c.parent?.name ?? "") \(c.biolinkCategory ?? "")\n"
        }
        for p in ontology.predicates.values.sorted(by: { $0.name < $1.name }) {
            text += "predicate \(p.name) \(p.iri) \(p.biolink) \(p.subjectClasses.map(\.name)) \(p.objectClasses.map(\.name))\n"
        }
        for e in ontology.sortedEntities { text += "entity \(e)\n" }
        let cues = ontology.cues
        for (name, words) in cues.triggers.sorted(by: { $0.key < $1.key }) { text += "trigger \(name) \(words)\n" }
        text += "negations \(cues.negations.map { "\($0.phrase)/\($0.scope.rawValue)" })\n"
        text += "hedges \(cues.hedges)\nanaphors \(cues.plantAnaphors)\nimplicit \(cues.implicitSubjects)\n"
        return ContentHash.hex(of: text)
    }

    /// The ontology's statements: its Turtle files as read, or, for an ontology built in
    /// memory, its classes, predicates and entities with their labels.
    static func quads(of ontology: Ontology) throws -> [Quad] {
        let fm = FileManager.default
        if !ontology.files.isEmpty, ontology.files.allSatisfy({ fm.fileExists(atPath: $0) }) {
            var all: [Quad] = []
            for (n, file) in ontology.files.enumerated() {
                // Blank node labels restart in every file; a prefix keeps them apart.
                func own(_ t: Term) -> Term { if case .blank(let b) = t { .blank("o\(n)-" + b) } else { t } }
                all += try RDFReader(syntax: .turtle).quads(file: file).map { Quad(own($0.subject), $0.predicate, own($0.object)) }
            }
            return all
        }
        let type = Term.iri(Namespace.rdf + "type")
        var all: [Quad] = []
        for c in ontology.classes.values.sorted(by: { $0.entityClass < $1.entityClass }) {
            all.append(Quad(.iri(c.iri), type, .iri(Namespace.owl + "Class")))
            if let parent = c.parent, let p = ontology.classes[parent] {
                all.append(Quad(.iri(c.iri), .iri(Namespace.rdfs + "subClassOf"), .iri(p.iri)))
            }
        }
        for p in ontology.predicates.values.sorted(by: { $0.name < $1.name }) {
            all.append(Quad(.iri(p.iri), type, .iri(Namespace.owl + "ObjectProperty")))
        }
        for e in ontology.sortedEntities {
            let node = Term.iri(e.iri)
            all.append(Quad(node, type, .iri(Namespace.skos + "Concept")))
            if let c = ontology.classes[e.entityClass] { all.append(Quad(node, type, .iri(c.iri))) }
            all.append(Quad(node, .iri(Namespace.skos + "prefLabel"), .literal(e.prefLabel)))
            for l in e.altLabels { all.append(Quad(node, .iri(Namespace.skos + "altLabel"), .literal(l))) }
            for l in e.hiddenLabels { all.append(Quad(node, .iri(Namespace.skos + "hiddenLabel"), .literal(l))) }
        }
        return all
    }
}
