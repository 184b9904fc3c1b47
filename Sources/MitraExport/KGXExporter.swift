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
        try nodes.finish()

        let edges = try JSONLinesWriter(path: directory + "/edges.jsonl")
        var line = JSONObjectLine()
        try source.forEachClaim { stored in
            let c = stored.claim
            let predicate = ontology.predicates[c.predicate]
            line.begin()
            line.field("id", "mgc:" + String(stored.id))
            line.field("subject", source.curie(c.subject))
            line.field("predicate", predicate?.biolink ?? "biolink:related_to")
            line.field("original_predicate", predicate?.curie ?? Namespace.ontologyPrefix + ":" + c.predicate)
            line.field("object", source.curie(c.object))
            line.field("negated", c.negated)
            line.field("hedged", c.hedged)
            if let holder = c.holder { line.field("holder", holder) }
            line.field("publications", strings: c.documentID)
            line.field("supporting_text", strings: c.sentence)
            line.field("subject_location_in_text", ints: c.subjectSpan.start, c.subjectSpan.end)
            line.field("object_location_in_text", ints: c.objectSpan.start, c.objectSpan.end)
            line.field("sentence_index", c.sentenceIndex)
            line.field("knowledge_level", "knowledge_assertion")
            line.field("agent_type", "text_mining_agent")
            line.field("extraction_rule", c.rule)
            line.field("extraction_confidence", c.confidence)
            line.field("primary_knowledge_source", "infores:mitragraph")
            line.end()
            try edges.append(line)
        }
        try edges.finish()

        let mentions = try JSONLinesWriter(path: directory + "/mentions.jsonl")
        try source.forEachMention { stored in
            let m = stored.mention
            line.begin()
            line.field("doc", stored.documentID)
            line.field("entity", source.curie(m.entityID))
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
    }
}
