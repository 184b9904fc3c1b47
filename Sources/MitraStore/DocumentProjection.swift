import MitraExtraction
import MitraModel
import MitraOntology

/// The RDF a document's extraction becomes, without a store: the statements of its named
/// graph exactly as the store writes them (see docs/store.md), and the ontology's graph.
/// `extract --format nquads` prints these, so a sharded extraction loaded into a SPARQL
/// store holds what `push` sends.
public enum DocumentProjection {
    /// The document's graph: the document, each claim reified with its provenance, and the
    /// plain triple of each affirmed claim.
    public static func quads(of result: ExtractionResult) -> [Quad] {
        let mg = Namespace.ontology, rdf = Namespace.rdf, xsd = Namespace.xsd
        // Percent-encoding is slow on Linux: the document's id is encoded once, not per claim.
        let encoded = StoreGraphs.encode(result.document.id)
        let graph = Term.iri(Namespace.document + encoded)
        let type = Term.iri(rdf + "type")
        var quads = [Quad(graph, type, .iri(mg + "Document"), graph: graph)]
        func boolean(_ value: Bool) -> Term { .literal(value ? "true" : "false", datatype: xsd + "boolean") }
        // A graph is a set: two affirmed claims with the same ends state their triple once.
        var stated: Set<EdgeKey> = []
        for (n, c) in result.claims.enumerated() {
            let node = Term.iri(Namespace.claim + encoded + "/" + String(n))
            let s = Term.iri(Namespace.entity + c.subject), p = Term.iri(mg + c.predicate), o = Term.iri(Namespace.entity + c.object)
            quads += [
                Quad(node, type, .iri(mg + "Claim"), graph: graph),
                Quad(node, .iri(rdf + "subject"), s, graph: graph),
                Quad(node, .iri(rdf + "predicate"), p, graph: graph),
                Quad(node, .iri(rdf + "object"), o, graph: graph),
                Quad(node, .iri(Namespace.prov + "wasDerivedFrom"), graph, graph: graph),
                Quad(node, .iri(mg + "sentence"), .literal(String(c.sentenceIndex), datatype: xsd + "integer"), graph: graph),
                Quad(node, .iri(mg + "negated"), boolean(c.negated), graph: graph),
                Quad(node, .iri(mg + "hedged"), boolean(c.hedged), graph: graph),
                Quad(node, .iri(mg + "rule"), .literal(c.rule), graph: graph),
                Quad(node, .iri(mg + "confidence"), .literal(String(c.confidence), datatype: xsd + "double"), graph: graph),
            ]
            if !c.negated, stated.insert(EdgeKey(subject: c.subject, predicate: c.predicate, object: c.object)).inserted {
                quads.append(Quad(s, p, o, graph: graph))
            }
        }
        return quads
    }

    /// The ontology's graph, as the store keeps it.
    public static func ontologyQuads(_ ontology: Ontology) throws -> [Quad] {
        var seen: Set<Quad> = []
        return try OntologyFingerprint.quads(of: ontology).map { Quad($0.subject, $0.predicate, $0.object, graph: .iri(StoreGraphs.ontology)) }
            .filter { seen.insert($0).inserted }
    }
}
