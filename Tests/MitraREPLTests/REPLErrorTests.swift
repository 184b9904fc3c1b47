import MitraREPL
import Testing

@Suite struct REPLErrorTests {
    @Test func describesItself() {
        #expect(REPLError(message: "history cannot be written").description == "history cannot be written")
    }
}
