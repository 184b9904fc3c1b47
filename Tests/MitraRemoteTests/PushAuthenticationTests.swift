import Foundation
import MitraTestSupport
import Testing

/// Credentials reach the server as the scheme says, from options or the environment, and
/// failures a retry can fix are retried.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixtures.executable)))
struct PushAuthenticationTests {
    func push(_ stub: StubServer, _ extra: [String], environment: [String: String] = [:]) throws -> ProcessOutput {
        let (_, store) = try RemoteFixture.builtCorpus()
        return try RemoteFixture.run(["push", "--store", store, "--endpoint", stub.base, "--quiet"] + extra, environment: environment)
    }

    @Test func aBearerTokenFromTheEnvironmentIsSent() throws {
        let stub = try StubServer("store", "Bearer t0k-en")
        let denied = try push(stub, ["--retries", "0"])
        #expect(denied.status == 69 && denied.err.contains("(HTTP 401)"))
        let allowed = try push(stub, ["--retries", "0"], environment: ["MITRAGRAPH_SPARQL_TOKEN": "t0k-en"])
        #expect(allowed.status == 0, "\(allowed.err)")
        #expect((RemoteFixture.counts(allowed.out)?.sent ?? 0) > 10, "\(allowed.out)")
    }

    @Test func basicAuthenticationFromOptionsIsSent() throws {
        let stub = try StubServer("store", "Basic " + Data("ann:pa ss".utf8).base64EncodedString())
        let allowed = try push(stub, ["--retries", "0", "--user", "ann", "--password", "pa ss"])
        #expect(allowed.status == 0, "\(allowed.err)")
        let wrong = try push(stub, ["--retries", "0", "--user", "ann", "--password", "nope"])
        #expect(wrong.status == 69 && wrong.err.contains("basic authentication as ann") && !wrong.err.contains("nope"))
    }

    @Test func unavailableAnswersAreRetriedWithBackoff() throws {
        let failing = try StubServer("store", "", "2")
        let started = Date()
        let retried = try push(failing, ["--retries", "2"])
        #expect(retried.status == 0, "\(retried.err)")
        #expect(Date().timeIntervalSince(started) >= 1.4, "waited 0.5 s, then 1 s")
        let again = try StubServer("store", "", "1")
        let gaveUp = try push(again, ["--retries", "0"])
        #expect(gaveUp.status == 69 && gaveUp.err.contains("(HTTP 503)"), "\(gaveUp.err)")
    }
}
