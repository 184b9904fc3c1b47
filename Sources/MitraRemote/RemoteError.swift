/// A failure talking to a remote SPARQL store: what was asked of which endpoint, the HTTP
/// status when there was one, and the start of the body the server sent.
public struct RemoteError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// Nothing answered: refused, unreachable, or a name that does not resolve.
        case unreachable
        /// No answer within the timeout.
        case timeout
        /// The server said no to the credentials (401 or 403).
        case unauthorized
        /// The server answered with an error status.
        case httpStatus
        /// The server answered, but not as a SPARQL store would.
        case notSPARQL
        /// A URL or option that cannot be used.
        case badConfiguration
    }

    public var kind: Kind
    /// The URL asked, without credentials.
    public var endpoint: String
    public var status: Int?
    public var message: String
    /// The first bytes of the response body, printable.
    public var bodyStart: String

    public init(kind: Kind, endpoint: String, status: Int? = nil, message: String, bodyStart: String = "") {
        self.kind = kind
        self.endpoint = endpoint
        self.status = status
        self.message = message
        self.bodyStart = bodyStart
    }

    public var description: String {
        var text = "\(endpoint): \(message)"
        if let status { text += " (HTTP \(status))" }
        if !bodyStart.isEmpty { text += "; the server said: \(bodyStart)" }
        return text
    }

    /// The start of a body as one printable line, at most `limit` characters.
    static func excerpt(_ body: [UInt8], limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let flat = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        let squeezed = flat.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return squeezed.count > limit ? String(squeezed.prefix(limit)) + "…" : squeezed
    }
}
