import Foundation
import MitraModel
import MitraRDF

/// Reads the ontology's Turtle files (one or more folders, layered in order) into an `Ontology`.
///
/// Later folders add to earlier ones: a user's folder can give an entity of ours a new label
/// or add entities of its own without editing our files.
public struct OntologyLoader {
    public init() {}

    /// Loads every `.ttl` file below each folder, folders in the order given, files by path.
    public func load(directories: [String]) throws -> Ontology {
        var files: [String] = []
        for directory in directories {
            files += try turtleFiles(in: directory)
        }
        return try load(files: files)
    }

    /// Loads the given Turtle files, in order.
    public func load(files: [String]) throws -> Ontology {
        var statements: [(quad: Quad, file: String)] = []
        var prefixes: [String: String] = [:]
        for file in files {
            let reader = RDFReader(syntax: .turtle)
            do {
                try reader.read(file: file) { statements.append(($0, file)) }
            } catch let error as RDFError {
                throw OntologyError(error)
            }
            prefixes.merge(reader.prefixes) { old, _ in old }
        }
        var builder = OntologyBuilder(prefixes: prefixes)
        for (quad, file) in statements { builder.add(quad, from: file) }
        var ontology = try builder.build()
        ontology.files = files
        return ontology
    }

    func turtleFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw OntologyError(kind: .notFound, file: directory, message: "no such ontology folder or file")
        }
        guard isDirectory.boolValue else { return [directory] }
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw OntologyError(kind: .notFound, file: directory, message: "the ontology folder cannot be read")
        }
        var found: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".ttl") {
            found.append((directory as NSString).appendingPathComponent(relative))
        }
        if found.isEmpty {
            throw OntologyError(kind: .notFound, file: directory, message: "the folder holds no .ttl file")
        }
        return found.sorted()
    }
}

/// Gathers statements subject by subject, then turns them into classes, predicates, entities
/// and cues.
struct OntologyBuilder {
    private struct Node {
        var file: String
        var values: [String: [Term]] = [:]
    }

    private var nodes: [Term: Node] = [:]
    private var order: [Term] = []
    private let prefixes: [String: String]

    init(prefixes: [String: String]) { self.prefixes = prefixes }

    mutating func add(_ quad: Quad, from file: String) {
        if nodes[quad.subject] == nil {
            nodes[quad.subject] = Node(file: file)
            order.append(quad.subject)
        }
        nodes[quad.subject]!.values[quad.predicate.value, default: []].append(quad.object)
    }

    private static let rdfType = Namespace.rdf + "type"
    private static let mg = Namespace.ontology

    func build() throws -> Ontology {
        var ontology = Ontology(prefixes: prefixes)
        let typed = order.map { ($0, nodes[$0]!) }
        // Classes first: entities and predicates are checked against them.
        for (subject, node) in typed where types(node).contains(Namespace.owl + "Class") {
            guard let name = local(subject.value, in: Self.mg) else { continue }
            let parent = iris(node, Namespace.rdfs + "subClassOf").compactMap { local($0, in: Self.mg) }.first
            ontology.classes[EntityClass(name)] = ClassInfo(
                entityClass: EntityClass(name), iri: subject.value, parent: parent.map(EntityClass.init),
                biolinkCategory: iris(node, Self.mg + "biolinkCategory").first.map(curie),
                comment: literals(node, Namespace.rdfs + "comment").first)
        }
        var cues = CueLexicon()
        for (subject, node) in typed {
            let nodeTypes = types(node)
            if nodeTypes.contains(Namespace.owl + "ObjectProperty"), let name = local(subject.value, in: Self.mg) {
                ontology.predicates[name] = try predicate(name: name, iri: subject.value, node: node, ontology: ontology)
            }
            if let name = local(subject.value, in: Self.mg) {
                let triggers = literals(node, Self.mg + "trigger")
                if !triggers.isEmpty { cues.triggers[name, default: []] += triggers }
            }
            let phrases = literals(node, Self.mg + "phrase")
            if nodeTypes.contains(Self.mg + "NegationCue") {
                let scopeName = literals(node, Self.mg + "scope").first ?? "following"
                guard let scope = NegationScope(rawValue: scopeName) else {
                    throw OntologyError(
                        kind: .invalidValue, file: node.file,
                        message: "\(display(subject)) has scope '\(scopeName)'; expected one of "
                            + NegationScope.allCases.map(\.rawValue).joined(separator: ", "))
                }
                cues.negations += phrases.map { NegationCue(phrase: $0, scope: scope) }
            }
            if nodeTypes.contains(Self.mg + "HedgeCue") { cues.hedges += phrases }
            if nodeTypes.contains(Self.mg + "PlantAnaphor") { cues.plantAnaphors += phrases }
            if nodeTypes.contains(Self.mg + "ImplicitSubjectCue") { cues.implicitSubjects += phrases }
            if nodeTypes.contains(Namespace.skos + "Concept") {
                let entity = try self.entity(subject: subject, node: node, ontology: ontology)
                if var existing = ontology.entities[entity.id] {
                    existing.altLabels += entity.altLabels
                    existing.hiddenLabels += entity.hiddenLabels
                    existing.exactMatches += entity.exactMatches
                    ontology.entities[entity.id] = existing
                } else {
                    ontology.entities[entity.id] = entity
                }
            }
        }
        ontology.cues = cues
        return ontology
    }

    private func predicate(name: String, iri: String, node: Node, ontology: Ontology) throws -> Relation {
        func classes(_ property: String) throws -> [EntityClass] {
            try iris(node, Self.mg + property).map { classIRI in
                guard let local = local(classIRI, in: Self.mg), ontology.classes[EntityClass(local)] != nil else {
                    throw OntologyError(
                        kind: .unknownClass, file: node.file,
                        message: "predicate '\(name)' names the unknown class '\(compact(classIRI))' as mg:\(property)")
                }
                return EntityClass(local)
            }
        }
        return Relation(
            name: name, iri: iri,
            biolink: iris(node, Self.mg + "biolinkPredicate").first.map(curie) ?? "biolink:related_to",
            subjectClasses: try classes("subjectClass"), objectClasses: try classes("objectClass"),
            comment: literals(node, Namespace.rdfs + "comment").first)
    }

    private func entity(subject: Term, node: Node, ontology: Ontology) throws -> Entity {
        let id = local(subject.value, in: Namespace.entity) ?? compact(subject.value)
        let classIRIs = types(node).filter { $0 != Namespace.skos + "Concept" }
        guard let classIRI = classIRIs.first else {
            throw OntologyError(
                kind: .unknownClass, file: node.file, message: "entity '\(id)' has no class (add `a mg:SomeClass`)")
        }
        guard let className = local(classIRI, in: Self.mg), ontology.classes[EntityClass(className)] != nil else {
            throw OntologyError(
                kind: .unknownClass, file: node.file,
                message: "entity '\(id)' has the unknown class '\(compact(classIRI))'")
        }
        let prefLabels = literals(node, Namespace.skos + "prefLabel")
        return Entity(
            id: id, iri: subject.value, prefLabel: prefLabels.first ?? "",
            altLabels: literals(node, Namespace.skos + "altLabel") + prefLabels.dropFirst(),
            hiddenLabels: literals(node, Namespace.skos + "hiddenLabel"), entityClass: EntityClass(className),
            exactMatches: iris(node, Namespace.skos + "exactMatch").map(compact),
            closeMatches: iris(node, Namespace.skos + "closeMatch").map(compact),
            comment: literals(node, Namespace.rdfs + "comment").first)
    }

    private func types(_ node: Node) -> [String] { iris(node, Self.rdfType) }

    private func iris(_ node: Node, _ property: String) -> [String] {
        (node.values[property] ?? []).compactMap { if case .iri(let v) = $0 { v } else { nil } }
    }

    private func literals(_ node: Node, _ property: String) -> [String] {
        (node.values[property] ?? []).compactMap { if case .literal(let v, _, _) = $0 { v } else { nil } }
    }

    private func local(_ iri: String, in namespace: String) -> String? {
        iri.hasPrefix(namespace) ? String(iri.dropFirst(namespace.count)) : nil
    }

    private func curie(_ iri: String) -> String {
        if let local = local(iri, in: Namespace.biolink) { return "biolink:" + local }
        return compact(iri)
    }

    /// An IRI as a CURIE with the longest matching declared prefix, or the IRI itself.
    func compact(_ iri: String) -> String {
        var best: (String, String)?
        for (name, namespace) in prefixes where !namespace.isEmpty && iri.hasPrefix(namespace) {
            if best == nil || namespace.count > best!.1.count { best = (name, namespace) }
        }
        guard let (name, namespace) = best else { return iri }
        return name + ":" + iri.dropFirst(namespace.count)
    }

    private func display(_ term: Term) -> String { compact(term.value) }
}
