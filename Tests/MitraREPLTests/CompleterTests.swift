import MitraREPL
import Testing

/// Tab completion as logic: which word is completed, and to what.
@Suite struct CompleterTests {
    let completer = Completer(
        keywords: ["find", "where", "contested", "count"], dotCommands: [".format", ".quit", ".help"],
        names: ["contains", "treats", "kratom", "Receptor"], labels: ["kratom", "mu-opioid receptor", "mitragynine", "mindfulness"])

    @Test func nothingToComplete() {
        #expect(completer.complete("") == .none)
        #expect(completer.complete("find ?") == .none)
        #expect(completer.complete("zz") == .none)
    }

    @Test func oneCandidateIsInsertedWithASpace() {
        #expect(completer.complete("kra") == .replace(delete: 3, insert: "kratom "))
        #expect(completer.complete("kratom contai") == .replace(delete: 6, insert: "contains "))
        #expect(completer.complete("find ?r where ?r:rec") == .replace(delete: 3, insert: "Receptor "))
    }

    @Test func sharedPrefixThenAList() {
        #expect(completer.complete("con") == .replace(delete: 0, insert: "t"))
        #expect(completer.complete("cont") == .list(["contains", "contested"]))
    }

    @Test func labelsWithSpacesAreQuoted() {
        #expect(completer.complete("path kratom to \"mu") == .replace(delete: 3, insert: "\"mu-opioid receptor\" "))
        #expect(completer.complete("path kratom to mu-o") == .replace(delete: 4, insert: "\"mu-opioid receptor\" "))
    }

    @Test func dotCommandsOnlyAtTheStart() {
        #expect(completer.complete(".fo") == .replace(delete: 3, insert: ".format "))
        #expect(completer.complete("kratom .fo") == .none)
    }
}
