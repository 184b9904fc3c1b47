import MitraIngest
import Testing

/// Line endings normalized, other text left as it is.
@Suite struct TextCleanerTests {
    @Test func carriageReturnsBecomeLineBreaks() {
        #expect(TextCleaner.clean("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n")
        #expect(TextCleaner.clean(Substring("x\r\ny").description) == "x\ny")
    }

    @Test func aTextWithoutCarriageReturnsIsUnchanged() {
        let text = "Kratóm 🌿\nleaf\ttea\n"
        #expect(TextCleaner.clean(text) == text)
    }
}
