import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP response as the remote layer reads it.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Blocking HTTP over URLSession with authentication, a timeout per request and retries
/// with exponential backoff for what a retry can fix (no answer, a timeout, 502–504, 429).
final class HTTPClient: @unchecked Sendable {
    let credentials: Credentials
    let timeout: Double
    let retries: Int
    /// Seconds before the first retry; each next one waits twice as long.
    let backoff: Double
    private let session: URLSession
    private var digestState: DigestChallenge?
    private let challenges = ChallengeRefuser()
    private let lock = NSLock()

    init(credentials: Credentials, timeout: Double, retries: Int, backoff: Double = 0.5) {
        self.credentials = credentials
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends a request, answering a digest challenge and retrying what may pass next time.
    /// Throws `RemoteError` for no answer or a timeout; any HTTP status is returned.
    func send(method: String, url: URL, headers: [String: String] = [:], body: [UInt8]? = nil) throws -> HTTPResponse {
        var attempt = 0
        while true {
            do {
                let response = try sendAuthenticated(method: method, url: url, headers: headers, body: body)
                if attempt < retries, [429, 502, 503, 504].contains(response.status) {
                    pause(attempt)
                    attempt += 1
                    continue
                }
                return response
            } catch let error as RemoteError where error.kind == .unreachable || error.kind == .timeout {
                if attempt >= retries { throw error }
                pause(attempt)
                attempt += 1
            }
        }
    }

    private func pause(_ attempt: Int) {
        Thread.sleep(forTimeInterval: backoff * Double(1 << min(attempt, 6)))
    }

    private func sendAuthenticated(method: String, url: URL, headers: [String: String], body: [UInt8]?) throws -> HTTPResponse {
        var headers = headers
        switch credentials {
        case .none: break
        case .basic(let user, let password):
            headers["Authorization"] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            headers["Authorization"] = "Bearer " + token
        case .digest(let user, let password):
            if let authorization = nextDigest(user: user, password: password, method: method, url: url) {
                headers["Authorization"] = authorization
            }
            let response = try once(method: method, url: url, headers: headers, body: body)
            guard response.status == 401, let header = response.header("WWW-Authenticate"),
                  let challenge = DigestChallenge(header: header) else { return response }
            lock.lock()
            digestState = challenge
            lock.unlock()
            headers["Authorization"] = nextDigest(user: user, password: password, method: method, url: url)
            return try once(method: method, url: url, headers: headers, body: body)
        }
        return try once(method: method, url: url, headers: headers, body: body)
    }

    private func nextDigest(user: String, password: String, method: String, url: URL) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard var state = digestState else { return nil }
        let value = state.authorization(user: user, password: password, method: method, uri: Self.requestURI(url))
        digestState = state
        return value
    }

    /// The path and query as the request line carries them, which digest signs.
    static func requestURI(_ url: URL) -> String {
        var text = url.path.isEmpty ? "/" : url.path
        if let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery { text += "?" + query }
        return text
    }

    private func once(method: String, url: URL, headers: [String: String], body: [UInt8]?) throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.data = data
            box.response = response as? HTTPURLResponse
            box.error = error
            done.signal()
        }
        task.resume()
        // URLSession's own timeout should fire first; this bound guards against it not doing so.
        if done.wait(timeout: .now() + timeout * 4 + 1) == .timedOut {
            task.cancel()
            throw RemoteError(kind: .timeout, endpoint: Self.display(url), message: "no answer within \(Self.seconds(timeout))")
        }
        if let challenged = challenges.take(task.taskIdentifier) {
            box.response = challenged
            box.error = nil
        }
        if let error = box.error {
            let code = (error as? URLError)?.code
            if code == .timedOut {
                throw RemoteError(kind: .timeout, endpoint: Self.display(url), message: "no answer within \(Self.seconds(timeout))")
            }
            throw RemoteError(kind: .unreachable, endpoint: Self.display(url), message: "cannot connect (\(error.localizedDescription))")
        }
        guard let http = box.response else {
            throw RemoteError(kind: .notSPARQL, endpoint: Self.display(url), message: "the answer was not HTTP")
        }
        var headerFields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headerFields[key] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headerFields, body: [UInt8](box.data ?? Data()))
    }

    /// A URL as errors show it: never with credentials in it.
    static func display(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? url.absoluteString
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

/// Hands every 401 back as a response: this layer answers challenges itself (digest) or
/// reports them, where URLSession's own handling would wait for credentials it never gets.
///
/// FoundationNetworking then ends the task as cancelled, without the response; the refuser
/// keeps the challenge's response so the caller still sees the 401 and its headers.
private final class ChallengeRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private var refused: [Int: HTTPURLResponse] = [:]
    private let lock = NSLock()

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let response = challenge.failureResponse as? HTTPURLResponse {
            lock.lock()
            refused[task.taskIdentifier] = response
            lock.unlock()
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// The challenged response of a task, once.
    func take(_ task: Int) -> HTTPURLResponse? {
        lock.lock()
        defer { lock.unlock() }
        return refused.removeValue(forKey: task)
    }
}

/// What a finished data task handed back, read after its semaphore is signalled.
private final class ResponseBox: @unchecked Sendable {
    var data: Data?
    var response: HTTPURLResponse?
    var error: Error?
}

/// A server's digest challenge, and the request counter that signs each next request.
struct DigestChallenge {
    var realm: String
    var nonce: String
    var opaque: String?
    var qop: String?
    var algorithm: String
    var count = 0

    init?(header: String) {
        guard header.lowercased().hasPrefix("digest") else { return nil }
        var fields: [String: String] = [:]
        var rest = Substring(header.dropFirst("digest".count))
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<end])
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            fields[key] = value
        }
        guard let realm = fields["realm"], let nonce = fields["nonce"] else { return nil }
        self.realm = realm
        self.nonce = nonce
        opaque = fields["opaque"]
        qop = fields["qop"].flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains("auth") ? "auth" : nil }
        algorithm = fields["algorithm"] ?? "MD5"
    }

    /// The Authorization header for the next request, counting it.
    mutating func authorization(user: String, password: String, method: String, uri: String, cnonce: String? = nil) -> String {
        count += 1
        let nc = String(format: "%08x", count)
        let cnonce = cnonce ?? String(MD5.hex("\(nonce):\(count):\(UInt64.random(in: 0...UInt64.max))").prefix(16))
        let ha1 = MD5.hex("\(user):\(realm):\(password)")
        let ha2 = MD5.hex("\(method):\(uri)")
        var header = "Digest username=\"\(user)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", algorithm=\(algorithm)"
        if qop != nil {
            let response = MD5.hex("\(ha1):\(nonce):\(nc):\(cnonce):auth:\(ha2)")
            header += ", qop=auth, nc=\(nc), cnonce=\"\(cnonce)\", response=\"\(response)\""
        } else {
            header += ", response=\"\(MD5.hex("\(ha1):\(nonce):\(ha2)"))\""
        }
        if let opaque { header += ", opaque=\"\(opaque)\"" }
        return header
    }
}
