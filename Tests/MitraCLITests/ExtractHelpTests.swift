@testable import MitraCLI
import Testing

@Suite struct ExtractHelpTests {
    @Test func helpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(for: ExtractCommand.self, columns: 80) == """
            OVERVIEW: Extract mentions and claims (JSON lines, N-Quads or KGX), without a
            store.

            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one
            mention. --count prints only totals and a rate, which is what the benchmark
            measures. --explain prints, for each claim, the rule, the trigger, the tokens
            of each end and why they were chosen, as text.

            --format nquads prints each document's named graph as export and push write it
            (docs/rdf.md), and kgx one KGX edge per claim; both stream documents one at a
            time in bounded memory, so a sharding engine can run extraction as a map step
            and a bulk loader can load the output (docs/scale.md).

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/
              echo "Kratom may cause nausea." | mitragraph extract --explain -
              mitragraph extract --format nquads --with-ontology corpus/ > graph.nq
              zcat abstracts.jsonl.gz | mitragraph extract --format nquads \\
                --stdin-format jsonl --stdin-name abstracts.jsonl - > part.nq

            USAGE: mitragraph extract [--ontology <dir> ...] [--no-default-ontology] [--mentions] [--count] [--format <format>] [--with-ontology] [--root <dir>] [--stdin-format <stdin-format>] [--stdin-name <name>] [--explain] [<input> ...]

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
              --format <format>       What to print: claim JSON lines, N-Quads or KGX
                                      edges. (values: jsonl, nquads, kgx; default: jsonl)
              --with-ontology         With --format nquads, print the ontology's graph
                                      first (once per load).
              --root <dir>            Name files by their path below this folder, as a
                                      build of it does.
              --stdin-format <stdin-format>
                                      How - is read: one text document, or JSON lines of
                                      documents. (values: text, jsonl; default: text)
              --stdin-name <name>     The name standard input's documents get (NAME, or
                                      NAME#id for JSON lines). (default: stdin)
              --explain               Explain each claim as text: rule, trigger, ends and
                                      why.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }
}
