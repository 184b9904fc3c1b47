@testable import MitraCLI
import Testing

/// The exact help of `push`.
@Suite struct PushHelpTests {
    @Test func helpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(for: PushCommand.self, columns: 80) == """
            OVERVIEW: Write the graph into a SPARQL 1.1 store, sending only what changed.

            Sends the graph's RDF projection (docs/rdf.md), graph by graph: the ontology to
            one named graph, each document (its claims and what it says of each edge) to
            its own, and each imported graph (Graph Store HTTP Protocol PUT, or SPARQL
            Update with --use-update); a changed document's graph is replaced and a removed
            one's deleted. The store records per endpoint what it sent, so the next push
            sends only what changed; a push stopped midway and run again converges. Nothing
            is recorded unless the endpoint accepted it.

            Examples:
              mitragraph push --endpoint http://127.0.0.1:7878
              mitragraph push --endpoint http://127.0.0.1:8890 --query-path /sparql \\
                --update-path /sparql --store-path /sparql-graph-crud-auth \\
                --user dba --digest       # password from MITRAGRAPH_SPARQL_PASSWORD

            USAGE: mitragraph push <options>

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --endpoint <url>        The SPARQL store's base URL, e.g.
                                      http://127.0.0.1:7878 (Oxigraph).
              --query-path <path>     Path of the SPARQL query service (Virtuoso: /sparql).
                                      (default: /query)
              --update-path <path>    Path of the SPARQL update service (Virtuoso:
                                      /sparql). (default: /update)
              --store-path <path>     Path of the graph store service (Virtuoso:
                                      /sparql-graph-crud-auth). (default: /store)
              --user <name>           User name (or MITRAGRAPH_SPARQL_USER).
              --password <secret>     Password (or MITRAGRAPH_SPARQL_PASSWORD); never
                                      printed.
              --token <secret>        Bearer token (or MITRAGRAPH_SPARQL_TOKEN); never
                                      printed.
              --digest                Answer the server's digest challenge with the user
                                      and password (Virtuoso).
              --remote-timeout <seconds>
                                      Seconds to wait for each answer. (default: 30.0)
              --retries <n>           Further attempts, with backoff, after a failure a
                                      retry can fix. (default: 3)
              --use-update            Replace graphs through SPARQL Update, for stores
                                      without the Graph Store Protocol.
              --full                  Send every graph, whatever was recorded as sent.
              --quiet                 Print only the summary.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }
}
