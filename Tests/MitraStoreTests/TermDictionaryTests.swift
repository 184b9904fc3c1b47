import Foundation
import GRDB
import MitraModel
import MitraRDF
@testable import MitraStore
import MitraTestSupport
import Testing

/// The dictionary's cache of recent IRIs by their bytes gives every IRI its one id, also when
/// more IRIs than it has slots share them.
@Suite struct TermDictionaryTests {
    @Test func iriBytesMapToOneIdEachThroughTheRecentCache() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        let iris = (0..<70_000).map { Array("http://ex.org/node/\($0)".utf8) }
        try store.write { db in
            let terms = try TermDictionary(db)
            func id(_ bytes: [UInt8]) throws -> Int64 {
                try bytes.withUnsafeBufferPointer { try terms.id(of: RDFNodeView(kind: .iri, value: $0), blankPrefix: "") }
            }
            let first = try iris.map(id)
            #expect(Set(first).count == iris.count)
            #expect(try iris.reversed().map(id) == first.reversed())
            // The same text as a literal is another term.
            let literal = try iris[0].withUnsafeBufferPointer { try terms.id(of: RDFNodeView(kind: .literal, value: $0), blankPrefix: "") }
            #expect(!first.contains(literal))
            let stored = try Int64.fetchOne(db, sql: "SELECT id FROM terms WHERE value = 'http://ex.org/node/123' AND kind = 1")
            #expect(stored == first[123])
        }
    }
}
