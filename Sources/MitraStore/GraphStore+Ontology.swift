import Foundation
import GRDB
import MitraModel
import MitraOntology

extension GraphStore {
    /// Replaces the ontology tables (classes, predicates, entities, labels) with `ontology`.
    /// Entities that imported graphs brought keep their rows unless the ontology now names
    /// the same id. Call inside a write transaction.
    static func writeOntology(_ ontology: Ontology, to db: Database) throws {
        try db.execute(sql: "DELETE FROM entities WHERE source = 'ontology'; DELETE FROM predicates; DELETE FROM classes")
        let dropImported = try db.cachedStatement(sql: "DELETE FROM entities WHERE id = ?")
        for info in ontology.classes.values.sorted(by: { $0.entityClass < $1.entityClass }) {
            try db.execute(
                sql: "INSERT INTO classes (name, iri, parent, biolink) VALUES (?, ?, ?, ?)",
                arguments: [info.entityClass.name, info.iri, info.parent?.name, info.biolinkCategory])
        }
        for predicate in ontology.predicates.values.sorted(by: { $0.name < $1.name }) {
            try db.execute(
                sql: "INSERT INTO predicates (name, iri, biolink, subject_classes, object_classes) VALUES (?, ?, ?, ?, ?)",
                arguments: [predicate.name, predicate.iri, predicate.biolink,
                            predicate.subjectClasses.map(\.name).joined(separator: " "),
                            predicate.objectClasses.map(\.name).joined(separator: " ")])
        }
        let insertEntity = try db.cachedStatement(
            sql: "INSERT INTO entities (id, iri, label, class, exact_matches, close_matches) VALUES (?, ?, ?, ?, ?, ?)")
        let insertLabel = try db.cachedStatement(
            sql: "INSERT INTO labels (entity, label, kind, normalized) VALUES (?, ?, ?, ?)")
        for entity in ontology.sortedEntities {
            try dropImported.execute(arguments: [entity.id])
            try insertEntity.execute(arguments: [
                entity.id, entity.iri, entity.prefLabel, entity.entityClass.name,
                entity.exactMatches.joined(separator: " "), entity.closeMatches.joined(separator: " "),
            ])
            let labelled = [(entity.prefLabel, "pref")] + entity.altLabels.map { ($0, "alt") } + entity.hiddenLabels.map { ($0, "hidden") }
            for (label, kind) in labelled {
                try insertLabel.execute(arguments: [entity.id, label, kind, LabelNormalizer.normalize(label)])
            }
        }
    }

    /// The ontology as the store holds it: classes, predicates and entities with their labels.
    /// Cue lexicons are not kept; they matter only while extracting.
    public func ontology() throws -> Ontology {
        try read { db in
            var ontology = Ontology()
            for row in try Row.fetchAll(db, sql: "SELECT name, iri, parent, biolink FROM classes") {
                let c = EntityClass(row["name"])
                ontology.classes[c] = ClassInfo(
                    entityClass: c, iri: row["iri"], parent: (row["parent"] as String?).map(EntityClass.init),
                    biolinkCategory: row["biolink"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM predicates") {
                let name: String = row["name"]
                ontology.predicates[name] = Relation(
                    name: name, iri: row["iri"], biolink: row["biolink"],
                    subjectClasses: (row["subject_classes"] as String).split(separator: " ").map { EntityClass(String($0)) },
                    objectClasses: (row["object_classes"] as String).split(separator: " ").map { EntityClass(String($0)) })
            }
            // Entities and labels come through cursors read by column index: a store of
            // imported millions holds tens of thousands of entities, and rows fetched whole
            // and read by column name cost an export more than writing the nodes.
            var labels: [String: (alt: [String], hidden: [String])] = [:]
            let labelRows = try Row.fetchCursor(db, sql: """
                SELECT entity, label, kind = 'alt' FROM labels WHERE kind IN ('alt', 'hidden') ORDER BY rowid
                """)
            while let row = try labelRows.next() {
                let label: String = row[1]
                if row[2] as Bool {
                    labels[row[0], default: ([], [])].alt.append(label)
                } else {
                    labels[row[0], default: ([], [])].hidden.append(label)
                }
            }
            let entityRows = try Row.fetchCursor(db, sql: "SELECT id, iri, label, class, exact_matches, close_matches FROM entities")
            while let row = try entityRows.next() {
                let id: String = row[0]
                let own = labels[id]
                ontology.entities[id] = Entity(
                    id: id, iri: row[1], prefLabel: row[2],
                    altLabels: own?.alt ?? [], hiddenLabels: own?.hidden ?? [],
                    entityClass: EntityClass(row[3]),
                    exactMatches: (row[4] as String).split(separator: " ").map(String.init),
                    closeMatches: (row[5] as String).split(separator: " ").map(String.init))
            }
            return ontology
        }
    }
}
