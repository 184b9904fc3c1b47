import MitraQuery
import Testing

/// Scripts cut into statements at `;` and empty lines, never inside strings or comments.
@Suite struct StatementSplitterTests {
    @Test func semicolonsAndEmptyLinesEndStatements() {
        #expect(StatementSplitter.split("contested; kratom treats ?c\norder by ?c;\n\ndescribe kratom\n\ncount where ?s any ?o")
            == ["contested;", "kratom treats ?c\norder by ?c;", "describe kratom", "count where ?s any ?o"])
    }

    @Test func notInsideStringsOrComments() {
        #expect(StatementSplitter.split("find ?c where ?c treats \"a;b\"; # one; two\nkratom treats ?c")
            == ["find ?c where ?c treats \"a;b\";", "# one; two\nkratom treats ?c"])
        #expect(StatementSplitter.split("describe 'x;\n\ny'") == ["describe 'x;\n\ny'"])
    }

    @Test func emptyStatementsAreDropped() {
        #expect(StatementSplitter.split(";;\n\n  ;") == [])
    }

    @Test func terminated() {
        #expect(StatementSplitter.isTerminated("kratom treats ?c;"))
        #expect(StatementSplitter.isTerminated("kratom treats ?c ;  "))
        #expect(!StatementSplitter.isTerminated("kratom treats ?c"))
        #expect(!StatementSplitter.isTerminated("describe \"a;"))
        #expect(!StatementSplitter.isTerminated("kratom treats ?c # done;"))
    }
}
