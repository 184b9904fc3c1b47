@testable import MitraCLI
import Testing

@Suite struct ExtractHelpTests {
    @Test func helpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(for: ExtractCommand.self, columns: 80) == """
            OVERVIEW: Extract mentions and claims to JSON lines, without a store.

            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one
            mention. --count prints only totals and a rate, which is what the benchmark
            measures. --explain prints, for each claim, the rule, the trigger, the tokens
            of each end and why they were chosen, as text.

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/
              echo "Kratom may cause nausea." | mitragraph extract --explain -

            USAGE: mitragraph extract [--ontology <dir> ...] [--no-default-ontology] [--mentions] [--count] [--explain] <input> ...

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
              --explain               Explain each claim as text: rule, trigger, ends and
                                      why.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }
}
