import Foundation
import MitraModel

/// Where a SPARQL 1.1 store listens and how to talk to it. Paths default to Oxigraph's;
/// Virtuoso's are `/sparql` (query and update) and `/sparql-graph-crud-auth` (graph store,
/// digest authentication).
public struct EndpointConfiguration: Sendable {
    public var base: String
    public var queryPath = "/query"
    public var updatePath = "/update"
    public var storePath = "/store"
    public var credentials: Credentials = .none
    /// Seconds to wait for each answer.
    public var timeout: Double = 30
    /// Further attempts after a failure a retry can fix.
    public var retries = 3

    public init(base: String) {
        self.base = base
    }

    /// The base URL with trailing slashes dropped, so paths join cleanly; what the local
    /// store keys its push records by.
    public var key: String {
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// One SPARQL solution: variable name → term; unbound variables are absent.
public typealias SPARQLSolution = [String: Term]

/// A SPARQL 1.1 store reached over HTTP: the Protocol for queries and updates, the Graph
/// Store HTTP Protocol for replacing and deleting named graphs.
public final class SPARQLEndpoint: @unchecked Sendable {
    public let configuration: EndpointConfiguration
    let client: HTTPClient

    public init(_ configuration: EndpointConfiguration) throws {
        self.configuration = configuration
        guard let url = URL(string: configuration.key), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw RemoteError(kind: .badConfiguration, endpoint: configuration.base,
                              message: "is not an http:// or https:// URL of a SPARQL store")
        }
        client = HTTPClient(credentials: configuration.credentials, timeout: configuration.timeout, retries: configuration.retries)
    }

    func url(_ path: String, query: [(String, String)] = []) throws -> URL {
        let joined = configuration.key + (path.hasPrefix("/") ? path : "/" + path)
        guard var components = URLComponents(string: joined) else {
            throw RemoteError(kind: .badConfiguration, endpoint: joined, message: "is not a URL")
        }
        if !query.isEmpty {
            components.percentEncodedQuery = query.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        }
        guard let url = components.url else { throw RemoteError(kind: .badConfiguration, endpoint: joined, message: "is not a URL") }
        return url
    }

    /// Checks that a SPARQL store answers at the query path: `ASK {}` must come back as a
    /// SPARQL boolean result. Run before anything is sent or recorded.
    public func check() throws {
        _ = try ask("ASK {}")
    }

    /// Runs a SELECT query and returns its variables and solutions.
    public func select(_ query: String) throws -> (variables: [String], solutions: [SPARQLSolution]) {
        let (json, endpoint) = try queryJSON(query)
        guard let head = json["head"] as? [String: Any], let results = json["results"] as? [String: Any],
              let bindings = results["bindings"] as? [[String: Any]] else {
            throw RemoteError(kind: .notSPARQL, endpoint: endpoint, message: "the answer is not a SPARQL SELECT result")
        }
        let variables = head["vars"] as? [String] ?? []
        let solutions = try bindings.map { binding in
            var solution: SPARQLSolution = [:]
            for (name, value) in binding {
                guard let object = value as? [String: Any], let term = Self.term(object) else {
                    throw RemoteError(kind: .notSPARQL, endpoint: endpoint, message: "the answer binds ?\(name) to something that is not an RDF term")
                }
                solution[name] = term
            }
            return solution
        }
        return (variables, solutions)
    }

    /// Runs an ASK query.
    public func ask(_ query: String) throws -> Bool {
        let (json, endpoint) = try queryJSON(query)
        guard let answer = json["boolean"] as? Bool else {
            throw RemoteError(kind: .notSPARQL, endpoint: endpoint, message: "the answer is not a SPARQL boolean result")
        }
        return answer
    }

    /// Runs a SPARQL 1.1 Update.
    public func update(_ text: String) throws {
        let url = try url(configuration.updatePath)
        let response = try client.send(
            method: "POST", url: url, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Array(("update=" + Self.formEncode(text)).utf8))
        try expectSuccess(response, url: url, doing: "the update was refused")
    }

    /// Replaces a named graph with N-Triples (Graph Store Protocol PUT).
    public func putGraph(_ iri: String, nTriples: String) throws {
        let url = try url(configuration.storePath, query: [("graph", iri)])
        let response = try client.send(
            method: "PUT", url: url, headers: ["Content-Type": "application/n-triples"], body: Array(nTriples.utf8))
        try expectSuccess(response, url: url, doing: "replacing graph <\(iri)> failed")
    }

    /// Replaces a named graph through SPARQL 1.1 Update, for stores without the Graph Store
    /// Protocol: the graph dropped, then its statements inserted `chunk` lines a request
    /// (Virtuoso's SPARQL compiler runs out of memory on a large INSERT DATA). Statements
    /// with blank nodes all go in one request, since each request's blank nodes are new ones.
    public func replaceGraphByUpdate(_ iri: String, nTriples: String, chunk: Int = 1000) throws {
        let lines = nTriples.split(separator: "\n", omittingEmptySubsequences: true)
        let blank = lines.filter { $0.contains("_:") }
        var requests = blank.isEmpty ? [] : [blank]
        let plain = lines.filter { !$0.contains("_:") }
        for start in stride(from: 0, to: plain.count, by: chunk) { requests.append(Array(plain[start..<min(start + chunk, plain.count)])) }
        var first = "DROP SILENT GRAPH <\(iri)>"
        if requests.isEmpty { try update(first) }
        for part in requests {
            try update(first + (first.isEmpty ? "" : " ;\n") + "INSERT DATA { GRAPH <\(iri)> {\n" + part.joined(separator: "\n") + "\n} }")
            first = ""
        }
    }

    /// Deletes a named graph through SPARQL 1.1 Update.
    public func dropGraphByUpdate(_ iri: String) throws {
        try update("DROP SILENT GRAPH <\(iri)>")
    }

    /// Deletes a named graph (Graph Store Protocol DELETE); one that is not there is fine.
    public func deleteGraph(_ iri: String) throws {
        let url = try url(configuration.storePath, query: [("graph", iri)])
        let response = try client.send(method: "DELETE", url: url)
        if response.status == 404 { return }
        try expectSuccess(response, url: url, doing: "deleting graph <\(iri)> failed")
    }

    private func queryJSON(_ query: String) throws -> ([String: Any], String) {
        let url = try url(configuration.queryPath)
        let endpoint = HTTPClient.display(url)
        let response = try client.send(
            method: "POST", url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"],
            body: Array(("query=" + Self.formEncode(query)).utf8))
        try expectSuccess(response, url: url, doing: "the query was refused")
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)), let json = object as? [String: Any] else {
            throw RemoteError(kind: .notSPARQL, endpoint: endpoint, status: response.status,
                              message: "the answer is not SPARQL JSON results; is this a SPARQL store's query URL?",
                              bodyStart: RemoteError.excerpt(response.body))
        }
        return (json, endpoint)
    }

    private func expectSuccess(_ response: HTTPResponse, url: URL, doing what: String) throws {
        guard !(200..<300).contains(response.status) else { return }
        let endpoint = HTTPClient.display(url)
        let excerpt = RemoteError.excerpt(response.body)
        switch response.status {
        case 401, 403:
            let how = configuration.credentials.description
            throw RemoteError(kind: .unauthorized, endpoint: endpoint, status: response.status,
                              message: "\(what): not authorized with \(how)", bodyStart: excerpt)
        case 404, 405:
            throw RemoteError(kind: .notSPARQL, endpoint: endpoint, status: response.status,
                              message: "\(what): no SPARQL service at this path (see --query-path, --update-path, --store-path)",
                              bodyStart: excerpt)
        default:
            throw RemoteError(kind: .httpStatus, endpoint: endpoint, status: response.status, message: what, bodyStart: excerpt)
        }
    }

    /// A term of SPARQL JSON results.
    static func term(_ object: [String: Any]) -> Term? {
        guard let type = object["type"] as? String, let value = object["value"] as? String else { return nil }
        switch type {
        case "uri": return .iri(value)
        case "bnode": return .blank(value)
        case "literal", "typed-literal":
            return .literal(value, datatype: object["datatype"] as? String, language: object["xml:lang"] as? String)
        default: return nil
        }
    }

    /// `application/x-www-form-urlencoded` for one key or value.
    static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: formAllowed) ?? text
    }

    private static let formAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~")
        return set
    }()
}
