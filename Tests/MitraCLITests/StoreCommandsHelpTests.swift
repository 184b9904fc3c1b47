@testable import MitraCLI
import ArgumentParser
import Testing

/// The help of the store's commands, word for word: what a user reads is part of the interface.
@Suite struct StoreCommandsHelpTests {
    /// The help as an 80-column terminal shows it, without the final blank line.
    func help(_ command: any ParsableCommand.Type) -> String {
        var text = MitragraphCommand.helpMessage(for: command, columns: 80)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func helpDocs() {
        #expect(help(DocsCommand.self) == """
            OVERVIEW: List or remove the documents in the store.

            Examples:
              mitragraph docs list
              mitragraph docs list --store kg.sqlite --json
              mitragraph docs remove vendor-kratom-capsules.html

            USAGE: mitragraph docs <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              list                    List the stored documents with their claim and
                                      mention counts.
              remove                  Remove documents and everything extracted from them,
                                      in one transaction.

              See 'mitragraph help docs <subcommand>' for detailed help.
            """)
    }

    @Test func helpDocsList() {
        #expect(help(DocsCommand.List.self) == """
            OVERVIEW: List the stored documents with their claim and mention counts.

            Examples:
              mitragraph docs list
              mitragraph docs list --store kg.sqlite --json

            USAGE: mitragraph docs list [--store <file>] [--json]

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --json                  Print one JSON object per document.
              --version               Show the version.
              -h, --help              Show help information.
            """)
    }

    @Test func helpDocsRemove() {
        #expect(help(DocsCommand.Remove.self) == """
            OVERVIEW: Remove documents and everything extracted from them, in one
            transaction.

            Examples:
              mitragraph docs remove vendor-kratom-capsules.html
              mitragraph docs remove --store kg.sqlite a.txt b.md

            USAGE: mitragraph docs remove [--store <file>] <id> ...

            ARGUMENTS:
              <id>                    Ids of the documents to remove (as `docs list` shows
                                      them).

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --version               Show the version.
              -h, --help              Show help information.
            """)
    }

    @Test func helpImport() {
        #expect(help(ImportCommand.self) == """
            OVERVIEW: Load an N-Triples or Turtle file into the store as a named graph.

            The file is streamed in one transaction; importing into a graph that exists
            replaces it. Triples `mge:A mg:p mge:B` whose predicate the ontology defines
            also become edges, and skos:Concepts typed with an ontology class and carrying
            a skos:prefLabel become entities, so queries see them.

            Examples:
              mitragraph import extra.nt
              mitragraph import --store kg.sqlite --graph https://example.org/g1 data.ttl
              mitragraph import --format ntriples --json dump.txt

            USAGE: mitragraph import [--store <file>] [--ontology <dir> ...] [--no-default-ontology] [--graph <iri>] [--format <format>] [--json] <file>

            ARGUMENTS:
              <file>                  The RDF file to load.

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --ontology <dir>        An ontology folder or .ttl file to layer over the
                                      shipped ontology (repeatable).
              --no-default-ontology   Use only the --ontology folders, not the shipped
                                      ontology.
              --graph <iri>           The named graph to load into (default: one named
                                      after the file).
              --format <format>       The file's syntax (default: from its extension, .nt
                                      or .ttl). (values: turtle, ntriples)
              --json                  Print the summary as JSON.
              --version               Show the version.
              -h, --help              Show help information.
            """)
    }

    @Test func helpStats() {
        #expect(help(StatsCommand.self) == """
            OVERVIEW: Show what the store holds: documents, entities, claims, edges,
            graphs.

            Examples:
              mitragraph stats
              mitragraph stats --store kg.sqlite --json --top 20

            USAGE: mitragraph stats [--store <file>] [--top <top>] [--json]

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --top <top>             How many of the most connected entities to list.
                                      (default: 10)
              --json                  Print the statistics as JSON.
              --version               Show the version.
              -h, --help              Show help information.
            """)
    }
}
