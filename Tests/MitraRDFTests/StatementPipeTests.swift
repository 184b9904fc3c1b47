import Foundation
import MitraModel
import MitraRDF
import MitraTestSupport
import Testing

/// Reading on a thread of its own hands over what the direct read does, in file order.
@Suite struct StatementPipeTests {
    static let text = (0..<1_000).map { i in
        "<http://ex.org/s\(i / 7)> <http://ex.org/p\(i % 3)> \(i % 2 == 0 ? "<http://ex.org/o\(i)>" : "\"lit \(i)\"@en") .\n"
    }.joined() + "<http://ex.org/t> <http://ex.org/n> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n_:b <http://ex.org/p> \"\" .\n"

    static func terms(_ read: (String, @escaping (RDFNodeView, RDFNodeView, RDFNodeView, RDFNodeView?) throws -> Void) throws -> Void,
                      file: String) throws -> [Quad] {
        var quads: [Quad] = []
        try read(file) { s, p, o, _ in quads.append(Quad(s.term, p.term, o.term)) }
        return quads
    }

    @Test func everyStatementComesInFileOrderAcrossBatches() throws {
        let file = Fixtures.write(Self.text, to: "many.nt", in: Fixtures.temporaryDirectory())
        let direct = try Self.terms({ try RDFReader(syntax: .ntriples).readNodes(file: $0, handler: $1) }, file: file)
        let piped = try Self.terms({ try RDFReader(syntax: .ntriples).readNodesInBackground(file: $0, batchSize: 64, handler: $1) }, file: file)
        #expect(direct.count == 1_002)
        #expect(piped == direct)
        #expect(piped.last?.object == .literal("", datatype: nil, language: nil))
    }

    @Test func aSyntaxErrorComesAfterTheStatementsBeforeIt() throws {
        let file = Fixtures.write(Self.text + "<http://ex.org/bad> oops .\n", to: "bad.nt", in: Fixtures.temporaryDirectory())
        var direct = 0, handled = 0
        #expect(throws: RDFError.self) { try RDFReader(syntax: .ntriples).readNodes(file: file) { _, _, _, _ in direct += 1 } }
        #expect(throws: RDFError.self) {
            try RDFReader(syntax: .ntriples).readNodesInBackground(file: file, batchSize: 10) { _, _, _, _ in handled += 1 }
        }
        #expect(handled == direct && handled >= 1_000)
    }

    @Test func aFailingHandlerStopsTheParser() throws {
        struct Enough: Error {}
        let file = Fixtures.write(Self.text, to: "stop.nt", in: Fixtures.temporaryDirectory())
        var handled = 0
        #expect(throws: Enough.self) {
            try RDFReader(syntax: .ntriples).readNodesInBackground(file: file, batchSize: 10) { _, _, _, _ in
                handled += 1
                if handled == 25 { throw Enough() }
            }
        }
        #expect(handled == 25)
    }
}
