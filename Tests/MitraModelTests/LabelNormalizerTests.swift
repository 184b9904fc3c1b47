import MitraModel
import Testing

@Suite struct LabelNormalizerTests {
    @Test func emptyStaysEmpty() {
        #expect(LabelNormalizer.normalize("") == "")
    }

    @Test func oneWordIsLowercased() {
        #expect(LabelNormalizer.normalize("Kratom") == "kratom")
    }

    @Test func hyphensAndDashesBecomeOneSpace() {
        #expect(LabelNormalizer.normalize("mu-opioid receptor") == "mu opioid receptor")
        #expect(LabelNormalizer.normalize("mu\u{2011}opioid \u{2013}  receptor") == "mu opioid receptor")
    }

    @Test func microAndMuSignsBothSpellMu() {
        #expect(LabelNormalizer.normalize("\u{3BC}-opioid") == "mu opioid")
        #expect(LabelNormalizer.normalize("\u{B5}-Opioid") == "mu opioid")
    }

    @Test func curlyQuotesBecomeStraight() {
        #expect(LabelNormalizer.normalize("kratom\u{2019}s") == "kratom's")
    }
}

@Suite struct SpanTests {
    @Test func overlapAndContainment() {
        let a = Span(start: 0, end: 5)
        #expect(a.overlaps(Span(start: 4, end: 9)))
        #expect(!a.overlaps(Span(start: 5, end: 9)))
        #expect(a.contains(Span(start: 1, end: 5)))
    }

    @Test func scalarSliceCountsCodePoints() {
        let text = "μ-opioid 🌿 kratom"
        #expect(text.scalarSlice(Span(start: 11, end: 17)) == "kratom")
    }
}

@Suite struct ContentHashTests {
    @Test func sameTextSameHashOtherTextOtherHash() {
        #expect(ContentHash.hex(of: "kratom") == ContentHash.hex(of: "kratom"))
        #expect(ContentHash.hex(of: "kratom") != ContentHash.hex(of: "kratom "))
        #expect(ContentHash.hex(of: "").count == 32)
    }

    @Test func theHashOfNothingIsTheTwoLanesSeeds() {
        // Stores keep these hashes: a faster loop must give the values the lanes define.
        #expect(ContentHash.hex(of: "") == "cbf29ce484222325" + "84222325cbf29ce4")
    }

    @Test func aDocumentsHashIsItsTextsAndTakesNoPartInEquality() {
        let text = "Kratóm 🌿 may cause nausea."
        let a = Document(id: "a.txt", text: text, format: "text")
        let b = Document(id: "a.txt", text: text, format: "text")
        #expect(a.contentHash == ContentHash.hex(of: text))
        #expect(a.contentHash == a.contentHash)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != Document(id: "a.txt", text: text + " ", format: "text"))
    }
}
