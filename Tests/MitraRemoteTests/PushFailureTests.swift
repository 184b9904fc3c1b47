import Foundation
import MitraTestSupport
import Testing

/// A push that cannot complete exits non-zero, says which endpoint failed and how, and
/// leaves the local store byte for byte as it was.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixtures.executable)))
struct PushFailureTests {
    /// Pushes the built store to `base` and checks the failure and the untouched store.
    func expectFailure(_ base: String, extra: [String] = [], saying expected: [String]) throws {
        let (_, store) = try RemoteFixture.builtCorpus()
        let before = RemoteFixture.snapshot(store)
        let result = try RemoteFixture.run(
            ["push", "--store", store, "--endpoint", base, "--retries", "0", "--remote-timeout", "2"] + extra)
        #expect(result.status == 69, "\(result.err)")
        #expect(result.err.hasPrefix("mitragraph: \(base)/"), "\(result.err)")
        for text in expected { #expect(result.err.contains(text), "\(result.err)") }
        #expect(RemoteFixture.snapshot(store) == before)
    }

    @Test func aRefusedPortFails() throws {
        let port = try SPARQLServer.freePort()
        try expectFailure("http://127.0.0.1:\(port)", saying: ["cannot connect"])
    }

    @Test func a401FailsWithoutPrintingThePassword() throws {
        let stub = try StubServer("401")
        try expectFailure(stub.base, extra: ["--user", "alice", "--password", "s3cret-Pa55"],
                          saying: ["not authorized with basic authentication as alice", "(HTTP 401)"])
        let result = try RemoteFixture.run(["push", "--store", try RemoteFixture.builtCorpus().store, "--endpoint", stub.base,
                                            "--retries", "0", "--token", "t0ken-Value"])
        #expect(!result.err.contains("t0ken-Value") && !result.out.contains("t0ken-Value"))
        #expect(result.err.contains("a bearer token"))
    }

    @Test func a500FailsShowingTheStartOfTheBody() throws {
        let stub = try StubServer("500")
        try expectFailure(stub.base, saying: ["(HTTP 500)", "the server said: Internal failure: the store is on fire"])
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let stub = try StubServer("slow")
        let started = Date()
        try expectFailure(stub.base, saying: ["no answer within 2 s"])
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aWebServerThatIsNotASPARQLStoreFails() throws {
        let stub = try StubServer("html")
        try expectFailure(stub.base, saying: ["not SPARQL JSON results", "Welcome to nginx"])
    }
}
