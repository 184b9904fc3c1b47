import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// Writes the graph as KGX JSON-lines: `nodes.jsonl`, `edges.jsonl` (one edge per claim, with
/// Biolink categories and predicates) and `mentions.jsonl`, the files `eval/score.py` reads,
/// and `prefixes.json`, the prefix map of every CURIE in them.
///
/// A node's id is its canonical CURIE, as the Biolink tools expect: the exact match of the most
/// preferred prefix (`CHEBI:6956` for mitragynine), the others and the `mge:` id in `xref`; an
/// entity without such a match keeps its `mge:` id. Every source is `infores:mitragraph`.
public struct KGXExporter {
    public init() {}

    /// Prefixes a node id may take, most preferred first (after Biolink's id_prefixes of the
    /// classes the ontology uses); WIKIDATA and GBIF stay cross-references.
    static let canonicalPrefixes = ["NCBITaxon", "CHEBI", "PUBCHEM.COMPOUND", "UniProtKB", "HGNC", "MONDO", "DOID", "HP",
                                    "MESH", "ROR"]
    /// Namespaces of the prefixes our ontology's identifiers use, as Biolink's prefix map has them.
    static let wellKnownPrefixes: [String: String] = [
        "mge": Namespace.entity, "mg": Namespace.ontology, "mgc": Namespace.claim, "biolink": "https://w3id.org/biolink/vocab/",
        "infores": "https://w3id.org/biolink/infores/", "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
        "HP": "http://purl.obolibrary.org/obo/HP_", "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
        "DOID": "http://purl.obolibrary.org/obo/DOID_", "NCBITaxon": "http://purl.obolibrary.org/obo/NCBITaxon_",
        "MESH": "http://id.nlm.nih.gov/mesh/", "HGNC": "http://identifiers.org/hgnc/",
        "UniProtKB": "http://purl.uniprot.org/uniprot/", "PUBCHEM.COMPOUND": "http://pubchem.ncbi.nlm.nih.gov/compound/",
        "GBIF": "https://www.gbif.org/species/", "WIKIDATA": "http://www.wikidata.org/entity/", "ROR": "https://ror.org/",
    ]
    /// The information resource every node and edge comes from.
    static let infores = "infores:mitragraph"

    /// Entity id → the id its node has: the canonical CURIE, unless another entity claims the
    /// same one (the ontology check forbids that, but a layered ontology might), then `mge:`.
    static func nodeIDs(_ entities: [Entity]) -> [String: String] {
        var chosen: [String: String] = [:]
        var claimants: [String: Int] = [:]
        for e in entities where chosen[e.id] == nil {
            let prefixed = e.exactMatches.map { ($0.split(separator: ":").first.map(String.init) ?? "", $0) }
            let best = canonicalPrefixes.lazy.compactMap { prefix in prefixed.first { $0.0 == prefix }?.1 }.first
            chosen[e.id] = best ?? e.curie
            if let best { claimants[best, default: 0] += 1 }
        }
        for e in entities where claimants[chosen[e.id] ?? "", default: 0] > 1 { chosen[e.id] = e.curie }
        return chosen
    }

    /// Writes the three files into `directory`, made if needed; with `subgraph`, only its
    /// entities, the claims behind its edges and the mentions of its entities.
    public func export(store: GraphStore, to directory: String, subgraph: Subgraph? = nil) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError(kind: .cannotWrite, path: directory, message: "cannot create the folder: \(error.localizedDescription)")
        }
        let source = try GraphSource(store: store, subgraph: subgraph)
        let ontology = source.ontology

        let nodeRecords = try source.nodes()
        let ids = Self.nodeIDs(nodeRecords.map(\.entity) + ontology.entities.values.sorted { $0.id < $1.id })
        let id = { (entity: String) in ids[entity] ?? source.curie(entity) }
        let nodes = try JSONLinesWriter(path: directory + "/nodes.jsonl")
        var used: Set<String> = ["mge", "mg", "mgc", "biolink", "infores"]
        for node in nodeRecords {
            let entity = node.entity
            let nodeID = id(entity.id)
            let xref = ([entity.curie] + entity.exactMatches).filter { $0 != nodeID }
            for curie in [nodeID] + xref { if let prefix = curie.split(separator: ":").first { used.insert(String(prefix)) } }
            try nodes.append([
                "id": nodeID, "name": entity.prefLabel, "class": entity.entityClass.name,
                "category": [node.category],
                "synonym": entity.altLabels + entity.hiddenLabels, "xref": xref, "iri": entity.iri,
                "provided_by": [Self.infores],
            ])
        }
        try nodes.finish()

        let edges = try JSONLinesWriter(path: directory + "/edges.jsonl")
        let stated = try source.documentMetadata()
        var line = JSONObjectLine()
        try source.forEachClaim { stored in
            let c = stored.claim
            let predicate = ontology.predicates[c.predicate]
            line.begin()
            // The claim's IRI as a CURIE: derived from its content, stable across rebuilds.
            line.field("id", "mgc:" + RDFProjection.claimIRI(c).dropFirst(Namespace.claim.count))
            line.field("subject", id(c.subject))
            line.field("predicate", predicate?.biolink ?? "biolink:related_to")
            line.field("category", strings: "biolink:Association")
            line.field("original_predicate", predicate?.curie ?? Namespace.ontologyPrefix + ":" + c.predicate)
            line.field("object", id(c.object))
            line.field("negated", c.negated)
            line.field("hedged", c.hedged)
            if let holder = c.holder { line.field("holder", holder) }
            // Document ids, which eval/score.py matches to gold documents; a URL the document
            // states goes beside them.
            line.field("publications", strings: c.documentID)
            if let document = stated[c.documentID] {
                if let url = document.url { line.field("publication_url", url) }
                if let title = document.title { line.field("publication_title", title) }
                if let date = document.date { line.field("publication_date", date) }
            }
            line.field("supporting_text", strings: c.sentence)
            line.field("subject_location_in_text", ints: c.subjectSpan.start, c.subjectSpan.end)
            line.field("object_location_in_text", ints: c.objectSpan.start, c.objectSpan.end)
            line.field("sentence_index", c.sentenceIndex)
            line.field("knowledge_level", "knowledge_assertion")
            line.field("agent_type", "text_mining_agent")
            line.field("extraction_rule", c.rule)
            line.field("extraction_confidence", c.confidence)
            line.field("primary_knowledge_source", Self.infores)
            line.end()
            try edges.append(line)
        }
        try edges.finish()

        let mentions = try JSONLinesWriter(path: directory + "/mentions.jsonl")
        try source.forEachMention { stored in
            let m = stored.mention
            line.begin()
            line.field("doc", stored.documentID)
            line.field("entity", id(m.entityID))
            line.field("start", m.span.start)
            line.field("end", m.span.end)
            line.field("text", m.text)
            line.field("sentence", m.sentenceIndex)
            line.end()
            try mentions.append(line)
        }
        try mentions.finish()
        // The three files appear together, or none does.
        for file in [nodes, edges, mentions] { try file.commit() }
        try writePrefixes(used, ontology: ontology, to: directory + "/prefixes.json")
    }

    /// `prefixes.json`: prefix → IRI namespace for every prefix the files use, from the
    /// ontology's own `@prefix` lines where it has them.
    private func writePrefixes(_ used: Set<String>, ontology: Ontology, to path: String) throws {
        let known = Self.wellKnownPrefixes.merging(ontology.prefixes) { _, fromOntology in fromOntology }
        let lines = used.sorted().compactMap { prefix in known[prefix].map { "  " + JSONString.quoted(prefix) + ": " + JSONString.quoted($0) } }
        try OutputFile.write(Array(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8), to: path)
    }
}
