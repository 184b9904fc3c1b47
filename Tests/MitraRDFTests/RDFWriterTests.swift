import Foundation
import MitraModel
@testable import MitraRDF
import MitraTestSupport
import Testing

@Suite struct RDFWriterTests {
    static let nasty = [
        "plain", "say \"hi\"", "back\\slash", "<b>bold</b> & co", "line one\nline two", "cr\r\nlf", "tab\there",
        "🌿 leaf 🧪", "кратом", "慢性疼痛", "ميتراجينين", "trailing\\", "\"", "\"\"\"triple\"\"\"", "nul\u{0}byte", "",
    ]

    static let s = Term.iri("https://example.org/s")
    static let p = Term.iri("https://example.org/p")

    func roundTrip(_ syntax: RDFSyntax, _ quads: [Quad]) throws -> [Quad] {
        let writer = try RDFWriter(syntax: syntax, prefixes: [("ex", "https://example.org/"), ("xsd", Namespace.xsd)])
        for q in quads { try writer.write(q.subject, q.predicate, q.object) }
        try writer.finish()
        #expect(writer.statementCount == quads.count)
        var back: [Quad] = []
        try RDFReader(syntax: syntax).read(string: writer.text, name: "written") { back.append($0) }
        return back
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func writesNothingForNoStatements(_ syntax: RDFSyntax) throws {
        #expect(try roundTrip(syntax, []).isEmpty)
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func roundTripsOneStatement(_ syntax: RDFSyntax) throws {
        let q = Quad(Self.s, Self.p, .iri("https://example.org/o"))
        #expect(try roundTrip(syntax, [q]) == [q])
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func roundTripsEveryNastyLiteralExactly(_ syntax: RDFSyntax) throws {
        let quads = Self.nasty.map { Quad(Self.s, Self.p, .literal($0)) }
        let back = try roundTrip(syntax, quads)
        #expect(back.count == quads.count)
        for (got, wanted) in zip(back, quads) {
            #expect(got == wanted, "\(wanted.object.value.debugDescription) came back as \(got.object.value.debugDescription)")
        }
    }

    @Test(arguments: [RDFSyntax.ntriples, .turtle])
    func roundTripsDatatypesLanguagesAndBlankNodes(_ syntax: RDFSyntax) throws {
        let quads = [
            Quad(Self.s, Self.p, .literal("true", datatype: Namespace.xsd + "boolean")),
            Quad(Self.s, Self.p, .literal("0.75", datatype: Namespace.xsd + "double")),
            Quad(Self.s, Self.p, .literal("Kratom", language: "en")),
            Quad(Self.s, Self.p, .iri("https://example.org/a%20b/кр")),
            Quad(.blank("b1"), Self.p, Self.s),
        ]
        let back = try roundTrip(syntax, quads)
        #expect(back.count == quads.count)
        #expect(Array(back.prefix(4)) == Array(quads.prefix(4)))
        #expect(back.last?.object == Self.s)
    }

    @Test func turtleDeclaresPrefixesAndAbbreviates() throws {
        let writer = try RDFWriter(syntax: .turtle, prefixes: [("ex", "https://example.org/")])
        try writer.write(Self.s, Self.p, .literal("a"))
        try writer.write(Self.s, Self.p, .literal("b"))
        try writer.finish()
        #expect(writer.text.hasPrefix("@prefix ex: <https://example.org/> ."))
        #expect(writer.text.contains("ex:s\n\tex:p \"a\" ,\n\t\t\"b\" ."))
    }

    @Test func nTriplesWritesOneLinePerStatement() throws {
        let writer = try RDFWriter(syntax: .ntriples, prefixes: [("ex", "https://example.org/")])
        for text in Self.nasty { try writer.write(Self.s, Self.p, .literal(text)) }
        try writer.finish()
        #expect(writer.text.split(separator: "\n").count == Self.nasty.count)
        #expect(!writer.text.contains("@prefix"))
    }

    @Test func writesToAFile() throws {
        let dir = Fixtures.temporaryDirectory()
        let writer = try RDFWriter(syntax: .ntriples, path: dir + "/out.nt")
        for n in 0..<1000 { try writer.write(Self.s, Self.p, .literal(String(n))) }
        try writer.finish()
        #expect(try RDFReader(syntax: .ntriples).quads(file: dir + "/out.nt").count == 1000)
    }

    @Test func refusesAFileItCannotCreate() {
        let error = #expect(throws: RDFError.self) {
            try RDFWriter(syntax: .ntriples, path: "/nonexistent-folder/x.nt")
        }
        #expect(error?.kind == .writeFailed)
        #expect(error?.source == "/nonexistent-folder/x.nt")
    }

    @Test func refusesStatementsAfterFinishing() throws {
        let writer = try RDFWriter(syntax: .ntriples)
        try writer.finish()
        #expect(throws: RDFError.self) { try writer.write(Self.s, Self.p, Self.s) }
    }
}
