import Foundation
import MitraBuild
import MitraModel
import MitraQuery
import MitraStore
import MitraTestSupport
import Testing

/// The three questions of the issue on the graph built from ../shared/seeds: each answer must
/// equal what the stored edges say (computed here without the query language), and must hold
/// what the gold annotations of the seeds say.
@Suite struct SeedGraphTests {
    static let built: (GraphStore, [Edge])? = {
        guard let shared = Fixtures.sharedDirectory else { return nil }
        let store = try! GraphStore(path: Fixtures.temporaryDirectory("mitragraph-seeds") + "/kg.sqlite", create: true)
        _ = try! GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [shared + "/seeds"])
        return (store, try! store.edges())
    }()

    let ontology = Fixtures.ontology

    func label(_ id: String) -> String { ontology.entities[id]?.prefLabel ?? id }

    func isA(_ id: String, _ c: EntityClass) -> Bool {
        ontology.entities[id].map { ontology.isSubclass($0.entityClass, of: c) } ?? false
    }

    @Test func alkaloidsThatInteractWithAReceptor() throws {
        guard let (store, edges) = Self.built else {
            print("skipped: ../shared is absent")
            return
        }
        let rows = try QueryEngine(store: store).run("find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor").displayRows
        let expected = edges.filter {
            $0.key.predicate == "interacts_with" && $0.supportingDocuments > 0 && isA($0.key.subject, .alkaloid)
                && isA($0.key.object, .receptor)
        }.map { [label($0.key.subject), label($0.key.object)] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(rows == expected)
        // Gold: both alkaloids the seeds name bind the opioid receptor.
        #expect(rows.contains(["mitragynine", "opioid receptor"]))
        #expect(rows.contains(["7-hydroxymitragynine", "opioid receptor"]))
    }

    @Test func whatKratomIsSaidToTreatBySupport() throws {
        guard let (store, edges) = Self.built else {
            print("skipped: ../shared is absent")
            return
        }
        let rows = try QueryEngine(store: store).run("kratom treats ?c order by support desc").displayRows
        let expected = edges.filter { $0.key.subject == "kratom" && $0.key.predicate == "treats" && $0.supportingDocuments > 0 }
            .sorted { ($1.supportingDocuments, label($0.key.object)) < ($0.supportingDocuments, label($1.key.object)) }
            .map { [label($0.key.object), String($0.supportingDocuments)] }
        #expect(rows == expected)
        // Gold: all five seeds say kratom treats chronic pain, more than anything else.
        #expect(rows.first == ["chronic pain", "5"])
    }

    @Test func contestedEdges() throws {
        guard let (store, edges) = Self.built else {
            print("skipped: ../shared is absent")
            return
        }
        let rows = try QueryEngine(store: store).run("contested").displayRows
        let expected = edges.filter(\.contested)
            .sorted { (label($0.key.subject), $0.key.predicate, label($0.key.object)) < (label($1.key.subject), $1.key.predicate, label($1.key.object)) }
            .map { [label($0.key.subject), $0.key.predicate, label($0.key.object), String($0.supportingDocuments), String($0.denyingDocuments),
                  String($0.selfContradictingDocuments)] }
        #expect(rows == expected)
        // Gold: three seeds say kratom leads to dependence and one denies it.
        #expect(rows.contains { $0.prefix(3) == ["kratom", "has_adverse_effect", "dependence"] })
    }
}
