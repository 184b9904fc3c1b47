import Foundation
import MitraModel
import MitraStore
import MitraTestSupport
import Testing

@Suite struct GraphStoreTests {
    @Test func missingStoreIsAnErrorWithoutCreate() {
        let path = Fixtures.temporaryDirectory() + "/none.sqlite"
        #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotOursIsLeftAlone() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("not a database, just text", to: "notes.sqlite", in: dir)
        do {
            _ = try GraphStore(path: path)
            Issue.record("a text file must not open as a store")
        } catch let error as StoreError {
            #expect(error.kind == .notAStore)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, just text")
    }

    @Test func buildWritesDocumentsMentionsAndIsIncremental() throws {
        let dir = Fixtures.temporaryDirectory()
        Fixtures.write("Kratom contains mitragynine.\n", to: "a.txt", in: dir)
        Fixtures.write("Kratom may cause nausea.\n", to: "b.txt", in: dir)
        let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
        let builder = GraphBuilder(store: store, ontology: Fixtures.ontology)
        let first = try builder.build(paths: [dir])
        #expect(first.added == 2)
        #expect(try store.statistics().documents == 2)
        #expect(try store.mentions().contains { $0.mention.entityID == "mitragynine" })

        let second = try builder.build(paths: [dir])
        #expect(second.unchanged == 2 && second.added == 0 && second.changed == 0)

        Fixtures.write("Kratom may cause constipation.\n", to: "b.txt", in: dir)
        try FileManager.default.removeItem(atPath: dir + "/a.txt")
        let third = try builder.build(paths: [dir])
        #expect(third.changed == 1 && third.removed == 1)
        let docs = try store.documents().map(\.id)
        #expect(docs == ["b.txt"])
        #expect(!(try store.mentions().contains { $0.mention.entityID == "nausea" }))
    }
}
