import MitraExtraction
import MitraModel
import Testing

@Suite struct ExtractorTests {
    @Test func emptyTextGivesNothing() {
        let result = ExtractionFixture.result("")
        #expect(result.sentences.isEmpty && result.mentions.isEmpty && result.claims.isEmpty)
    }

    @Test func aClaimKeepsItsProvenance() throws {
        let text = "Kratom is a plant.\nKratom contains mitragynine."
        let claim = try #require(ExtractionFixture.result(text, id: "a/b.txt").claims.first)
        let scalars = Array(text.unicodeScalars)
        #expect(claim.documentID == "a/b.txt")
        #expect(claim.sentenceIndex == 1)
        #expect(claim.sentence == "Kratom contains mitragynine.")
        #expect(String(String.UnicodeScalarView(scalars[claim.subjectSpan.start..<claim.subjectSpan.end])) == "Kratom")
        #expect(String(String.UnicodeScalarView(scalars[claim.objectSpan.start..<claim.objectSpan.end])) == "mitragynine")
        #expect(claim.rule == "trigger-between")
        #expect(claim.confidence > 0 && claim.confidence <= 1)
    }

    @Test func noClaimOutsideDomainAndRange() {
        // "treats" needs a condition; a receptor is not one.
        #expect(ExtractionFixture.plain("Kratom treats opioid receptors.").isEmpty)
    }

    @Test func noClaimAcrossSentencesWithoutAnAnaphor() {
        #expect(ExtractionFixture.plain("Kratom is a tree. Acupuncture relieves pain.") == ["acupuncture treats pain"])
    }

    @Test func passiveTriggersTurnAround() {
        #expect(ExtractionFixture.plain("Alkaloids such as mitragynine are found in kratom.") == ["kratom contains mitragynine"])
        #expect(ExtractionFixture.plain("Constipation is often caused by opioids.") == ["opioid has_adverse_effect constipation"])
    }

    @Test func anEffectOfASubstance() {
        #expect(ExtractionFixture.plain("Kratom can add to the sedating effects of opioids and alcohol.")
            == ["opioid has_adverse_effect sedation", "alcohol has_adverse_effect sedation"])
    }

    @Test func anAuxiliaryBeforeAVerbLabel() {
        #expect(ExtractionFixture.plain("High doses of 7-OH do depress breathing.")
            == ["7-hydroxymitragynine has_adverse_effect respiratory-depression"])
        #expect(ExtractionFixture.plain("Kratom does not depress respiration.")
            == ["kratom has_adverse_effect respiratory-depression (denied)"])
    }

    @Test func aSubjectForACondition() {
        #expect(ExtractionFixture.plain("Many adults use kratom for fibromyalgia.") == ["kratom treats fibromyalgia"])
    }

    @Test func sameResultsFromSeveralThreads() async {
        let texts = (0..<16).map { "Kratom is a plant. It relieves pain \($0) times without nausea. Opioids cause constipation." }
        let expected = texts.map { ExtractionFixture.result($0).claims }
        let extractor = ExtractionFixture.extractor
        let results = await withTaskGroup(of: (Int, [Claim]).self) { group in
            for (i, text) in texts.enumerated() {
                group.addTask { (i, extractor.extract(Document(id: "test.txt", text: text, format: "text")).claims) }
            }
            var out = Array(repeating: [Claim](), count: texts.count)
            for await (i, claims) in group { out[i] = claims }
            return out
        }
        #expect(results == expected)
        #expect(expected[0].count == 3)
    }

    @Test func anEnormousLineIsCutIntoBoundedPieces() {
        let line = String(repeating: "kratom pain nausea ", count: 20_000)
        let result = ExtractionFixture.result(line)
        #expect(result.sentences.allSatisfy { $0.span.length <= SentenceSplitter.maximumLength })
        #expect(result.sentences.count >= line.count / SentenceSplitter.maximumLength)
        #expect(result.mentions.count == 60_000)
    }

    @Test func anEnormousLineFullOfClaimsStaysFast() {
        let line = String(repeating: "Kratom relieves pain and it is addictive, without causing nausea, and mitragynine binds to opioid receptors ", count: 2_000)
        let started = ContinuousClock.now
        let result = ExtractionFixture.result(line)
        #expect(!result.claims.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
