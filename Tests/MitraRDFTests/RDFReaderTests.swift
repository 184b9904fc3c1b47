import MitraModel
import MitraRDF
import Testing

@Suite struct RDFReaderTests {
    @Test func emptyInputHasNoStatements() throws {
        var count = 0
        try RDFReader(syntax: .turtle).read(string: "", name: "empty.ttl") { _ in count += 1 }
        #expect(count == 0)
    }

    @Test func oneStatementWithPrefixesExpanded() throws {
        let reader = RDFReader(syntax: .turtle)
        var quads: [Quad] = []
        try reader.read(string: """
            @prefix ex: <http://example.org/> .
            ex:a ex:b "c"@en .
            """, name: "one.ttl") { quads.append($0) }
        #expect(quads == [Quad(.iri("http://example.org/a"), .iri("http://example.org/b"), .literal("c", language: "en"))])
        #expect(reader.prefixes["ex"] == "http://example.org/")
    }

    @Test func typedLiteralsAndBlankNodes() throws {
        var quads: [Quad] = []
        try RDFReader(syntax: .turtle).read(string: """
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            _:x <http://example.org/n> "2"^^xsd:integer , "3" .
            """, name: "two.ttl") { quads.append($0) }
        #expect(quads.count == 2)
        #expect(quads[0].object == .literal("2", datatype: "http://www.w3.org/2001/XMLSchema#integer"))
        if case .blank = quads[0].subject {} else { Issue.record("subject should be a blank node") }
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        #expect(throws: RDFError.self) {
            try RDFReader(syntax: .turtle).read(string: "<a> <b> <c> .\n<a> <b> .\n", name: "bad.ttl") { _ in }
        }
        do {
            try RDFReader(syntax: .turtle).read(string: "<a> <b> <c> .\n<a> <b> .\n", name: "bad.ttl") { _ in }
        } catch let error as RDFError {
            #expect(error.source == "bad.ttl")
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("bad.ttl:2:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func undefinedPrefixIsAnError() {
        #expect(throws: RDFError.self) {
            try RDFReader(syntax: .turtle).read(string: "nope:a <b> <c> .", name: "p.ttl") { _ in }
        }
    }
}
