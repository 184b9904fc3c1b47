import Foundation
import MitraModel
import MitraOntology
import MitraRDF
import MitraStore

/// Writes the ontology and the graph as N-Triples or Turtle, claims with their provenance.
///
/// Per edge affirmed by some document, the direct triple `subject mg:predicate object`; per
/// claim, an `rdf:Statement` node `https://w3id.org/mitragraph/claim/N` naming its subject,
/// predicate and object, the document it was derived from (`prov:wasDerivedFrom`), the
/// sentence, its index and spans, whether it is negated or hedged, and the rule and confidence
/// of its extraction. The ontology part re-states the classes, predicates and entities with
/// their SKOS labels and external identifiers as IRIs.
public struct RDFExporter {
    public var syntax: RDFSyntax

    public init(syntax: RDFSyntax) {
        self.syntax = syntax
    }

    /// Namespaces for the external-identifier CURIEs of the shipped ontology, used when the
    /// ontology at hand does not declare a prefix (the store does not keep declarations).
    static let knownPrefixes: [String: String] = [
        "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_", "HP": "http://purl.obolibrary.org/obo/HP_",
        "MESH": "http://id.nlm.nih.gov/mesh/", "HGNC": "http://identifiers.org/hgnc/",
        "UniProtKB": "http://purl.uniprot.org/uniprot/", "PUBCHEM.COMPOUND": "http://pubchem.ncbi.nlm.nih.gov/compound/",
        "NCBITaxon": "http://purl.obolibrary.org/obo/NCBITaxon_", "GBIF": "https://www.gbif.org/species/",
        "WIKIDATA": "http://www.wikidata.org/entity/", "ROR": "https://ror.org/",
        "MONDO": "http://purl.obolibrary.org/obo/MONDO_", "DRUGBANK": "https://go.drugbank.com/drugs/",
    ]

    static let prefixes: [(name: String, namespace: String)] = [
        ("rdf", Namespace.rdf), ("rdfs", Namespace.rdfs), ("owl", Namespace.owl), ("skos", Namespace.skos),
        ("xsd", Namespace.xsd), ("prov", Namespace.prov), ("biolink", Namespace.biolink),
        (Namespace.ontologyPrefix, Namespace.ontology), (Namespace.entityPrefix, Namespace.entity),
        ("mgc", Namespace.claim), ("mgd", Namespace.document),
    ]

    /// Our prefixes and those of the external identifiers the ontology uses, so Turtle
    /// writes `CHEBI:6956` rather than the full IRI.
    static func prefixes(for ontology: Ontology) -> [(name: String, namespace: String)] {
        let known = knownPrefixes.merging(ontology.prefixes) { _, declared in declared }
        var used: Set<String> = []
        for entity in ontology.entities.values {
            for curie in entity.exactMatches + entity.closeMatches {
                if let colon = curie.firstIndex(of: ":") { used.insert(String(curie[..<colon])) }
            }
        }
        let ours = Set(prefixes.map(\.name))
        return prefixes + used.sorted().compactMap { name in
            guard !ours.contains(name), let namespace = known[name] else { return nil }
            return (name, namespace)
        }
    }

    /// Writes to `path`; returns the number of statements written.
    @discardableResult
    public func export(store: GraphStore, to path: String, subgraph: Subgraph? = nil) throws -> Int {
        let source = try GraphSource(store: store, subgraph: subgraph)
        let target = try OutputTarget(path: path)
        do {
            let writer = try RDFWriter(syntax: syntax, file: try target.open(), destination: path,
                                       prefixes: Self.prefixes(for: source.ontology))
            try write(source, to: writer)
            try writer.finish()
            try target.commit()
            return writer.statementCount
        } catch let error as RDFError {
            target.discard()
            throw ExportError(kind: .cannotWrite, path: path, message: error.message)
        } catch {
            target.discard()
            throw error
        }
    }

    /// Writes the statements into `writer` (which the caller finishes).
    public func write(store: GraphStore, subgraph: Subgraph? = nil, to writer: RDFWriter) throws {
        try write(try GraphSource(store: store, subgraph: subgraph), to: writer)
    }

    private func write(_ source: GraphSource, to writer: RDFWriter) throws {
        let subgraph = source.subgraph
        let out = Statements(writer: writer, ontology: source.ontology)
        try out.ontology(entities: subgraph.map { $0.entityIDs })
        try source.forEachEdge { record in
            let e = record.edge
            if e.supportingDocuments > 0 {
                try out.add(.iri(out.entityIRI(e.key.subject)), .iri(out.predicateIRI(e.key.predicate)),
                            .iri(out.entityIRI(e.key.object)))
            }
        }
        var documents: Set<String> = []
        try source.forEachClaim { stored in
            documents.insert(stored.claim.documentID)
            try out.claim(stored)
        }
        for (id, hash) in try source.documents() where documents.contains(id) {
            let document = Term.iri(Self.documentIRI(id))
            try out.add(document, .iri(Namespace.rdf + "type"), .iri(Namespace.prov + "Entity"))
            try out.add(document, .iri(Namespace.rdfs + "label"), .literal(id))
            try out.add(document, .iri(Namespace.ontology + "contentHash"), .literal(hash))
        }
    }

    /// The document's IRI: its id percent-encoded (all but unreserved characters and `/`).
    static func documentIRI(_ id: String) -> String {
        var out = Namespace.document
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(NMToken.hex[Int(byte >> 4)]) + String(NMToken.hex[Int(byte & 15)])
            }
        }
        return out
    }
}

private extension String {
    init(_ byte: UInt8) { self.init(Unicode.Scalar(byte)) }
}

/// The statements of one export, with the IRIs of the ontology at hand.
private struct Statements {
    let writer: RDFWriter
    let ontology: Ontology
    let externalPrefixes: [String: String]

    init(writer: RDFWriter, ontology: Ontology) {
        self.writer = writer
        self.ontology = ontology
        self.externalPrefixes = RDFExporter.knownPrefixes.merging(ontology.prefixes) { _, declared in declared }
    }

    static let type = Term.iri(Namespace.rdf + "type")
    static let label = Term.iri(Namespace.rdfs + "label")

    func add(_ s: Term, _ p: Term, _ o: Term) throws {
        try writer.write(s, p, o)
    }

    func mg(_ name: String) -> Term { .iri(Namespace.ontology + name) }

    func entityIRI(_ id: String) -> String { ontology.entities[id]?.iri ?? Namespace.entity + id }

    func predicateIRI(_ name: String) -> String { ontology.predicates[name]?.iri ?? Namespace.ontology + name }

    func classIRI(_ c: EntityClass) -> String { ontology.classes[c]?.iri ?? Namespace.ontology + c.name }

    /// `biolink:X` as an IRI.
    func biolinkIRI(_ curie: String) -> String {
        curie.hasPrefix("biolink:") ? Namespace.biolink + curie.dropFirst("biolink:".count) : curie
    }

    /// An external identifier CURIE as an IRI, through identifiers.org when its prefix is unknown.
    func externalIRI(_ curie: String) -> String {
        guard let colon = curie.firstIndex(of: ":") else { return "https://identifiers.org/" + curie }
        if let namespace = externalPrefixes[String(curie[..<colon])] {
            return namespace + curie[curie.index(after: colon)...]
        }
        return "https://identifiers.org/" + curie
    }

    func literal(_ value: Int) -> Term { .literal(String(value), datatype: Namespace.xsd + "integer") }
    func literal(_ value: Bool) -> Term { .literal(value ? "true" : "false", datatype: Namespace.xsd + "boolean") }

    func ontology(entities wanted: Set<String>?) throws {
        try add(.iri("https://w3id.org/mitragraph/ontology"), Self.type, .iri(Namespace.owl + "Ontology"))
        for info in ontology.classes.values.sorted(by: { $0.entityClass < $1.entityClass }) {
            let c = Term.iri(info.iri)
            try add(c, Self.type, .iri(Namespace.owl + "Class"))
            try add(c, Self.label, .literal(info.entityClass.name))
            if let parent = info.parent { try add(c, .iri(Namespace.rdfs + "subClassOf"), .iri(classIRI(parent))) }
            if let category = info.biolinkCategory { try add(c, mg("biolinkCategory"), .iri(biolinkIRI(category))) }
        }
        for p in ontology.predicates.values.sorted(by: { $0.name < $1.name }) {
            let term = Term.iri(p.iri)
            try add(term, Self.type, .iri(Namespace.owl + "ObjectProperty"))
            try add(term, Self.label, .literal(p.name))
            for c in p.subjectClasses { try add(term, mg("subjectClass"), .iri(classIRI(c))) }
            for c in p.objectClasses { try add(term, mg("objectClass"), .iri(classIRI(c))) }
            try add(term, mg("biolinkPredicate"), .iri(biolinkIRI(p.biolink)))
        }
        let skos = { (name: String) in Term.iri(Namespace.skos + name) }
        for e in ontology.sortedEntities where wanted?.contains(e.id) ?? true {
            let term = Term.iri(e.iri)
            try add(term, Self.type, skos("Concept"))
            try add(term, Self.type, .iri(classIRI(e.entityClass)))
            try add(term, skos("prefLabel"), .literal(e.prefLabel))
            for label in e.altLabels { try add(term, skos("altLabel"), .literal(label)) }
            for label in e.hiddenLabels { try add(term, skos("hiddenLabel"), .literal(label)) }
            for id in e.exactMatches { try add(term, skos("exactMatch"), .iri(externalIRI(id))) }
            for id in e.closeMatches { try add(term, skos("closeMatch"), .iri(externalIRI(id))) }
        }
    }

    func claim(_ stored: ClaimRecord) throws {
        let c = stored.claim
        let node = Term.iri(Namespace.claim + String(stored.id))
        try add(node, Self.type, .iri(Namespace.rdf + "Statement"))
        try add(node, .iri(Namespace.rdf + "subject"), .iri(entityIRI(c.subject)))
        try add(node, .iri(Namespace.rdf + "predicate"), .iri(predicateIRI(c.predicate)))
        try add(node, .iri(Namespace.rdf + "object"), .iri(entityIRI(c.object)))
        try add(node, .iri(Namespace.prov + "wasDerivedFrom"), .iri(RDFExporter.documentIRI(c.documentID)))
        try add(node, mg("sentence"), .literal(c.sentence))
        try add(node, mg("sentenceIndex"), literal(c.sentenceIndex))
        try add(node, mg("subjectStart"), literal(c.subjectSpan.start))
        try add(node, mg("subjectEnd"), literal(c.subjectSpan.end))
        try add(node, mg("objectStart"), literal(c.objectSpan.start))
        try add(node, mg("objectEnd"), literal(c.objectSpan.end))
        try add(node, mg("negated"), literal(c.negated))
        try add(node, mg("hedged"), literal(c.hedged))
        try add(node, mg("rule"), .literal(c.rule))
        try add(node, mg("confidence"), .literal(String(c.confidence), datatype: Namespace.xsd + "double"))
    }
}
