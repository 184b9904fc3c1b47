import Foundation
import MitraModel
import MitraOntology
import MitraRDF
import MitraStore

/// Writes the store's RDF projection (`RDFProjection`, vocabulary in docs/rdf.md) as
/// N-Triples or Turtle: the projection's quads with their graphs dropped.
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

    /// The quads without their graphs; an edge's plain triple, which every document that
    /// affirms the edge states in its own graph, is written once.
    private func write(_ source: GraphSource, to writer: RDFWriter) throws {
        var edges: Set<Quad> = []
        try RDFProjection(source: source).forEachQuad { quad, isEdge in
            if isEdge, !edges.insert(Quad(quad.subject, quad.predicate, quad.object, graph: nil)).inserted { return }
            try writer.write(quad.subject, quad.predicate, quad.object)
        }
    }

    /// The document's IRI (`Namespace.documentIRI`).
    static func documentIRI(_ id: String) -> String { Namespace.documentIRI(id) }
}

/// A document as the projection describes it: what the store keeps of it, or what an
/// extraction without a store knows (`extract --format nquads`).
public struct ProjectedDocument: Sendable {
    public var id: String
    public var hash: String
    public var title: String?
    public var url: String?
    public var date: String?

    public init(id: String, hash: String, title: String? = nil, url: String? = nil, date: String? = nil) {
        self.id = id
        self.hash = hash
        self.title = title
        self.url = url
        self.date = date
    }
}

/// The one RDF view of a store, used by the RDF exports, `push` and `extract --format
/// nquads`: a function from the graph to quads, graph by graph. Vocabulary: docs/rdf.md.
///
/// - `StoreGraphs.ontology`: the classes, predicates and entities (SKOS labels, external
///   identifiers as IRIs);
/// - one graph per document, named by the document's IRI: the document (`prov:Entity`, id,
///   content hash, title, url, date), each claim, an `rdf:Statement` and `mg:Claim` whose
///   IRI is derived from its content (`claimIRI`), so it survives rebuilds, one
///   `mg:DocumentEdge` per edge the document speaks of (its affirming, denying and hedged
///   claims there), and the plain triple `subject mg:predicate object` of each edge it
///   affirms;
/// - each imported graph's own statements, under its name, whatever their vocabulary.
///
/// Each document's graph is a function of that document alone (and the ontology), so a
/// sharded extraction gives the graphs a store would, and a push replaces only the graphs of
/// documents that changed. The edges are the union of the graphs' plain triples.
public struct RDFProjection {
    let source: GraphSource

    public init(store: GraphStore, subgraph: Subgraph? = nil) throws {
        source = try GraphSource(store: store, subgraph: subgraph)
    }

    init(source: GraphSource) {
        self.source = source
    }

    /// A claim's IRI from what it is, never from where the store keeps it: its document and
    /// sentence, then a hash of its spans, predicate, ends and polarity
    /// (`…/claim/DOC/SENTENCE-HASH`), so a rebuild gives an unchanged document the same IRIs.
    public static func claimIRI(_ c: Claim) -> String {
        let content = "\(c.subjectSpan.start) \(c.subjectSpan.end) \(c.objectSpan.start) \(c.objectSpan.end) \(c.predicate) "
            + "\(c.subject) \(c.object) \(c.negated)"
        return Namespace.claim + RDFExporter.documentIRI(c.documentID).dropFirst(Namespace.document.count)
            + "/\(c.sentenceIndex)-" + ContentHash.hex(of: content).prefix(12)
    }

    /// The IRI of what one document says about one edge: `…/claim/DOC/edge-HASH`, the hash
    /// of the edge's ends and predicate.
    public static func documentEdgeIRI(document id: String, _ key: EdgeKey) -> String {
        Namespace.claim + RDFExporter.documentIRI(id).dropFirst(Namespace.document.count)
            + "/edge-" + ContentHash.hex(of: "\(key.subject) \(key.predicate) \(key.object)").prefix(12)
    }

    /// Calls `body` with every quad: the ontology's, each document's, then the imported
    /// graphs' (those only for a whole-store projection), graph after graph.
    public func forEachQuad(_ body: (Quad) throws -> Void) throws {
        try withoutActuallyEscaping(body) { sink in try forEachQuad { quad, _ in try sink(quad) } }
    }

    /// As `forEachQuad`, saying of each quad whether it is an edge's plain triple, which
    /// several documents' graphs may state.
    func forEachQuad(_ body: (Quad, _ isEdge: Bool) throws -> Void) throws {
        try withoutActuallyEscaping(body) { try forEachQuad(escaping: $0) }
    }

    private func forEachQuad(escaping body: @escaping (Quad, Bool) throws -> Void) throws {
        let out = Statements(ontology: source.ontology, sink: body)
        out.graph = .iri(StoreGraphs.ontology)
        try out.ontology(entities: source.subgraph.map { $0.entityIDs })
        let stored = try source.store.documents()
        let documents = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var current: String?
        var claims: [Claim] = []
        var written: Set<String> = []
        func flush() throws {
            guard let id = current, let d = documents[id] else { return }
            try out.document(Self.projected(d), claims: claims)
            written.insert(id)
        }
        try source.forEachClaim { record in
            let id = record.claim.documentID
            if id != current {
                try flush()
                current = id
                claims = []
            }
            claims.append(record.claim)
        }
        try flush()
        guard source.subgraph == nil else { return }
        // Documents without a claim still have their graph: the document node.
        for d in stored.sorted(by: { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }) where !written.contains(d.id) {
            try out.document(Self.projected(d), claims: [])
        }
        for graph in try source.store.graphs() where graph.kind == "import" {
            let name = Term.iri(graph.iri)
            try source.store.forEachQuad(graph: name) { try body(Quad($0.subject, $0.predicate, $0.object, graph: name), false) }
        }
    }

    static func projected(_ d: StoredDocument) -> ProjectedDocument {
        ProjectedDocument(id: d.id, hash: d.hash, title: d.title, url: d.url, date: d.date)
    }

    /// The ontology's graph for `ontology`, without a store.
    public static func ontologyQuads(_ ontology: Ontology, _ body: (Quad) throws -> Void) throws {
        try withoutActuallyEscaping(body) { sink in
            try Statements(ontology: ontology, sink: { quad, _ in try sink(quad) }).ontology(entities: nil)
        }
    }

    /// One document's graph from the document and its claims, without a store: what the
    /// store's projection gives for it once built.
    public static func documentQuads(_ document: ProjectedDocument, claims: [Claim], ontology: Ontology,
                                     _ body: (Quad) throws -> Void) throws {
        try withoutActuallyEscaping(body) { sink in
            try Statements(ontology: ontology, sink: { quad, _ in try sink(quad) }).document(document, claims: claims)
        }
    }
}

/// The statements of one projection, with the IRIs of the ontology at hand, into the graph
/// set last.
private final class Statements {
    let ontology: Ontology
    let externalPrefixes: [String: String]
    let sink: (Quad, Bool) throws -> Void
    var graph: Term = .iri(StoreGraphs.ontology)

    init(ontology: Ontology, sink: @escaping (Quad, Bool) throws -> Void) {
        self.ontology = ontology
        self.sink = sink
        self.externalPrefixes = RDFExporter.knownPrefixes.merging(ontology.prefixes) { _, declared in declared }
    }

    static let type = Term.iri(Namespace.rdf + "type")
    static let label = Term.iri(Namespace.rdfs + "label")

    func add(_ s: Term, _ p: Term, _ o: Term, isEdge: Bool = false) throws {
        try sink(Quad(s, p, o, graph: graph), isEdge)
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

    /// A document's graph: the document, its claims, what it says of each edge, and the
    /// plain triple of each edge it affirms.
    func document(_ d: ProjectedDocument, claims: [Claim]) throws {
        let iri = RDFExporter.documentIRI(d.id)
        graph = .iri(iri)
        let document = Term.iri(iri)
        try add(document, Self.type, .iri(Namespace.prov + "Entity"))
        try add(document, Self.type, mg("Document"))
        try add(document, Self.label, .literal(d.id))
        try add(document, mg("contentHash"), .literal(d.hash))
        if let title = d.title { try add(document, mg("title"), .literal(title)) }
        if let url = d.url { try add(document, mg("url"), .literal(url, datatype: Namespace.xsd + "anyURI")) }
        if let date = d.date { try add(document, mg("date"), .literal(date)) }
        var edges: [EdgeKey: (affirming: Int, denying: Int, hedged: Int)] = [:]
        for c in claims {
            try claim(c)
            var counts = edges[c.key] ?? (0, 0, 0)
            if c.negated { counts.denying += 1 } else { counts.affirming += 1 }
            if c.hedged { counts.hedged += 1 }
            edges[c.key] = counts
        }
        let keys = edges.keys.sorted()
        for key in keys {
            let counts = edges[key] ?? (0, 0, 0)
            let node = Term.iri(RDFProjection.documentEdgeIRI(document: d.id, key))
            try add(node, Self.type, mg("DocumentEdge"))
            try add(node, mg("edgeSubject"), .iri(entityIRI(key.subject)))
            try add(node, mg("edgePredicate"), .iri(predicateIRI(key.predicate)))
            try add(node, mg("edgeObject"), .iri(entityIRI(key.object)))
            try add(node, mg("affirmingClaims"), literal(counts.affirming))
            try add(node, mg("denyingClaims"), literal(counts.denying))
            try add(node, mg("hedgedClaims"), literal(counts.hedged))
        }
        for key in keys where (edges[key]?.affirming ?? 0) > 0 {
            try add(.iri(entityIRI(key.subject)), .iri(predicateIRI(key.predicate)), .iri(entityIRI(key.object)), isEdge: true)
        }
    }

    func claim(_ c: Claim) throws {
        let node = Term.iri(RDFProjection.claimIRI(c))
        try add(node, Self.type, .iri(Namespace.rdf + "Statement"))
        try add(node, Self.type, mg("Claim"))
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
        if let holder = c.holder { try add(node, mg("holder"), .literal(holder)) }
    }
}
