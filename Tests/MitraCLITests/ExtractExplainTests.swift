import Foundation
import MitraTestSupport
import Testing

private let executable = Fixtures.repositoryRoot + "/.build/debug/mitragraph"

/// `extract --explain` as exact text, run as a user runs it, on standard input.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct ExtractExplainTests {
    func explain(_ text: String) throws -> String {
        let r = try Fixtures.run(executable, ["extract", "--explain", "-"], input: text, directory: Fixtures.repositoryRoot)
        #expect(r.status == 0)
        return r.out
    }

    @Test func aListItemUnderALeadIn() throws {
        #expect(try explain("Kratom is sold online.\nCommon side effects may include:\n- nausea\n") == """
            stdin: kratom has_adverse_effect nausea (affirmed, hedged)
              sentence 2: - nausea
              rule: list-lead-in (confidence 0.6)
              trigger: "side effects" at 30..<42
              subject: "side effects" at 30..<42: the document's plant: the lead-in names no subject
              object: "nausea" at 58..<64: an item of the list under the lead-in
              lead-in: sentence 1: Common side effects may include:

            """)
    }

    @Test func aDenialAHedgeAndAHolder() throws {
        #expect(try explain("Users report that kratom does not cause constipation, but it may lead to dependence.\n") == """
            stdin: kratom has_adverse_effect constipation (denied, hedged)
              sentence 0: Users report that kratom does not cause constipation, but it may lead to dependence.
              rule: trigger-between (confidence 0.8)
              trigger: "cause" at 34..<39
              subject: "kratom" at 18..<24: the nearest fitting mention before the trigger
              object: "constipation" at 40..<52: the nearest fitting mention after the trigger, with what is coordinated with it
              denied by: "does not" at 25..<33
              hedged by: "Users report" at 0..<12
              holder: users
            stdin: kratom has_adverse_effect dependence (affirmed, hedged)
              sentence 0: Users report that kratom does not cause constipation, but it may lead to dependence.
              rule: anaphor-subject (confidence 0.65)
              trigger: "lead to" at 65..<72
              subject: "it" at 58..<60: a phrase that stands for the document's plant
              object: "dependence" at 73..<83: the nearest fitting mention after the trigger, with what is coordinated with it
              hedged by: "may" at 61..<64
              holder: users

            """)
    }

    @Test func aComparisonIsPassedOver() throws {
        #expect(try explain("Kratom is a plant. In large doses it acts like morphine, causing sedation.\n") == """
            stdin: kratom has_adverse_effect sedation (affirmed)
              sentence 1: In large doses it acts like morphine, causing sedation.
              rule: anaphor-subject (confidence 0.65)
              trigger: "causing" at 57..<64
              subject: "it" at 34..<36: a phrase that stands for the document's plant, not what it is compared with
              object: "sedation" at 65..<73: the nearest fitting mention after the trigger, with what is coordinated with it

            """)
    }

    @Test func aNegationEndsAtACoordinatedNewPredicate() throws {
        #expect(try explain("Kratom is not an approved medicine and can cause addiction.\n") == """
            stdin: kratom has_adverse_effect addiction (affirmed)
              sentence 0: Kratom is not an approved medicine and can cause addiction.
              rule: trigger-between (confidence 0.8)
              trigger: "cause" at 43..<48
              subject: "Kratom" at 0..<6: the nearest fitting mention before the trigger
              object: "addiction" at 49..<58: the nearest fitting mention after the trigger, with what is coordinated with it
              not denied: the scope of "is not" at 7..<13 ends at "and" at 35..<38, a new predicate

            """)
    }

    @Test func relativeClausesDecideTheEnds() throws {
        #expect(try explain("Kratom, which is often mixed with alcohol, can cause liver injury.\n") == """
            stdin: kratom has_adverse_effect liver-injury (affirmed)
              sentence 0: Kratom, which is often mixed with alcohol, can cause liver injury.
              rule: trigger-between (confidence 0.8)
              trigger: "cause" at 47..<52
              subject: "Kratom" at 0..<6: the nearest fitting mention before the trigger, past the relative clause that describes it
              object: "liver injury" at 53..<65: the nearest fitting mention after the trigger, with what is coordinated with it

            """)
        #expect(try explain("These are the mu-opioid receptors that oxycodone acts on.\n") == """
            stdin: oxycodone interacts_with mu-opioid-receptor (affirmed)
              sentence 0: These are the mu-opioid receptors that oxycodone acts on.
              rule: relative-object (confidence 0.65)
              trigger: "acts on" at 49..<56
              subject: "oxycodone" at 39..<48: the nearest fitting mention before the trigger, inside the relative clause
              object: "mu-opioid receptors" at 14..<33: the noun the relative clause around the trigger describes

            """)
    }
}
