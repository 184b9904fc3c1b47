import MitraExtraction
import MitraModel
import Testing

/// Sentences and coordinations as real pages write them.
@Suite struct WebTextTests {
    func sentences(_ text: String) -> [String] {
        SentenceSplitter().sentences(in: Array(text.unicodeScalars)).map { r in
            String(String.UnicodeScalarView(Array(text.unicodeScalars)[r]))
        }
    }

    @Test func citationMarkersStayWithTheSentenceTheyEnd() {
        #expect(sentences("It binds receptors.[3] Next it acts.") == ["It binds receptors.[3]", "Next it acts."])
        #expect(sentences("It binds receptors.28 Unlike morphine, it is weak.") == [
            "It binds receptors.28", "Unlike morphine, it is weak.",
        ])
        #expect(sentences("It is sold online.³ It is cheap.") == ["It is sold online.³", "It is cheap."])
    }

    @Test func aFullStopGluedToTheNextSentence() {
        #expect(sentences("Stop daily use.Kratom is strong.") == ["Stop daily use.", "Kratom is strong."])
        #expect(sentences("Sold in the U.S. since 2010.") == ["Sold in the U.S. since 2010."])
    }

    @Test func lowercaseStartsAndEmoticons() {
        #expect(sentences("it helps a lot. my back is better?? yes") == ["it helps a lot.", "my back is better??", "yes"])
        #expect(sentences("works for me :) my doc agrees") == ["works for me :)", "my doc agrees"])
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("Smith et al. found it, vs. approx. five others.").count == 1)
    }

    @Test func parentheticalStatisticsAreSkippedInACoordination() {
        #expect(TinyOntology.claims("Kratom relieves pain (n = 702, 62.8%) and insomnia (n = 311).") == [
            "kratom treats pain [trigger-between]", "kratom treats insomnia [trigger-between]",
        ])
    }

    @Test func whatIsComparedWithIsNeverTheSubject() {
        #expect(TinyOntology.claims("In large doses it acts like morphine, causing sedation.\nKratom is a plant.")
            .filter { $0.hasPrefix("morphine") } == [])
        #expect(TinyOntology.claims("Kratom is a plant.\nIt acts like morphine, causing sedation.") == [
            "kratom has_adverse_effect sedation [anaphor-subject]",
        ])
    }

    @Test func cuesMatchTheirInflections() {
        #expect(TinyOntology.claims("Kratom relieved pain.") == ["kratom treats pain [trigger-between]"])
        #expect(TinyOntology.claims("Kratom caused nausea.") == ["kratom has_adverse_effect nausea [trigger-between]"])
        #expect(TinyOntology.claims("Mitragynine bound to opioid receptors.") == [
            "mitragynine interacts_with opioid-receptor [trigger-between]",
        ])
    }

    @Test func inflectorForms() {
        #expect(Set(Inflector.forms(of: "lead")) == ["leads", "leading", "led"])
        #expect(Set(Inflector.forms(of: "ban")) == ["bans", "banned", "banning"])
        #expect(Set(Inflector.forms(of: "ease")) == ["eases", "eased", "easing"])
        #expect(Inflector.forms(of: "to") == [])
    }
}

/// Forum shorthand the ontology lists as hidden labels, in lowercase.
@Suite struct ForumShorthandTests {
    @Test func lowercaseShorthandIsAMention() {
        #expect(ExtractionFixture.mentions("those 7oh shots gave me rls all night") == ["7-hydroxymitragynine", "restless-legs-syndrome"])
        #expect(ExtractionFixture.mentions("people are ODing on 7oh") == ["overdose", "7-hydroxymitragynine"])
    }

    @Test func turnedIntoAnAddiction() {
        #expect(ExtractionFixture.plain("i used kratum for my back and it turned into a full blown addiction")
            .contains("kratom has_adverse_effect addiction"))
    }
}
