import ArgumentParser
import Foundation
import MitraRemote
import MitraStore

/// `mitragraph push`: writes the graph into a SPARQL 1.1 store.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Write the graph into a SPARQL 1.1 store, sending only what changed.",
        discussion: """
            Sends the graph's RDF projection (docs/rdf.md), graph by graph: the \
            ontology to one named graph, each document (its claims and what it says of \
            each edge) to its own, and each imported graph (Graph Store HTTP Protocol \
            PUT, or SPARQL Update with --use-update); a changed document's graph is \
            replaced and a removed one's deleted. The store records per endpoint what it \
            sent, so the next push sends only what changed; a push stopped midway and \
            run again converges. Nothing is recorded unless the endpoint accepted it.

            Examples:
              mitragraph push --endpoint http://127.0.0.1:7878
              mitragraph push --endpoint http://127.0.0.1:8890 --query-path /sparql \\
                --update-path /sparql --store-path /sparql-graph-crud-auth \\
                --user dba --digest       # password from MITRAGRAPH_SPARQL_PASSWORD
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var remote: RemoteOptions

    @Flag(name: .long, help: "Replace graphs through SPARQL Update, for stores without the Graph Store Protocol.")
    var useUpdate = false

    @Flag(name: .long, help: "Send every graph, whatever was recorded as sent.")
    var full = false

    @Flag(name: .long, help: "Print only the summary.")
    var quiet = false

    func validate() throws {
        if remote.endpoint == nil { throw ValidationError("push needs --endpoint URL") }
    }

    func run() throws {
        try reportingErrors {
            guard let endpoint = try remote.connect() else { return }
            // Opening a store writes to it (GRDB's WAL set-up), so the endpoint is checked
            // first: a push that cannot reach a SPARQL store leaves the store's file as it was.
            try endpoint.check()
            let store = try GraphStore(path: storeOptions.store)
            // The projection streams from one read of `store` while each graph the endpoint
            // accepted is recorded at once, through a second connection (WAL lets one write
            // beside a read), so a push stopped midway keeps what it recorded.
            let ledger = try GraphStore(path: storeOptions.store)
            // The tests stop a push midway with this, as a kill at that point would.
            let stopAfter = ProcessInfo.processInfo.environment["MITRAGRAPH_TEST_KILL_PUSH_AFTER"].flatMap { Int($0) }
            var done = 0
            let summary = try GraphPusher(endpoint: endpoint, ledger: ledger, method: useUpdate ? .update : .graphStore).push(StoreGraphSource(store: store), full: full) { line in
                if !quiet { note(line) }
                done += 1
                if done == stopAfter { kill(getpid(), SIGKILL) }
            }
            print("pushed to \(endpoint.configuration.key): \(summary.sent.count) graphs sent (\(summary.statements) statements), "
                + "\(summary.deleted.count) deleted, \(summary.unchanged) unchanged")
        }
    }
}
