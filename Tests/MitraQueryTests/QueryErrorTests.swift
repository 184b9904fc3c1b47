import Foundation
import MitraStore
import MitraModel
import MitraQuery
import Testing

/// Each kind of error, with its exact message and where its caret points.
@Suite struct QueryErrorTests {
    @Test func rendersLineAndColumnFirst() {
        #expect(QueryError(line: 1, column: 7, message: "expected a predicate").description
            == "1:7: error: expected a predicate")
    }

    @Test func rendersTheLineAndACaret() {
        let error = QueryError(line: 1, column: 8, message: "unknown predicate 'treat'", sourceLine: "kratom treat ?c")
        #expect(error.description == "1:8: error: unknown predicate 'treat'\nkratom treat ?c\n       ^")
    }

    func error(_ query: String) -> QueryError? {
        do {
            _ = try QueryEngine(store: FixtureGraph.shared).run(query)
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            Issue.record("not a QueryError: \(error)")
            return nil
        }
    }

    @Test func unexpectedEndOfInput() throws {
        let e = try #require(error("find ?a where"))
        #expect(e.kind == .syntax)
        #expect(e.description == "1:14: error: expected a triple pattern or a condition, found end of input\nfind ?a where\n             ^")
    }

    @Test func unexpectedToken() throws {
        let e = try #require(error("find ?a, where kratom contains ?a"))
        #expect(e.description == "1:10: error: expected a variable, count(…) or an edge attribute (support, denials, claims, hedged), found 'where'\nfind ?a, where kratom contains ?a\n         ^")
    }

    @Test func unexpectedCharacter() throws {
        let e = try #require(error("kratom @ ?x"))
        #expect(e.description == "1:8: error: unexpected character '@'\nkratom @ ?x\n       ^")
    }

    @Test func unterminatedString() throws {
        let e = try #require(error("kratom treats \"chronic pain"))
        #expect(e.description == "1:15: error: unterminated string; expected a closing \"\nkratom treats \"chronic pain\n              ^")
    }

    @Test func trailingText() throws {
        let e = try #require(error("contested limit 2 3"))
        #expect(e.description == "1:19: error: expected end of the query, found '3'\ncontested limit 2 3\n                  ^")
    }

    /// Errors that teach: the habits of other languages and the slips of typing.
    @Test(arguments: [
        ("kratom treats chronic pain", "1:23: error: expected end of the query, found 'pain'; did you mean \"chronic pain\"? (a name with spaces is quoted)"),
        ("path kratom to mu opioid receptor max 2", "1:19: error: expected end of the query, found 'opioid'; did you mean \"mu opioid receptor\"? (a name with spaces is quoted)"),
        ("select ?a where kratom contains ?a", "1:1: error: unknown command 'select'; did you mean 'find'?"),
        ("MATCH ?a, ?b where ?a treats ?b", "1:1: error: unknown command 'MATCH'; did you mean 'find'?"),
        ("fnd ?a where kratom contains ?a", "1:1: error: unknown command 'fnd'; did you mean 'find'?"),
        ("kratom treats ?c where suport >= 2", "1:24: error: unknown filter 'suport'; did you mean 'support'?"),
        ("kratom treats ?c where hedgd", "1:24: error: unknown filter 'hedgd'; did you mean 'hedged'?"),
        ("kratom treats ?c limt 3", "1:18: error: expected end of the query, found 'limt'; did you mean 'limit'?"),
        ("kratom treats ?c oder by ?c", "1:18: error: expected end of the query, found 'oder'; did you mean 'order'?"),
    ])
    func errorsThatTeach(query: String, headline: String) throws {
        let e = try #require(error(query))
        #expect(e.kind == .syntax)
        #expect(e.headline == headline)
    }

    /// A pattern whose subject is close to a command is still read as a pattern.
    @Test func aNameLikeACommandIsNoCommand() throws {
        let e = try #require(error("pain ^treats ?x limt 3"))
        #expect(e.headline == "1:17: error: expected end of the query, found 'limt'; did you mean 'limit'?")
    }

    @Test func unknownEntitySuggestsTheNearestLabels() throws {
        let e = try #require(error("kratum treats ?c"))
        #expect(e.kind == .unknownEntity)
        #expect(e.description == "1:1: error: unknown entity 'kratum'; did you mean 'kratom' or 'ketum'?\nkratum treats ?c\n^")
    }

    @Test func unknownEntityWithNothingNear() throws {
        let e = try #require(error("path kratom to \"zebra crossing\""))
        #expect(e.description == "1:16: error: unknown entity 'zebra crossing'\npath kratom to \"zebra crossing\"\n               ^")
    }

    @Test func unknownPredicateSuggestsTheNearest() throws {
        let e = try #require(error("kratom treat ?c"))
        #expect(e.kind == .unknownPredicate)
        #expect(e.description == "1:8: error: unknown predicate 'treat'; did you mean 'treats'?\nkratom treat ?c\n       ^")
    }

    @Test func unknownClassSuggestsTheNearest() throws {
        let e = try #require(error("find ?a where ?a:Alkaloid interacts_with ?r:Receptr"))
        #expect(e.kind == .unknownClass)
        #expect(e.description == "1:45: error: unknown class 'Receptr'; did you mean 'Receptor'?\nfind ?a where ?a:Alkaloid interacts_with ?r:Receptr\n                                            ^")
    }

    @Test func errorOnTheSecondLinePointsThere() throws {
        let e = try #require(error("find ?a\nwhere ?a interacts_wit ?r"))
        #expect(e.description == "2:10: error: unknown predicate 'interacts_wit'; did you mean 'interacts_with'?\nwhere ?a interacts_wit ?r\n         ^")
    }

    @Test func unboundVariable() throws {
        let e = try #require(error("find ?z where kratom treats ?c"))
        #expect(e.kind == .invalid)
        #expect(e.description == "1:6: error: ?z is not bound by any pattern\nfind ?z where kratom treats ?c\n     ^")
    }

    @Test func orderByAColumnNotReturned() throws {
        let e = try #require(error("find ?c where ?x treats ?c order by ?x"))
        #expect(e.description == "1:37: error: order by ?x needs ?x among the columns\nfind ?c where ?x treats ?c order by ?x\n                                    ^")
    }

    @Test func pathBoundsOutOfRange() throws {
        let e = try #require(error("path kratom to pain max 11"))
        #expect(e.description == "1:25: error: max must be between 1 and 10\npath kratom to pain max 11\n                        ^")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let e = try #require(error("kratom treats ?c where " + String(repeating: "not ", count: 100_000) + "hedged"))
        #expect(e.headline == "1:280: error: the query nests more than 64 levels deep")
        let parens = try #require(error("kratom treats ?c where " + String(repeating: "(", count: 100_000) + "hedged"))
        #expect(parens.headline == "1:88: error: the query nests more than 64 levels deep")
        let explains = try #require(error(String(repeating: "explain ", count: 10_000) + "contested"))
        #expect(explains.headline == "1:513: error: the query nests more than 64 levels deep")
    }

    @Test func timeoutStopsALongQuery() throws {
        do {
            _ = try QueryEngine(store: FixtureGraph.shared).run("count where ?a any{1,10} ?b", timeout: 0)
            Issue.record("a query past its deadline must stop")
        } catch let error as QueryError {
            #expect(error.kind == .timeout)
            #expect(error.description == "1:1: error: the query ran longer than 0 s and was stopped")
        }
    }

    @Test func cancellingFromAnotherThreadInterrupts() throws {
        let canceller = QueryCanceller()
        let engine = QueryEngine(store: FixtureGraph.shared)
        // run() resets the canceller as it starts, so keep cancelling until it returns; the
        // query (a cross product of path patterns) would take minutes on the fixture.
        final class Done: @unchecked Sendable {
            private let lock = NSLock()
            private var value = false
            var isSet: Bool { lock.withLock { value } }
            func set() { lock.withLock { value = true } }
        }
        let done = Done()
        defer { done.set() }
        Thread.detachNewThread {
            while !done.isSet {
                canceller.cancel()
                usleep(10_000)
            }
        }
        let started = Date()
        do {
            _ = try engine.run("count where ?a any{1,9} ?b, ?c any{1,9} ?d, ?e any{1,9} ?f, ?g any{1,9} ?h, ?i any ?j, ?k any ?l",
                               canceller: canceller)
            Issue.record("an interrupted query must stop")
        } catch let error as QueryError {
            #expect(error.kind == .interrupted)
            #expect(error.description == "1:1: error: the query was interrupted")
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

@Suite struct KeywordTests {
    @Test func keywordsMatchInAnyASCIICaseOnly() {
        let p = SourcePosition(line: 1, column: 1)
        #expect(Token(.word("FIND"), at: p).isKeyword("find"))
        #expect(Token(.word("Find"), at: p).isKeyword("find"))
        #expect(!Token(.word("finds"), at: p).isKeyword("find"))
        #expect(!Token(.word("fin"), at: p).isKeyword("find"))
        // '@' is 'a' - 0x21 and 'F' | 0x20 is 'f': only letters fold.
        #expect(!Token(.word("@ny"), at: p).isKeyword("any"))
        #expect(!Token(.string("find"), at: p).isKeyword("find"))
        // The Kelvin sign lowercases to an ASCII k, as Unicode folds it.
        #expect(Token(.word("\u{212A}ratom"), at: p).isKeyword("kratom"))
    }
}
