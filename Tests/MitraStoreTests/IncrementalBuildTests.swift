import Foundation
import GRDB
import MitraModel
import MitraOntology
import MitraStore
import MitraTestSupport
import Testing

/// The edges the claims and imports imply, computed here independently of the store.
func expectedEdges(_ store: GraphStore) throws -> [Edge] {
    var support: [EdgeKey: Set<String>] = [:]
    var denial: [EdgeKey: Set<String>] = [:]
    var hedged: [EdgeKey: Int] = [:]
    var count: [EdgeKey: Int] = [:]
    for stored in try store.claims() {
        let c = stored.claim
        if c.negated { denial[c.key, default: []].insert(c.documentID) } else { support[c.key, default: []].insert(c.documentID) }
        hedged[c.key, default: 0] += c.hedged ? 1 : 0
        count[c.key, default: 0] += 1
    }
    for quad in try store.quads() {
        guard case .iri(let g) = quad.graph, !StoreGraphs.isReserved(g),
              case .iri(let s) = quad.subject, s.hasPrefix(Namespace.entity),
              case .iri(let p) = quad.predicate, p.hasPrefix(Namespace.ontology),
              case .iri(let o) = quad.object, o.hasPrefix(Namespace.entity),
              Fixtures.ontology.predicates[String(p.dropFirst(Namespace.ontology.count))] != nil else { continue }
        let key = EdgeKey(subject: String(s.dropFirst(Namespace.entity.count)),
                          predicate: String(p.dropFirst(Namespace.ontology.count)),
                          object: String(o.dropFirst(Namespace.entity.count)))
        support[key, default: []].insert("graph " + g)
        hedged[key, default: 0] += 0
        count[key, default: 0] += 1
    }
    return count.keys.sorted().map { key in
        Edge(key: key, supportingDocuments: support[key]?.count ?? 0, denyingDocuments: denial[key]?.count ?? 0,
             hedgedClaims: hedged[key] ?? 0, claimCount: count[key]!,
             selfContradictingDocuments: (support[key] ?? []).intersection(denial[key] ?? []).count)
    }
}

@Suite struct IncrementalBuildTests {
    @Test func anEmptyCorpusBuildsAnEmptyGraphWithTheOntology() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let report = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/in"])
        #expect(report.added == 0 && report.extracted == 0)
        #expect(try store.statistics().documents == 0)
        #expect(try store.edges().isEmpty)
        #expect(try store.ontology().entities.count == Fixtures.ontology.entities.count)
        #expect(try store.quadCount(graph: .iri(StoreGraphs.ontology)) > 1000)
    }

    @Test func aSecondBuildOfAnUnchangedCorpusExtractsNothingAndIsFast() throws {
        let dir = Fixtures.temporaryDirectory()
        GeneratedCorpus.write(count: 600, into: dir + "/in", sentencesPerDocument: 12)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let builder = GraphBuilder(store: store, ontology: Fixtures.ontology)
        let t0 = Date()
        let first = try builder.build(paths: [dir + "/in"])
        let firstTime = Date().timeIntervalSince(t0)
        #expect(first.added == 600 && first.claims > 600)
        let before = try store.claims()

        let t1 = Date()
        let second = try builder.build(paths: [dir + "/in"])
        let secondTime = Date().timeIntervalSince(t1)
        #expect(second.unchanged == 600 && second.extracted == 0 && second.claims == 0 && !second.ontologyChanged)
        // Reading and hashing every file stays; since builds write lean rows, a first build
        // is only about ten times that.
        #expect(secondTime < firstTime / 4, "second build \(secondTime) s, first \(firstTime) s")
        #expect(try store.claims() == before)
    }

    @Test func aBulkFirstBuildGivesTheSameGraphAsAnIncrementalOne() throws {
        let dir = Fixtures.temporaryDirectory()
        GeneratedCorpus.write(count: 60, into: dir + "/in")
        let incremental = try GraphStore(path: dir + "/a.sqlite", create: true)
        var builder = GraphBuilder(store: incremental, ontology: Fixtures.ontology)
        builder.bulkThreshold = .max
        try builder.build(paths: [dir + "/in"])
        let bulk = try GraphStore(path: dir + "/b.sqlite", create: true)
        builder = GraphBuilder(store: bulk, ontology: Fixtures.ontology)
        builder.bulkThreshold = 0
        try builder.build(paths: [dir + "/in"])
        #expect(try bulk.edges() == incremental.edges())
        #expect(try bulk.edges() == expectedEdges(bulk))
        #expect(try bulk.claims().map(\.claim) == incremental.claims().map(\.claim))
        // A document named twice replaces its first claims, which the bulk tally had counted.
        Fixtures.write("Kratom does not cause constipation.\n", to: "again/" + (try #require(try bulk.documents().first?.id)), in: dir)
        let twice = try GraphStore(path: dir + "/c.sqlite", create: true)
        builder = GraphBuilder(store: twice, ontology: Fixtures.ontology)
        builder.bulkThreshold = 0
        try builder.build(paths: [dir + "/in", dir + "/again"])
        #expect(try twice.edges() == expectedEdges(twice))
        // The index a bulk load drops is back.
        let indexes = try bulk.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'claims'") }
        #expect(indexes.contains("claims_spo"))
    }

    @Test func changingOneFileReplacesOnlyItsClaims() throws {
        let dir = Fixtures.temporaryDirectory()
        let names = GeneratedCorpus.write(count: 40, into: dir + "/in")
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let builder = GraphBuilder(store: store, ontology: Fixtures.ontology)
        try builder.build(paths: [dir + "/in"])
        let changed = names[5]
        let others = try store.claims().filter { $0.claim.documentID != changed }
        let quadsBefore = try store.quads().filter { $0.graph != .iri(StoreGraphs.document(changed)) }

        Fixtures.write("Kratom does not cause constipation. Kratom may relieve fibromyalgia.\n", to: changed, in: dir + "/in")
        let report = try builder.build(paths: [dir + "/in"])
        #expect(report.changed == 1 && report.unchanged == 39 && report.added == 0)

        let after = try store.claims()
        #expect(after.filter { $0.claim.documentID != changed } == others)
        let mine = after.filter { $0.claim.documentID == changed }.map { "\($0.claim.subject) \($0.claim.predicate) \($0.claim.object) \($0.claim.negated)" }
        #expect(mine.sorted() == ["kratom has_adverse_effect constipation true", "kratom treats fibromyalgia false"])
        #expect(try store.quads().filter { $0.graph != .iri(StoreGraphs.document(changed)) } .count == quadsBefore.count)
        #expect(try store.edges() == expectedEdges(store))
    }

    @Test func removedDocumentsTakeTheirClaimsQuadsAndEdgeSupportWithThem() throws {
        let dir = Fixtures.temporaryDirectory()
        let names = GeneratedCorpus.write(count: 30, into: dir + "/in")
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let builder = GraphBuilder(store: store, ontology: Fixtures.ontology)
        try builder.build(paths: [dir + "/in"])
        #expect(try store.edges() == expectedEdges(store))

        try FileManager.default.removeItem(atPath: dir + "/in/" + names[0])
        let report = try builder.build(paths: [dir + "/in"])
        #expect(report.removed == 1 && report.unchanged == 29)
        #expect(try !store.claims().contains { $0.claim.documentID == names[0] })
        #expect(try store.quadCount(graph: .iri(StoreGraphs.document(names[0]))) == 0)
        #expect(try store.edges() == expectedEdges(store))

        #expect(try store.removeDocuments([names[1], names[2], "no-such-doc"]) == 2)
        #expect(try store.documents().count == 27)
        #expect(try store.edges() == expectedEdges(store))

        #expect(try store.removeDocuments(try store.documents().map(\.id)) == 27)
        #expect(try store.edges().isEmpty && store.claims().isEmpty)
    }

    @Test func keepMissingKeepsDocumentsThatAreNoLongerInputs() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom contains mitragynine.\n", to: "a/one.txt", in: dir)
        Fixtures.write("Kratom may cause nausea.\n", to: "b/two.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let builder = GraphBuilder(store: store, ontology: Fixtures.ontology)
        try builder.build(paths: [dir + "/a"])
        let report = try builder.build(paths: [dir + "/b"], pruning: .nothing)
        #expect(report.added == 1 && report.removed == 0)
        #expect(try store.documents().map(\.id) == ["one.txt", "two.txt"])
    }

    @Test func aChangedOntologyReextractsEveryDocumentAndSaysSo() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom relieves zorblitis. Kratom contains mitragynine.\n", to: "in/a.txt", in: dir)
        Fixtures.write("Kratom may relieve zorblitis.\n", to: "kept/b.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/kept"])
        let first = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/in"], pruning: .nothing)
        #expect(!first.ontologyChanged && first.added == 1)
        #expect(try !store.claims().contains { $0.claim.object == "zorblitis" })

        var ontology = Fixtures.ontology
        ontology.files = []  // fingerprinted from its parts, now that it differs from the files
        ontology.entities["zorblitis"] = Entity(
            id: "zorblitis", iri: Namespace.entity + "zorblitis", prefLabel: "zorblitis", entityClass: EntityClass("Condition"))
        let second = try GraphBuilder(store: store, ontology: ontology).build(paths: [dir + "/in"], pruning: .nothing)
        #expect(second.ontologyChanged && second.reextracted == 2 && second.unchanged == 0)
        let objects = try store.claims().filter { $0.claim.object == "zorblitis" }.map(\.claim.documentID)
        #expect(objects.sorted() == ["a.txt", "b.txt"])
        #expect(try store.ontology().entities["zorblitis"] != nil)
        #expect(try store.edges() == expectedEdges(store))

        let third = try GraphBuilder(store: store, ontology: ontology).build(paths: [dir + "/in"], pruning: .nothing)
        #expect(!third.ontologyChanged && third.extracted == 0)
    }
}
