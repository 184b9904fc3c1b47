import Foundation
import MitraTestSupport
import Testing

/// SQL, GRDB and SQLite's C API stay behind the store's typed API.
@Suite struct LayeringTests {
    @Test func onlyTheStoreSeesGRDBOrSQLite() throws {
        let sources = Fixtures.repositoryRoot + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("MitraStore/") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            #expect(!text.contains("import GRDB"), "\(file) imports GRDB")
            #expect(!text.contains("sqlite3_"), "\(file) calls SQLite")
        }
    }
}
