import MitraREPL
import Testing

/// Tab completion as logic: which word is completed, and to what, by where it stands.
@Suite struct CompleterTests {
    let completer = Completer(
        commands: ["find", "count", "contested", "describe", "path", "evidence", "help"],
        dotCommands: [".format": ["table", "json", "csv"], ".quit": [], ".help": [], ".timer": ["on", "off"]],
        predicates: ["contains", "treats", "interacts_with"], classes: ["Receptor", "Alkaloid"],
        labels: ["kratom", "mu-opioid receptor", "mitragynine", "mindfulness", "chronic pain", "chronic fatigue", "jaundice"])

    @Test func nothingToComplete() {
        #expect(completer.complete("find ?") == .none)
        #expect(completer.complete("zz") == .none)
    }

    @Test func commandsAndNamesAtTheStart() {
        #expect(completer.complete("co") == .list(["contested", "count"]))
        #expect(completer.complete("ev") == .replace(delete: 2, insert: "evidence "))
        #expect(completer.complete("cont") == .replace(delete: 4, insert: "contested "))
        #expect(completer.complete("kra") == .replace(delete: 3, insert: "kratom "))
        // A predicate does not start a statement.
        #expect(completer.complete("trea") == .none)
    }

    @Test func predicatesAfterASubject() {
        #expect(completer.complete("kratom contai") == .replace(delete: 6, insert: "contains "))
        #expect(completer.complete("find ?a where ?a int") == .replace(delete: 3, insert: "interacts_with "))
        #expect(completer.complete("evidence kratom tre") == .replace(delete: 3, insert: "treats "))
        // A name, not a predicate, where a subject goes.
        #expect(completer.complete("kratom treats mindfulness and kra") == .replace(delete: 3, insert: "kratom "))
    }

    @Test func entityNamesAfterAPredicateQuotedWhenSpaced() {
        #expect(completer.complete("kratom treats mind") == .replace(delete: 4, insert: "mindfulness "))
        #expect(completer.complete("kratom treats chronic p") == .none)
        #expect(completer.complete("kratom treats chr") == .replace(delete: 3, insert: "\"chronic "))
        #expect(completer.complete("kratom treats \"chronic p") == .replace(delete: 10, insert: "\"chronic pain\" "))
        #expect(completer.complete("path kratom to mu-o") == .replace(delete: 4, insert: "\"mu-opioid receptor\" "))
        #expect(completer.complete("describe jau") == .replace(delete: 3, insert: "jaundice "))
        // A predicate is no entity.
        #expect(completer.complete("kratom treats contai") == .none)
    }

    @Test func classesAfterAColon() {
        #expect(completer.complete("find ?r where ?r:rec") == .replace(delete: 3, insert: "Receptor "))
        #expect(completer.complete("find ?a where ?a:Al") == .replace(delete: 2, insert: "Alkaloid "))
    }

    @Test func clauseWordsAfterAPattern() {
        #expect(completer.complete("kratom treats ?c lim") == .replace(delete: 3, insert: "limit "))
        #expect(completer.complete("kratom treats ?c where supp") == .replace(delete: 4, insert: "support "))
    }

    @Test func dotCommandsAndTheirSettings() {
        #expect(completer.complete(".fo") == .replace(delete: 3, insert: ".format "))
        #expect(completer.complete(".format j") == .replace(delete: 1, insert: "json "))
        #expect(completer.complete(".timer o") == .list(["off", "on"]))
        #expect(completer.complete("kratom .fo") == .none)
    }

    @Test func theLinesBeforeCount() {
        #expect(completer.complete("contai", pending: "kratom") == .replace(delete: 6, insert: "contains "))
        #expect(completer.complete("lim", pending: "kratom treats ?c") == .replace(delete: 3, insert: "limit "))
    }
}
