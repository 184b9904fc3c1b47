import Foundation
import MitraREPL
import MitraTestSupport
import Testing

/// Where the shell keeps its history.
@Suite struct HistoryPathTests {
    @Test func followsXDGDataHome() {
        let dir = Fixtures.temporaryDirectory()
        #expect(REPL.historyPath(environment: ["XDG_DATA_HOME": dir, "HOME": "/nowhere"]) == dir + "/mitragraph/history")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir + "/mitragraph", isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func defaultsUnderHome() {
        let home = Fixtures.temporaryDirectory()
        #expect(REPL.historyPath(environment: ["XDG_DATA_HOME": "", "HOME": home]) == home + "/.local/share/mitragraph/history")
    }

    @Test func noneWithoutAHome() {
        #expect(REPL.historyPath(environment: [:]) == nil)
    }
}
