@testable import MitraCLI
import Testing

/// The root command's help, exactly: the first thing a new user reads.
@Suite struct HelpTests {
    @Test func rootHelpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(columns: 80) == """
        OVERVIEW: Build, query, draw and export a knowledge graph of kratom and chronic
        pain.

        Examples:
          mitragraph build                    # corpus/ into output/kratom.sqlite
          mitragraph build --store kg.sqlite articles/
          mitragraph query 'kratom treats ?c order by support desc limit 5'
          mitragraph evidence kratom has_adverse_effect dependence
          mitragraph repl
          mitragraph render --format svg --output output/kratom.svg
          mitragraph export --format kgx --output output/kgx

        Exit status: 0 success, 64 bad usage, 65 bad input (a file, query,
        ontology or store that cannot be used), 66 a missing input or store,
        69 a SPARQL store that cannot be reached or fails, 70 an internal
        failure, 73 an output that cannot be written.

        USAGE: mitragraph <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          build                   Build or update the graph from articles (.txt, .md,
                                  .html, .jsonl).
          extract                 Extract mentions and claims (JSON lines, N-Quads or
                                  KGX), without a store.
          query                   Run a query against the graph (language:
                                  docs/query-language.md).
          repl                    Query the graph interactively.
          evidence                Show the sentences behind an edge: each claim's
                                  document, polarity, rule and confidence.
          export                  Export the graph as DOT, GraphML, RDF, KGX, CSV or
                                  JSON.
          render                  Draw the graph as SVG, PNG or PDF.
          stats                   Show what the store holds: documents, entities,
                                  claims, edges, graphs.
          docs                    List or remove the documents in the store.
          import                  Load an N-Triples or Turtle file into the store as a
                                  named graph.
          push                    Write the graph into a SPARQL 1.1 store, sending only
                                  what changed.
          ontology                Check the ontology, or show an entity with all its
                                  labels and identifiers.

          See 'mitragraph help <subcommand>' for detailed help.
        """)
    }
}
