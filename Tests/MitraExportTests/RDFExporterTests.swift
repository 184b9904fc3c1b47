import Foundation
@testable import MitraExport
import MitraBuild
import MitraModel
import MitraRDF
import MitraStore
import MitraTestSupport
import Testing

@Suite struct RDFExporterTests {
    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func reparsesWithSerdToTheSameNumberOfTriples(_ syntax: RDFSyntax) throws {
        let (store, dir) = try ExportFixture.store()
        let path = dir + (syntax == .turtle ? "/fixture.ttl" : "/fixture.nt")
        let written = try RDFExporter(syntax: syntax).export(store: store, to: path)
        let quads = try RDFReader(syntax: syntax).quads(file: path)
        #expect(quads.count == written)
        #expect(Set(quads).count == written, "no statement written twice")
        let claims = ExportFixture.results.flatMap(\.claims).map { Term.iri(RDFProjection.claimIRI($0)) }
        #expect(Set(claims).count == claims.count, "distinct claims, distinct IRIs")
        #expect(claims[0] == .iri(RDFProjection.claimIRI(ExportFixture.results[0].claims[0])))
        guard case .iri(let first) = claims[0] else { return }
        #expect(first.hasPrefix(Namespace.claim + "a.txt/0-"))
        #expect(quads.contains(Quad(claims[0], .iri(Namespace.rdf + "type"), .iri(Namespace.rdf + "Statement"))))
        #expect(quads.contains(Quad(claims[0], .iri(Namespace.rdf + "type"), .iri(Namespace.ontology + "Claim"))))
        #expect(quads.contains(Quad(claims[0], .iri(Namespace.ontology + "sentence"), .literal(ExportFixture.a1))))
        #expect(quads.contains(Quad(claims[3], .iri(Namespace.prov + "wasDerivedFrom"),
                                    .iri(Namespace.document + "docs/b%20%22q%22%20%26%20%3Cx%3E.txt"))))
        #expect(quads.contains(Quad(claims[2], .iri(Namespace.ontology + "negated"),
                                    .literal("true", datatype: Namespace.xsd + "boolean"))))
        let kratom = Term.iri(Namespace.entity + "kratom")
        #expect(quads.contains(Quad(kratom, .iri(Namespace.skos + "prefLabel"), .literal("Kratom \"the leaf\" \\ <b>&</b>"))))
        #expect(quads.contains(Quad(kratom, .iri(Namespace.skos + "altLabel"), .literal("🌿 leaf"))))
        #expect(quads.contains(Quad(kratom, .iri(Namespace.skos + "exactMatch"),
                                    .iri("http://purl.obolibrary.org/obo/NCBITaxon_170351"))))
        // The direct triple exists for affirmed edges, not for the only-denied one.
        #expect(quads.contains(Quad(kratom, .iri(Namespace.ontology + "treats"), .iri(Namespace.entity + "chronic-pain"))))
        #expect(!quads.contains(Quad(kratom, .iri(Namespace.ontology + "has_adverse_effect"), .iri(Namespace.entity + "nausea"))))
        // An identifier whose prefix nobody declared still becomes an IRI.
        #expect(quads.contains { $0.object == .iri("https://identifiers.org/FOO:bar") })
    }

    @Test func writesTurtleWithPrefixes() throws {
        let (store, dir) = try ExportFixture.store()
        try RDFExporter(syntax: .turtle).export(store: store, to: dir + "/f.ttl")
        let text = try String(contentsOfFile: dir + "/f.ttl", encoding: .utf8)
        #expect(text.hasPrefix("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ."))
        #expect(text.contains("mge:kratom"))
    }

    @Test func writesWhoHoldsAClaim() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Users report that kratom relieves back pain.\nKratom relieves anxiety.\n", to: "corpus/a.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        _ = try GraphBuilder(store: store, ontology: Fixtures.ontology).build(paths: [dir + "/corpus"])
        try RDFExporter(syntax: .ntriples).export(store: store, to: dir + "/h.nt")
        let holders = try RDFReader(syntax: .ntriples).quads(file: dir + "/h.nt").filter { $0.predicate == .iri(Namespace.ontology + "holder") }
        #expect(holders.map(\.object) == [.literal("users")])
    }

    @Test func restrictsEntitiesAndClaimsToASubgraph() throws {
        let (store, dir) = try ExportFixture.store()
        let sub = Subgraph(edges: [EdgeKey(subject: "kratom", predicate: "contains", object: "mitragynine")])
        try RDFExporter(syntax: .ntriples).export(store: store, to: dir + "/s.nt", subgraph: sub)
        let quads = try RDFReader(syntax: .ntriples).quads(file: dir + "/s.nt")
        let statements = quads.filter { $0.object == .iri(Namespace.rdf + "Statement") }
        #expect(statements.count == 1)
        let concepts = quads.filter { $0.object == .iri(Namespace.skos + "Concept") }.map(\.subject)
        #expect(Set(concepts) == [.iri(Namespace.entity + "kratom"), .iri(Namespace.entity + "mitragynine")])
    }

    @Test func claimIRIsSurviveARebuildThatRenumbersTheClaims() throws {
        let dir = Fixtures.temporaryDirectory()
        let later = ExportFixture.results[1]
        // The second store holds another document first, so its claims get other row ids.
        let alone = try GraphStore(path: dir + "/alone.sqlite", create: true)
        try alone.write(ontology: ExportFixture.ontology, results: [later])
        let both = try GraphStore(path: dir + "/both.sqlite", create: true)
        try both.write(ontology: ExportFixture.ontology, results: [ExportFixture.results[0], later])
        func iris(_ store: GraphStore) throws -> [String] {
            var found: [String] = []
            try RDFProjection(store: store).forEachQuad { quad in
                if quad.object == .iri(Namespace.ontology + "Claim"), case .iri(let iri) = quad.subject,
                   quad.graph == .iri(RDFExporter.documentIRI(later.document.id)) { found.append(iri) }
            }
            return found
        }
        #expect(try both.claims().map(\.id) != alone.claims().map(\.id))
        #expect(try iris(alone).count == 2)
        #expect(try iris(both) == iris(alone))
    }

    @Test func aDocumentsGraphIsAFunctionOfTheDocumentAlone() throws {
        let later = ExportFixture.results[1]
        let dir = Fixtures.temporaryDirectory()
        let both = try GraphStore(path: dir + "/both.sqlite", create: true)
        try both.write(ontology: ExportFixture.ontology, results: [ExportFixture.results[0], later])
        let graph = Term.iri(RDFExporter.documentIRI(later.document.id))
        var stored: Set<Quad> = []
        try RDFProjection(store: both).forEachQuad { if $0.graph == graph { stored.insert($0) } }
        // The same graph from the extraction alone, as `extract --format nquads` makes it.
        let d = later.document
        var alone: Set<Quad> = []
        try RDFProjection.documentQuads(ProjectedDocument(id: d.id, hash: d.contentHash, title: d.title, url: d.url, date: d.date),
                                        claims: later.claims, ontology: ExportFixture.ontology) { alone.insert($0) }
        #expect(!stored.isEmpty && stored == alone)
        // What the document says of each edge, and the plain triple of each it affirms.
        let edges = stored.filter { $0.object == .iri(Namespace.ontology + "DocumentEdge") }
        #expect(edges.count == Set(later.claims.map(\.key)).count)
        let affirmed = Set(later.claims.filter { !$0.negated }.map(\.key))
        let plain = stored.filter { $0.predicate.value.hasPrefix(Namespace.ontology) && $0.object.value.hasPrefix(Namespace.entity)
            && $0.subject.value.hasPrefix(Namespace.entity) }
        #expect(plain.count == affirmed.count)
        let counts = stored.filter { $0.predicate == .iri(Namespace.ontology + "affirmingClaims") }
            .map { Int($0.object.value) ?? -1 }.reduce(0, +)
        #expect(counts == later.claims.filter { !$0.negated }.count)
    }

    @Test func theProjectionNamesItsGraphsAndGivesImportedTriplesBack() throws {
        let (store, dir) = try ExportFixture.store()
        let file = Fixtures.write("<http://ex.org/a> <http://ex.org/p> \"foreign\" .\n", to: "x.nt", in: dir)
        try GraphImporter(store: store).importFile(file, syntax: .ntriples, graph: "http://ex.org/g")
        var graphs: [Term: Int] = [:]
        try RDFProjection(store: store).forEachQuad { graphs[$0.graph ?? .iri(""), default: 0] += 1 }
        #expect(graphs[.iri(StoreGraphs.ontology)] ?? 0 > 10)
        #expect(graphs[.iri("https://w3id.org/mitragraph/graph/edges")] == nil, "no graph depends on every document")
        #expect(graphs[.iri(RDFExporter.documentIRI("a.txt"))] ?? 0 > 10)
        #expect(graphs[.iri("http://ex.org/g")] == 1)
        try RDFExporter(syntax: .ntriples).export(store: store, to: dir + "/all.nt")
        let quads = try RDFReader(syntax: .ntriples).quads(file: dir + "/all.nt")
        #expect(quads.contains(Quad(.iri("http://ex.org/a"), .iri("http://ex.org/p"), .literal("foreign"))))
    }

    @Test func percentEncodesDocumentIds() {
        #expect(RDFExporter.documentIRI("a/b c.txt") == Namespace.document + "a/b%20c.txt")
        #expect(RDFExporter.documentIRI("кр") == Namespace.document + "%D0%BA%D1%80")
    }

    @Test(.enabled(if: ExportFixture.python != nil, "needs .venv-test (make test creates it)"),
          arguments: [RDFSyntax.ntriples, .turtle])
    func loadsInPyoxigraph(_ syntax: RDFSyntax) throws {
        let (store, dir) = try ExportFixture.store()
        let path = dir + (syntax == .turtle ? "/fixture.ttl" : "/fixture.nt")
        let written = try RDFExporter(syntax: syntax).export(store: store, to: path)
        let (status, output) = try ExportFixture.run(ExportFixture.python!, [
            Fixtures.repositoryRoot + "/scripts/check-exports.py", "rdf", path, String(written),
        ])
        #expect(status == 0, "\(output)")
    }
}
