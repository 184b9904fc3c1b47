@testable import MitraRemote
import Testing

/// Digest authentication's pieces against the published examples.
@Suite struct DigestTests {
    @Test func md5MatchesRFC1321() {
        #expect(MD5.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func answersRFC2617sExampleChallenge() throws {
        var challenge = try #require(DigestChallenge(header: """
            Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", \
            opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """))
        let header = challenge.authorization(user: "Mufasa", password: "Circle Of Life", method: "GET",
                                             uri: "/dir/index.html", cnonce: "0a4f113b")
        #expect(header.contains("response=\"6629fae49393a05397450978507c4ef1\""))
        #expect(header.contains("nc=00000001") && header.contains("qop=auth,") && header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""))
        #expect(challenge.authorization(user: "Mufasa", password: "x", method: "GET", uri: "/").contains("nc=00000002"))
    }

    @Test func credentialsComeFromOptionsBeforeTheEnvironmentAndNeverPrintSecrets() {
        let environment = ["MITRAGRAPH_SPARQL_USER": "env-user", "MITRAGRAPH_SPARQL_PASSWORD": "env-secret"]
        let fromEnvironment = Credentials.from(user: nil, password: nil, token: nil, digest: true, environment: environment)
        #expect(fromEnvironment.description == "digest authentication as env-user")
        let fromOption = Credentials.from(user: "opt", password: "pw", token: nil, digest: false, environment: environment)
        #expect(fromOption.description == "basic authentication as opt")
        let token = Credentials.from(user: nil, password: nil, token: "tok-123", digest: false, environment: [:])
        #expect(token.description == "a bearer token")
        #expect(!"\(fromEnvironment) \(fromOption) \(token)".contains("secret") && !"\(token)".contains("tok-123"))
    }
}
