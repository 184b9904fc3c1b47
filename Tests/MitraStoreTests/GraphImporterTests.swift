import Foundation
import MitraModel
import MitraRDF
@testable import MitraStore
import MitraTestSupport
import Testing

@Suite struct GraphImporterTests {
    static let mg = Namespace.ontology
    static let mge = Namespace.entity
    static let skos = Namespace.skos

    func emptyStore() throws -> (GraphStore, String) {
        let dir = Fixtures.temporaryDirectory()
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        try store.write(ontology: Fixtures.ontology, results: [])
        return (store, dir)
    }

    @Test func anEmptyFileMakesAnEmptyGraph() throws {
        let (store, dir) = try emptyStore()
        let file = Fixtures.write("", to: "empty.nt", in: dir)
        let report = try GraphImporter(store: store).importFile(file, syntax: .ntriples)
        #expect(report.statements == 0 && report.quads == 0 && report.graph == StoreGraphs.importPrefix + "empty")
    }

    @Test func oneTripleIsStoredInTheNamedGraphAndReadBackByPattern() throws {
        let (store, dir) = try emptyStore()
        let file = Fixtures.write("<http://ex.org/a> <http://ex.org/p> \"x \\\"y\\\"\"@en .\n", to: "one.nt", in: dir)
        let report = try GraphImporter(store: store).importFile(file, syntax: .ntriples, graph: "http://ex.org/g")
        #expect(report.statements == 1 && report.quads == 1 && report.edges == 0)
        let expected = Quad(.iri("http://ex.org/a"), .iri("http://ex.org/p"), .literal("x \"y\"", language: "en"),
                            graph: .iri("http://ex.org/g"))
        #expect(try store.quads(graph: .iri("http://ex.org/g")) == [expected])
        #expect(try store.quads(subject: .iri("http://ex.org/a")) == [expected])
        #expect(try store.quads(object: .literal("x \"y\"", language: "en")) == [expected])
        #expect(try store.quads(object: .literal("x \"y\"")).isEmpty)
        #expect(try store.quads(predicate: .iri("http://ex.org/p"), graph: .iri("http://ex.org/other")).isEmpty)
        #expect(try store.graphs().contains(StoredGraph(iri: "http://ex.org/g", kind: "import", quads: 1)))
    }

    @Test func aSubjectIsFoundInEveryGraphThatStatesIt() throws {
        let (store, dir) = try emptyStore()
        let a = Fixtures.write("<http://ex.org/s> <http://ex.org/p> \"a\" .\n", to: "a.nt", in: dir)
        let b = Fixtures.write("<http://ex.org/s> <http://ex.org/p> \"b\" .\n<http://ex.org/s> <http://ex.org/q> \"c\" .\n",
                               to: "b.nt", in: dir)
        try GraphImporter(store: store).importFile(a, syntax: .ntriples)
        try GraphImporter(store: store).importFile(b, syntax: .ntriples)
        let s = Term.iri("http://ex.org/s")
        #expect(Set(try store.quads(subject: s).map(\.object)) == [.literal("a"), .literal("b"), .literal("c")])
        #expect(try store.quadCount(subject: s) == 3)
        #expect(try store.quadCount(subject: s, predicate: .iri("http://ex.org/p")) == 2)
        #expect(try store.quadCount(subject: s, object: .literal("c")) == 1)
        #expect(try store.quadCount(subject: .iri("http://ex.org/nothing")) == 0)
        #expect(try store.statistics().graphs == 3, "the ontology and two imports")
    }

    /// Into a store without edges an import writes its edges whole; into one with edges it
    /// merges its support with theirs. Both give the counts a derivation from scratch gives.
    @Test func anImportsEdgesAreTheSameWrittenWholeOrMerged() throws {
        let dir = Fixtures.temporaryDirectory()
        let file = Fixtures.write("""
            <\(Self.mge)kratom> <\(Self.mg)treats> <\(Self.mge)pain> .
            <\(Self.mge)kratom> <\(Self.mg)contains> <\(Self.mge)mitragynine> .

            """, to: "g.nt", in: dir)
        let (empty, _) = try emptyStore()
        try GraphImporter(store: empty).importFile(file, syntax: .ntriples)
        let whole = try empty.edges()
        #expect(whole.count == 2 && whole.allSatisfy { $0.supportingDocuments == 1 && $0.claimCount == 1 })

        let (built, _) = try emptyStore()
        let claim = Claim(subject: "kratom", predicate: "treats", object: "pain", documentID: "a.txt", sentenceIndex: 0,
                          sentence: "Kratom treats pain.", subjectSpan: Span(start: 0, end: 6), objectSpan: Span(start: 14, end: 18),
                          negated: false, rule: "fixture", confidence: 1)
        try built.write { db in
            let writer = try GraphWriter(db)
            try writer.replace(document: Document(id: "a.txt", text: "Kratom treats pain.", format: "text"),
                               sentences: [Sentence(index: 0, span: Span(start: 0, end: 19), text: "Kratom treats pain.")],
                               mentions: [], claims: [claim])
            try writer.finish()
        }
        try GraphImporter(store: built).importFile(file, syntax: .ntriples)
        let merged = Dictionary(uniqueKeysWithValues: try built.edges().map { ($0.key, $0) })
        #expect(merged.count == 2)
        let treats = try #require(whole.first { $0.key.predicate == "treats" })
        #expect(merged[treats.key]?.supportingDocuments == 2 && merged[treats.key]?.claimCount == 2, "the claim and the graph")
        let contains = try #require(whole.first { $0.key.predicate == "contains" })
        #expect(merged[contains.key] == contains, "the graph alone")
    }

    @Test func twoFilesInTwoGraphsKeepTheirBlankNodesApart() throws {
        let (store, dir) = try emptyStore()
        let a = Fixtures.write("_:b0 <http://ex.org/p> \"a\" .\n", to: "a.nt", in: dir)
        let b = Fixtures.write("_:b0 <http://ex.org/p> \"b\" .\n", to: "b.nt", in: dir)
        try GraphImporter(store: store).importFile(a, syntax: .ntriples)
        try GraphImporter(store: store).importFile(b, syntax: .ntriples)
        let subjects = Set(try store.quads(predicate: .iri("http://ex.org/p")).map(\.subject))
        #expect(subjects.count == 2)
    }

    @Test func ourVocabularyBecomesEntitiesAndEdgesAndReimportReplaces() throws {
        let (store, dir) = try emptyStore()
        let ttl = """
            @prefix mg: <\(Self.mg)> . @prefix mge: <\(Self.mge)> . @prefix skos: <\(Self.skos)> .
            mge:new-herb a skos:Concept, mg:Plant ; skos:prefLabel "New herb" ; skos:altLabel "nh" .
            mge:new-herb mg:contains mge:mitragynine .
            mge:new-herb mg:contains mge:mitragynine .
            mge:kratom mg:treats mge:fibromyalgia .
            mge:kratom mg:not_a_predicate mge:fibromyalgia .
            mge:untyped skos:prefLabel "no class" .
            """
        let file = Fixtures.write(ttl, to: "extra.ttl", in: dir)
        let report = try GraphImporter(store: store).importFile(file, syntax: .turtle)
        #expect(report.statements == 9 && report.quads == 8 && report.edges == 2 && report.entities == 1)
        let ontology = try store.ontology()
        #expect(ontology.entities["new-herb"]?.altLabels == ["nh"])
        #expect(ontology.entities["untyped"] == nil)
        let edges = try store.edges()
        #expect(edges.map(\.key) == [
            EdgeKey(subject: "kratom", predicate: "treats", object: "fibromyalgia"),
            EdgeKey(subject: "new-herb", predicate: "contains", object: "mitragynine"),
        ])
        #expect(edges.allSatisfy { $0.supportingDocuments == 1 && $0.claimCount == 1 })
        #expect(try store.edges() == expectedEdges(store))

        // Importing the same graph again replaces it; the ontology survives a rebuild.
        let smaller = Fixtures.write(
            "<\(Self.mge)kratom> <\(Self.mg)treats> <\(Self.mge)fibromyalgia> .\n", to: "extra.nt", in: dir)
        let again = try GraphImporter(store: store).importFile(smaller, syntax: .ntriples, graph: report.graph)
        #expect(again.replaced && again.quads == 1)
        #expect(try store.edges().map(\.key) == [EdgeKey(subject: "kratom", predicate: "treats", object: "fibromyalgia")])
        #expect(try store.ontology().entities["new-herb"] == nil)
        #expect(try store.quadCount(graph: .iri(report.graph)) == 1)
    }

    @Test func anEntityTheOntologyDefinesKeepsItsDefinitionAndLabels() throws {
        let (store, dir) = try emptyStore()
        let before = try #require(try store.ontology().entities["kratom"])
        let ttl = """
            @prefix mg: <\(Self.mg)> . @prefix mge: <\(Self.mge)> . @prefix skos: <\(Self.skos)> .
            mge:kratom a skos:Concept, mg:Drug ; skos:prefLabel "not kratom" ; skos:altLabel "nk" .
            mge:other-herb a skos:Concept, mg:Plant ; skos:prefLabel "Other herb" ; skos:altLabel "oh" .
            """
        let report = try GraphImporter(store: store).importFile(Fixtures.write(ttl, to: "redefine.ttl", in: dir), syntax: .turtle)
        #expect(report.entities == 1)
        let after = try store.ontology()
        #expect(after.entities["kratom"] == before, "the ontology's definition and labels are kept")
        #expect(after.entities["other-herb"]?.prefLabel == "Other herb" && after.entities["other-herb"]?.altLabels == ["oh"])
    }

    @Test func aStoreMadeByAnImportTakesTheOntologyGivenSoOurVocabularyBecomesEdges() throws {
        let dir = Fixtures.temporaryDirectory()
        let file = Fixtures.write(
            "<\(Self.mge)kratom> <\(Self.mg)treats> <\(Self.mge)fibromyalgia> .\n", to: "one.nt", in: dir)

        let bare = try GraphStore(path: dir + "/bare.sqlite", create: true)
        let withoutOntology = try GraphImporter(store: bare).importFile(file, syntax: .ntriples)
        #expect(withoutOntology.quads == 1 && withoutOntology.edges == 0)

        let fresh = try GraphStore(path: dir + "/fresh.sqlite", create: true)
        let report = try GraphImporter(store: fresh).importFile(file, syntax: .ntriples, ontology: Fixtures.ontology)
        #expect(report.edges == 1)
        #expect(try fresh.edges().map(\.key) == [EdgeKey(subject: "kratom", predicate: "treats", object: "fibromyalgia")])
        #expect(try fresh.ontology().entities.count == Fixtures.ontology.entities.count)

        // A store that has an ontology keeps it: replacing it is a build's job, since a build
        // re-extracts the documents the new ontology affects.
        var smaller = Fixtures.ontology
        smaller.entities = smaller.entities.filter { $0.key == "kratom" || $0.key == "fibromyalgia" }
        _ = try GraphImporter(store: fresh).importFile(file, syntax: .ntriples, graph: "urn:second", ontology: smaller)
        #expect(try fresh.ontology().entities.count == Fixtures.ontology.entities.count)
    }

    @Test func importedSupportAddsToExtractedClaims() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom may relieve fibromyalgia.\n", to: "in/a.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/in"])
        let file = Fixtures.write("<\(Self.mge)kratom> <\(Self.mg)treats> <\(Self.mge)fibromyalgia> .\n", to: "x.nt", in: dir)
        try GraphImporter(store: store).importFile(file, syntax: .ntriples)
        let edge = try #require(try store.edges().first { $0.key.object == "fibromyalgia" })
        #expect(edge.supportingDocuments == 2 && edge.hedgedClaims == 1 && edge.claimCount == 2)
        // A later build keeps the import's support (and the import's graph).
        try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/in"])
        #expect(try store.edges() == expectedEdges(store))
        try store.removeDocuments(["a.txt"])
        #expect(try store.edges().first { $0.key.object == "fibromyalgia" }?.supportingDocuments == 1)
    }

    @Test func aMalformedFileNamesLineAndColumnAndChangesNothing() throws {
        let (store, dir) = try emptyStore()
        let good = Fixtures.write("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n", to: "g.nt", in: dir)
        try GraphImporter(store: store).importFile(good, syntax: .ntriples, graph: "http://ex.org/g")
        let before = try store.quads()
        let bad = Fixtures.write(
            "<http://ex.org/a> <http://ex.org/p> <http://ex.org/c> .\n<http://ex.org/a> <http://ex.org/p> oops .\n",
            to: "bad.nt", in: dir)
        do {
            try GraphImporter(store: store).importFile(bad, syntax: .ntriples, graph: "http://ex.org/g")
            Issue.record("a malformed file must not import")
        } catch let error as RDFError {
            #expect(error.kind == .syntax && error.line == 2 && error.column > 0)
            #expect(error.description.hasPrefix(bad + ":2:"))
        }
        #expect(try store.quads() == before)
    }

    @Test func aMissingFileAndAReservedGraphAreRefused() throws {
        let (store, dir) = try emptyStore()
        #expect(throws: RDFError.self) { try GraphImporter(store: store).importFile(dir + "/none.nt", syntax: .ntriples) }
        let file = Fixtures.write("", to: "e.nt", in: dir)
        #expect(throws: StoreError.self) {
            try GraphImporter(store: store).importFile(file, syntax: .ntriples, graph: StoreGraphs.ontology)
        }
    }

    @Test func manyTriplesLoadInBulkWithIndexesRebuilt() throws {
        let (store, dir) = try emptyStore()
        var text = ""
        for i in 0..<20_000 {
            text += "<\(Self.mge)drug-\(i % 500)> <\(Self.mg)treats> <\(Self.mge)gen-\((i * 7) % 499)> .\n"
            text += "<http://ex.org/n\(i)> <http://ex.org/v> \"\(i)\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        }
        let type = "<\(Namespace.rdf)type>"
        for i in 0..<500 {
            text += "<\(Self.mge)gen-\(i)> \(type) <\(Self.skos)Concept> .\n"
            text += "<\(Self.mge)gen-\(i)> \(type) <\(Self.mg)Condition> .\n"
            text += "<\(Self.mge)gen-\(i)> <\(Self.skos)prefLabel> \"gen \(i)\" .\n"
            // Subjects in the domain of treats: an edge extraction could make.
            text += "<\(Self.mge)drug-\(i)> \(type) <\(Self.skos)Concept> .\n"
            text += "<\(Self.mge)drug-\(i)> \(type) <\(Self.mg)Drug> .\n"
            text += "<\(Self.mge)drug-\(i)> <\(Self.skos)prefLabel> \"drug \(i)\" .\n"
        }
        let file = Fixtures.write(text, to: "big.nt", in: dir)
        let report = try GraphImporter(store: store).importFile(file, syntax: .ntriples)
        let distinctEdges = Set((0..<20_000).map { "\($0 % 500) \(($0 * 7) % 499)" }).count
        #expect(report.statements == 43_000)
        #expect(report.edges == distinctEdges && report.entities == 1_000 && report.rejectedEdges.isEmpty)
        #expect(try store.quadCount(predicate: .iri("http://ex.org/v")) == 20_000)
        #expect(try store.quads(subject: .iri("http://ex.org/n123")).first?.object
            == .literal("123", datatype: "http://www.w3.org/2001/XMLSchema#integer"))
        #expect(try store.edges().count == distinctEdges)
        #expect(try store.statistics().entitiesByClass["Condition"] ?? 0 >= 499)
        let indexes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quads' ORDER BY name")
        }
        #expect(indexes == ["quads_osp", "quads_pos"])
    }
}

/// Issue 11 point 10: writers that wait a bounded time, and imports checked as extraction is.
@Suite struct StoreRefusalTests {
    @Test func point10_aSecondWriterWaitsABoundedTimeThenSaysAnotherBuildIsWriting() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom contains mitragynine.\n", to: "in/a.txt", in: dir)
        let first = try GraphStore(path: dir + "/kg.sqlite", create: true)
        try GraphBuilder(store: first, ontology: Fixtures.ontology).build(paths: [dir + "/in"])
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? first.write { _ in
                holding.signal()
                release.wait()
            }
        }
        holding.wait()
        defer { release.signal() }
        let second = try GraphStore(path: dir + "/kg.sqlite", busyTimeout: 0.3)
        let started = Date()
        do {
            try GraphBuilder(store: second, ontology: Fixtures.ontology).build(paths: [dir + "/in"])
            Issue.record("the second build must not write while the first holds the store")
        } catch let error as StoreError {
            #expect(error.kind == .busy && error.message.contains("another build is writing this store"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func point10_aFullDiskIsNoSpaceLeft() throws {
        let dir = Fixtures.temporaryDirectory()
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        do {
            try store.write { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                try db.execute(sql: "CREATE TABLE filler (x BLOB)")
                for _ in 0..<100 { try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(100000))") }
            }
            Issue.record("the write must fail when the file may not grow")
        } catch let error as StoreError {
            #expect(error.kind == .noSpace && error.message.contains("no space left on device"))
        }
    }

    @Test func point10_importedEdgesOutsideTheOntologyAreRejectedAndReported() throws {
        let dir = Fixtures.temporaryDirectory()
        let nt = Fixtures.write("""
            <https://w3id.org/mitragraph/entity/kratom> <https://w3id.org/mitragraph/ontology#contains> <https://w3id.org/mitragraph/entity/mitragynine> .
            <https://w3id.org/mitragraph/entity/kratom> <https://w3id.org/mitragraph/ontology#treats> <https://w3id.org/mitragraph/entity/no-such-thing> .
            <https://w3id.org/mitragraph/entity/nausea> <https://w3id.org/mitragraph/ontology#contains> <https://w3id.org/mitragraph/entity/kratom> .
            <https://w3id.org/mitragraph/entity/kratom> <https://w3id.org/mitragraph/ontology#contains> <https://w3id.org/mitragraph/entity/nausea> .
            <https://w3id.org/mitragraph/entity/kratom> <https://w3id.org/mitragraph/ontology#contains> <http://ex.org/not-ours> .
            <https://w3id.org/mitragraph/entity/kratom> <https://w3id.org/mitragraph/ontology#contains> "a literal" .

            """, to: "extra.nt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let report = try GraphImporter(store: store).importFile(nt, syntax: .ntriples, ontology: Fixtures.ontology)
        #expect(report.edges == 1)
        // Statements whose ends are not our IRIs are not edges at all, so not rejected ones.
        #expect(report.rejectedEdges == [
            "kratom contains nausea: nausea (AdverseEffect) is outside the range of contains",
            "kratom treats no-such-thing: no-such-thing is no entity of the store",
            "nausea contains kratom: nausea (AdverseEffect) is outside the domain of contains",
        ])
        #expect(try store.edges().map { "\($0.key.subject) \($0.key.predicate) \($0.key.object)" } == ["kratom contains mitragynine"])
    }
}

/// Issue 11 point 1: the pruning rule on its own.
@Suite struct PruneDecisionTests {
    let stored: [String: String?] = ["a.txt": "/c", "sub/b.txt": "/c", "gone.txt": "/c", "other.txt": "/d", "stdin": nil,
                                     "old.txt": nil, "f.jsonl#1": "/c", "f.jsonl#2": "/c"]

    @Test func onlyDocumentsGoneFromAListedRootAreRemoved() {
        let removed = PruneDecision.documentsToRemove(
            stored: stored, roots: [ListedRoot(key: "/c")], seen: ["a.txt", "sub/b.txt", "f.jsonl#1"], mode: .goneFromListedRoots)
        #expect(removed == ["f.jsonl#2", "gone.txt"])
    }

    @Test func unreadableFoldersAndFilesNeverCountAsGone() {
        let roots = [ListedRoot(key: "/c", unreadable: ["sub", "f.jsonl", "gone.txt"])]
        #expect(PruneDecision.documentsToRemove(stored: stored, roots: roots, seen: ["a.txt"], mode: .goneFromListedRoots).isEmpty)
        let whole = [ListedRoot(key: "/c", unreadable: [""])]
        #expect(PruneDecision.documentsToRemove(stored: stored, roots: whole, seen: [], mode: .goneFromListedRoots).isEmpty)
        #expect(PruneDecision.documentsToRemove(stored: stored, roots: whole, seen: [], mode: .everythingNotListed)
                == ["old.txt", "other.txt", "stdin"])
    }

    @Test func pruneRemovesEverythingNotListedAndKeepMissingNothing() {
        let seen: Set<String> = ["a.txt"]
        #expect(PruneDecision.documentsToRemove(stored: stored, roots: [], seen: seen, mode: .everythingNotListed).count == 7)
        #expect(PruneDecision.documentsToRemove(stored: stored, roots: [ListedRoot(key: "/c")], seen: seen, mode: .nothing).isEmpty)
    }
}
