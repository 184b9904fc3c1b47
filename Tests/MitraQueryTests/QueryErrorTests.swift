import MitraQuery
import Testing

@Suite struct QueryErrorTests {
    @Test func rendersLineAndColumnFirst() {
        #expect(QueryError(line: 1, column: 7, message: "expected a predicate").description
            == "1:7: error: expected a predicate")
    }
}
