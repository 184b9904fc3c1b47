import ArgumentParser
import MitraRemote

/// `--endpoint URL` and how to reach it: the paths of the SPARQL services, credentials,
/// timeout and retries.
struct RemoteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SPARQL store's base URL, e.g. http://127.0.0.1:7878 (Oxigraph).", valueName: "url"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp("Path of the SPARQL query service (Virtuoso: /sparql).", valueName: "path"))
    var queryPath = "/query"

    @Option(name: .long, help: ArgumentHelp("Path of the SPARQL update service (Virtuoso: /sparql).", valueName: "path"))
    var updatePath = "/update"

    @Option(name: .long, help: ArgumentHelp(
        "Path of the graph store service (Virtuoso: /sparql-graph-crud-auth).", valueName: "path"))
    var storePath = "/store"

    @Option(name: .long, help: ArgumentHelp("User name (or MITRAGRAPH_SPARQL_USER).", valueName: "name"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Password (or MITRAGRAPH_SPARQL_PASSWORD); never printed.", valueName: "secret"))
    var password: String?

    @Option(name: .long, help: ArgumentHelp("Bearer token (or MITRAGRAPH_SPARQL_TOKEN); never printed.", valueName: "secret"))
    var token: String?

    @Flag(name: .long, help: "Answer the server's digest challenge with the user and password (Virtuoso).")
    var digest = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    var remoteTimeout: Double = 30

    @Option(name: .long, help: ArgumentHelp("Further attempts, with backoff, after a failure a retry can fix.", valueName: "n"))
    var retries = 3

    func validate() throws {
        if remoteTimeout <= 0 { throw ValidationError("--remote-timeout must be a positive number of seconds") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more") }
    }

    /// The endpoint, or nil when no --endpoint was given.
    func connect() throws -> SPARQLEndpoint? {
        guard let endpoint else { return nil }
        var configuration = EndpointConfiguration(base: endpoint)
        configuration.queryPath = queryPath
        configuration.updatePath = updatePath
        configuration.storePath = storePath
        configuration.credentials = Credentials.from(user: user, password: password, token: token, digest: digest)
        configuration.timeout = remoteTimeout
        configuration.retries = retries
        return try SPARQLEndpoint(configuration)
    }
}
