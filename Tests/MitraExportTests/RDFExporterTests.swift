import Foundation
@testable import MitraExport
import MitraModel
import MitraRDF
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
        let claimType = Quad(.iri(Namespace.claim + "1"), .iri(Namespace.rdf + "type"), .iri(Namespace.rdf + "Statement"))
        #expect(quads.contains(claimType))
        #expect(quads.contains(Quad(.iri(Namespace.claim + "1"), .iri(Namespace.ontology + "sentence"),
                                    .literal(ExportFixture.a1))))
        #expect(quads.contains(Quad(.iri(Namespace.claim + "4"), .iri(Namespace.prov + "wasDerivedFrom"),
                                    .iri(Namespace.document + "docs/b%20%22q%22%20%26%20%3Cx%3E.txt"))))
        #expect(quads.contains(Quad(.iri(Namespace.claim + "3"), .iri(Namespace.ontology + "negated"),
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
