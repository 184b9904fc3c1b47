@testable import MitraCLI
import Testing

@Suite struct ExtractHelpTests {
    @Test func helpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(for: ExtractCommand.self, columns: 80) == """
            OVERVIEW: Extract mentions and claims to JSON lines, without a store.

            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one
            mention. --count prints only totals and a rate, which is what the benchmark
            measures.

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/

            USAGE: mitragraph extract [--ontology <dir> ...] [--no-default-ontology] [--mentions] [--count] <input> ...

            ARGUMENTS:
              <input>                 Files or folders to read; - reads standard input.

            OPTIONS:
              --ontology <dir>        An ontology folder or .ttl file to layer over the
                                      shipped ontology (repeatable).
              --no-default-ontology   Use only the --ontology folders, not the shipped
                                      ontology.
              --mentions              Also print mentions.
              --count                 Print only counts (documents, bytes, mentions,
                                      claims, seconds, MB/s).
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }
}
