import Foundation

/// How requests to an endpoint authenticate. Secrets are held here and never printed: the
/// description names only the scheme and the user.
public enum Credentials: Sendable, CustomStringConvertible {
    case none
    case basic(user: String, password: String)
    case bearer(token: String)
    /// RFC 2617/7616 digest (MD5, qop=auth), as Virtuoso's graph store asks for.
    case digest(user: String, password: String)

    public var description: String {
        switch self {
        case .none: "no authentication"
        case .basic(let user, _): "basic authentication as \(user)"
        case .bearer: "a bearer token"
        case .digest(let user, _): "digest authentication as \(user)"
        }
    }

    /// The credentials an option set or the environment gives: a token means bearer; a user
    /// means basic, or digest when asked. Options win over `MITRAGRAPH_SPARQL_USER`,
    /// `MITRAGRAPH_SPARQL_PASSWORD` and `MITRAGRAPH_SPARQL_TOKEN`.
    public static func from(
        user: String?, password: String?, token: String?, digest: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Credentials {
        let token = token ?? environment["MITRAGRAPH_SPARQL_TOKEN"]
        let user = user ?? environment["MITRAGRAPH_SPARQL_USER"]
        let password = password ?? environment["MITRAGRAPH_SPARQL_PASSWORD"] ?? ""
        if let token, !token.isEmpty { return .bearer(token: token) }
        guard let user, !user.isEmpty else { return .none }
        return digest ? .digest(user: user, password: password) : .basic(user: user, password: password)
    }
}
