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

/// A bulk load caches the stored terms and drops the text index, and gives every term the
/// id it would have had; the index comes back when the load ends, or when the cache is trimmed.
@Suite struct TermDictionaryBulkLoadTests {
    static func index(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'terms_value'")
    }

    @Test func aBulkLoadKeepsStoredIdsAddsEachNewTermOnceAndRestoresTheIndex() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        try store.write { db in
            let before = try TermDictionary(db)
            let stored = try (0..<3).map { try before.id(iri: "http://ex.org/stored/\($0)") }
            let terms = try TermDictionary(db)
            try terms.beginBulkLoad()
            #expect(try Self.index(db) == nil)
            #expect(try (0..<3).map { try terms.id(iri: "http://ex.org/stored/\($0)") } == stored)
            let new = try (0..<100).map { try terms.id(of: .literal("value \($0 % 50)", language: "en")) }
            #expect(Set(new).count == 50 && Set(new).isDisjoint(with: stored))
            try terms.endBulkLoad()
            #expect(try Self.index(db) == "terms_value")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM terms") == 53)
            #expect(try TermDictionary(db).id(of: .literal("value 7", language: "en")) == new[7], "found through the index")
        }
    }

    @Test func trimmingTheCacheDuringABulkLoadEndsItFirst() throws {
        let store = try GraphStore(path: Fixtures.temporaryDirectory() + "/kg.sqlite", create: true)
        try store.write { db in
            let terms = try TermDictionary(db)
            try terms.beginBulkLoad()
            let first = try (0..<10).map { try terms.id(iri: "http://ex.org/\($0)") }
            try terms.trimCache(above: 5)
            #expect(try Self.index(db) == "terms_value")
            #expect(try (0..<10).map { try terms.id(iri: "http://ex.org/\($0)") } == first, "misses are looked up")
            try terms.endBulkLoad()
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM terms") == 10)
        }
    }
}
