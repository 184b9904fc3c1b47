import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// Writes the graph as KGX JSON-lines: `nodes.jsonl`, `edges.jsonl` (one edge per claim, with
/// Biolink categories and predicates) and `mentions.jsonl`.
public struct KGXExporter {
    public init() {}

    public func export(store: GraphStore, to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError(kind: .cannotWrite, path: directory, message: "cannot create the folder: \(error.localizedDescription)")
        }
        let ontology = try store.ontology()
        let used = try store.usedEntityIDs()

        var nodes = JSONLinesWriter()
        for entity in ontology.sortedEntities where used.contains(entity.id) {
            nodes.append([
                "id": entity.curie, "name": entity.prefLabel, "class": entity.entityClass.name,
                "category": [ontology.biolinkCategory(of: entity.entityClass)],
                "synonym": entity.altLabels + entity.hiddenLabels, "xref": entity.exactMatches, "iri": entity.iri,
                "provided_by": ["mitragraph"],
            ])
        }
        try nodes.write(to: directory + "/nodes.jsonl")

        var edges = JSONLinesWriter()
        for stored in try store.claims() {
            let c = stored.claim
            let predicate = ontology.predicates[c.predicate]
            edges.append([
                "id": "mgc:\(stored.id)",
                "subject": curie(c.subject, ontology), "predicate": predicate?.biolink ?? "biolink:related_to",
                "original_predicate": predicate?.curie ?? "mg:" + c.predicate,
                "object": curie(c.object, ontology), "negated": c.negated, "hedged": c.hedged,
                "publications": [c.documentID], "supporting_text": [c.sentence],
                "subject_location_in_text": [c.subjectSpan.start, c.subjectSpan.end],
                "object_location_in_text": [c.objectSpan.start, c.objectSpan.end],
                "sentence_index": c.sentenceIndex,
                "knowledge_level": "knowledge_assertion", "agent_type": "text_mining_agent",
                "extraction_rule": c.rule, "extraction_confidence": c.confidence,
                "primary_knowledge_source": "infores:mitragraph",
            ])
        }
        try edges.write(to: directory + "/edges.jsonl")

        var mentions = JSONLinesWriter()
        for stored in try store.mentions() {
            let m = stored.mention
            mentions.append([
                "doc": stored.documentID, "entity": curie(m.entityID, ontology), "start": m.span.start,
                "end": m.span.end, "text": m.text, "sentence": m.sentenceIndex,
            ])
        }
        try mentions.write(to: directory + "/mentions.jsonl")
    }

    private func curie(_ id: String, _ ontology: Ontology) -> String {
        ontology.entities[id]?.curie ?? Namespace.entityPrefix + ":" + id
    }
}
