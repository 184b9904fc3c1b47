import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// An entity as the exports show it: the ontology's entity with how much evidence names it.
struct NodeRecord: Sendable {
    var entity: Entity
    /// The Biolink category of its class.
    var category: String
    var mentions: Int
    /// Documents that mention it.
    var documents: Int
    /// Edges it is an end of.
    var degree: Int
}

/// A claim as the exports read it, with the store's id for it.
struct ClaimRecord: Sendable {
    var id: Int64
    var claim: Claim
}

/// A mention as the exports read it, with its document.
struct MentionRecord: Sendable {
    var documentID: String
    var mention: Mention
}

/// An edge as the exports show it, with the documents behind it.
struct EdgeRecord: Sendable {
    var edge: Edge
    /// Ids of the documents with a claim about the edge, sorted.
    var documents: [String]
    /// Those that affirm it, and those that deny it (a document that does both is in each).
    var supportingDocuments: [String] = []
    var denyingDocuments: [String] = []
}

/// Reads what the exports need from a store, restricted to a subgraph when one is given.
///
/// Everything the exporters know about the store's tables is here, so a schema change
/// touches one file. Edges, claims and mentions are read with one cursor each, never loaded
/// whole, so an export of a million claims holds one at a time.
struct GraphSource {
    let store: GraphStore
    let subgraph: Subgraph?
    let ontology: Ontology

    init(store: GraphStore, subgraph: Subgraph?) throws {
        self.store = store
        self.subgraph = subgraph
        self.ontology = try store.ontology()
    }

    /// The entities to export: those of the subgraph, or else every entity some document
    /// mentions or some claim names; sorted by id. Degrees cost a pass over the edges, so
    /// they are counted only when asked for (and are 0 otherwise).
    func nodes(withDegree: Bool = false) throws -> [NodeRecord] {
        let counts = try store.mentionCounts()
        var degree: [String: Int] = withDegree && subgraph == nil ? try store.degrees() : [:]
        if let subgraph {
            for key in subgraph.edges {
                degree[key.subject, default: 0] += 1
                degree[key.object, default: 0] += 1
            }
        }
        let wanted: Set<String>
        if let subgraph {
            wanted = subgraph.entityIDs
        } else if withDegree {
            // The entities some document mentions or some edge joins, which is what
            // `usedEntityIDs` would read again: one more pass over every edge and mention.
            wanted = Set(degree.keys).union(counts.keys)
        } else {
            wanted = try store.usedEntityIDs()
        }
        return wanted.sorted().map { id in
            let entity = ontology.entities[id]
                ?? Entity(id: id, iri: Namespace.entity + id, prefLabel: id, entityClass: EntityClass("Unknown"))
            return NodeRecord(
                entity: entity, category: ontology.biolinkCategory(of: entity.entityClass),
                mentions: counts[id]?.mentions ?? 0, documents: counts[id]?.documents ?? 0,
                degree: degree[id] ?? 0)
        }
    }

    /// Calls `body` for each edge (of the subgraph), ordered by subject, predicate, object.
    func forEachEdge(_ body: (EdgeRecord) throws -> Void) throws {
        try store.forEachEdge { (edge: Edge, documents: EdgeDocuments) in
            if let subgraph, !subgraph.edges.contains(edge.key) { return }
            try body(EdgeRecord(edge: edge, documents: documents.all, supportingDocuments: documents.supporting,
                                denyingDocuments: documents.denying))
        }
    }

    /// Calls `body` for each claim (of the subgraph's edges), in document and sentence order.
    func forEachClaim(_ body: (ClaimRecord) throws -> Void) throws {
        try store.forEachClaim { stored in
            if let subgraph, !subgraph.edges.contains(stored.claim.key) { return }
            try body(ClaimRecord(id: stored.id, claim: stored.claim))
        }
    }

    /// Calls `body` for each mention (of the subgraph's entities), in document order.
    func forEachMention(_ body: (MentionRecord) throws -> Void) throws {
        try store.forEachMention { stored in
            if let subgraph, !subgraph.entityIDs.contains(stored.mention.entityID) { return }
            try body(MentionRecord(documentID: stored.documentID, mention: stored.mention))
        }
    }

    /// Ids and content hashes of the documents behind the exported claims or mentions.
    func documents() throws -> [(id: String, hash: String)] {
        try store.documentHashes().sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The entity's CURIE, also for an id the ontology no longer has.
    func curie(_ id: String) -> String {
        ontology.entities[id]?.curie ?? Namespace.entityPrefix + ":" + id
    }
}
