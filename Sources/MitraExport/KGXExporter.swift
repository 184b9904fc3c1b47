import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// Writes the graph as KGX JSON-lines: `nodes.jsonl`, `edges.jsonl` (one edge per claim, with
/// Biolink categories and predicates) and `mentions.jsonl`, the files `eval/score.py` reads.
public struct KGXExporter {
    public init() {}

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

        let nodes = try JSONLinesWriter(path: directory + "/nodes.jsonl")
        for node in try source.nodes() {
            let entity = node.entity
            try nodes.append([
                "id": entity.curie, "name": entity.prefLabel, "class": entity.entityClass.name,
                "category": [node.category],
                "synonym": entity.altLabels + entity.hiddenLabels, "xref": entity.exactMatches, "iri": entity.iri,
                "provided_by": ["mitragraph"],
            ])
        }
        try nodes.close()

        let edges = try JSONLinesWriter(path: directory + "/edges.jsonl")
        try source.forEachClaim { stored in
            let c = stored.claim
            let predicate = ontology.predicates[c.predicate]
            try edges.append([
                "id": "mgc:\(stored.id)",
                "subject": source.curie(c.subject), "predicate": predicate?.biolink ?? "biolink:related_to",
                "original_predicate": predicate?.curie ?? Namespace.ontologyPrefix + ":" + c.predicate,
                "object": source.curie(c.object), "negated": c.negated, "hedged": c.hedged,
                "publications": [c.documentID], "supporting_text": [c.sentence],
                "subject_location_in_text": [c.subjectSpan.start, c.subjectSpan.end],
                "object_location_in_text": [c.objectSpan.start, c.objectSpan.end],
                "sentence_index": c.sentenceIndex,
                "knowledge_level": "knowledge_assertion", "agent_type": "text_mining_agent",
                "extraction_rule": c.rule, "extraction_confidence": c.confidence,
                "primary_knowledge_source": "infores:mitragraph",
            ])
        }
        try edges.close()

        let mentions = try JSONLinesWriter(path: directory + "/mentions.jsonl")
        try source.forEachMention { stored in
            let m = stored.mention
            try mentions.append([
                "doc": stored.documentID, "entity": source.curie(m.entityID), "start": m.span.start,
                "end": m.span.end, "text": m.text, "sentence": m.sentenceIndex,
            ])
        }
        try mentions.close()
    }
}
