@testable import MitraCLI
import Foundation
import MitraTestSupport
import Testing

/// The exact help of `query` and `repl`, so a change to their wording is a reviewed change.
@Suite struct QueryHelpTests {
    @Test func queryHelp() {
        #expect(MitragraphCommand.helpMessage(for: QueryCommand.self, columns: 80).trimmingCharacters(in: .newlines) == """
        OVERVIEW: Run a query against the graph (language: docs/query-language.md).

        The query comes from the argument, from --file, or from standard input
        (argument - or none); it may hold several statements, each ending at ';' or an
        empty line, run in turn. Results print as an aligned table on a terminal and as
        TSV otherwise, unless --format says which; dot and graphml write the part of
        the graph the result covers. A malformed query exits 65 with line:column, the
        line and a caret on standard error.

        With --endpoint the query runs on a SPARQL 1.1 store that `push` filled (names
        and labels from --store) and prints the same rows; --sparql prints the query
        compiled to SPARQL instead of running it.

        Examples:
          mitragraph query 'find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor'
          mitragraph query 'kratom treats ?c where support >= 2 order by support desc'
          mitragraph query --format json 'path kratom to "mu-opioid receptor" max 3'
          mitragraph query --format graphml -o kratom.graphml 'neighbors kratom'
          mitragraph query --file questions.mgq --timeout 10
          echo 'contested' | mitragraph query --format csv
          mitragraph query --endpoint http://127.0.0.1:7878 'kratom treats ?c'
          mitragraph query --sparql 'find ?x where kratom any{1,2} ?x:Receptor'

        USAGE: mitragraph query [<options>] [<query>]

        ARGUMENTS:
          <query>                 The query; - or nothing reads standard input.

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
          --sparql                Print the query compiled to SPARQL 1.1 instead of
                                  running it.
          --format <format>       The output format (default: the --output extension,
                                  else table on a terminal, tsv otherwise). (values:
                                  table, json, csv, tsv, dot, graphml)
          --file <file>           Read the query from this file.
          --timeout <seconds>     Stop the query after this many seconds.
          -o, --output <file>     Write to this file instead of standard output.
          --repeat <n>            Run each statement this many times, after one untimed
                                  warm-up run (with --timing, to measure it). (default:
                                  1)
          --timing                Print each statement's run times as JSON on standard
                                  error (median_ms, min_ms, runs).
          --version               Show the version.
          -h, --help              Show help information.
        """)
    }

    @Test func replHelp() {
        #expect(MitragraphCommand.helpMessage(for: ReplCommand.self, columns: 80).trimmingCharacters(in: .newlines) == """
        OVERVIEW: Query the graph interactively.

        Line editing, history (kept in $XDG_DATA_HOME/mitragraph/history), and Tab
        completion of what fits where the cursor is: commands, predicates, entity
        names, classes after ':', settings after a dot-command. A statement ends at ';'
        or at an empty line, so it may run over several lines. An error never ends the
        session; Ctrl-C clears the statement being typed or stops a running one; exit,
        quit, \\q or Ctrl-D leaves; help lists the dot-commands (.format, .expanded,
        .pager, .output, .once, .read, .timer, .timeout, .bail, .schema).

        Input that is not a terminal (a pipe, a file) prints no prompts; when a
        statement in it fails, the shell exits 65 at the end (with --bail, at once).

        Examples:
          mitragraph repl
          mitragraph repl --store kg.sqlite --format json
          echo 'contested' | mitragraph repl --store kg.sqlite
          mitragraph repl --endpoint http://127.0.0.1:7878   # on a pushed SPARQL store

        USAGE: mitragraph repl <options>

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
          --format <format>       The output format to start with. (values: table,
                                  json, csv, tsv, dot, graphml; default: table)
          --timeout <seconds>     Stop each statement after this many seconds.
          --bail                  Stop at the first statement that fails.
          --version               Show the version.
          -h, --help              Show help information.
        """)
    }

    @Test func rootListsQueryAndRepl() {
        let help = MitragraphCommand.helpMessage(columns: 80)
        #expect(help.contains("  query                   Run a query against the graph (language:"))
        #expect(help.contains("  repl                    Query the graph interactively."))
    }
}

/// `mitragraph query` as a process: formats, input from a file and standard input, exit status.
@Suite struct QueryCommandTests {
    static let binary = Fixtures.repositoryRoot + "/.build/debug/mitragraph"

    static func run(_ arguments: [String], input: String? = nil) throws -> (Int32, String, String) {
        let r = try Fixtures.run(binary, arguments, input: input)
        return (r.status, r.out, r.err)
    }

    static let store: String? = {
        guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        let dir = Fixtures.temporaryDirectory("mitragraph-query-cli")
        Fixtures.write("Kratom contains mitragynine and paynantheine.\n", to: "corpus/a.txt", in: dir)
        _ = try? run(["build", "--quiet", "--store", dir + "/kg.sqlite", dir + "/corpus"])
        return dir + "/kg.sqlite"
    }()

    @Test func formatsAndInputs() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        #expect(try Self.run(["query", "--store", store, "kratom contains ?a"]).1 == "a\tsupport\nmitragynine\t1\npaynantheine\t1\n")
        #expect(try Self.run(["query", "--store", store, "--format", "csv", "-"], input: "count where kratom contains ?a").1 == "count\n2\n")
        let file = Fixtures.write("# a comment\nfind ?a where\n  kratom contains ?a\n  limit 1\n", to: "q.mgq", in: Fixtures.temporaryDirectory())
        #expect(try Self.run(["query", "--store", store, "--format", "json", "--file", file]).1
            == "[\n  {\"a\": {\"id\": \"mitragynine\", \"label\": \"mitragynine\"}}\n]\n")
    }

    @Test func dotAndGraphMLWriteTheResultsSubgraph() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dot = try Self.run(["query", "--store", store, "--format", "dot", "kratom contains ?a where ?a = paynantheine"]).1
        #expect(dot.hasPrefix("digraph mitragraph {"))
        #expect(dot.contains("\"kratom\" -> \"paynantheine\""))
        #expect(!dot.contains("\"kratom\" -> \"mitragynine\""))
        let graphml = try Self.run(["query", "--store", store, "--format", "graphml", "kratom contains ?a"]).1
        #expect(graphml.contains("<graphml"))
        #expect(graphml.components(separatedBy: "<edge ").count - 1 == 2)
        let file = Fixtures.temporaryDirectory() + "/q.graphml"
        #expect(try Self.run(["query", "--store", store, "--format", "graphml", "-o", file, "kratom contains mitragynine"]).0 == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "<edge ").count - 1 == 1)
    }

    @Test func anUnwritableOutputExits73() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        // A folder cannot be made under a regular file; a missing folder itself is made.
        let file = Fixtures.write("x", to: "plain", in: Fixtures.temporaryDirectory())
        #expect(try Self.run(["query", "--store", store, "-o", file + "/folder/out.tsv", "contested"]).0 == 73)
        #expect(try Self.run(["query", "--store", store, "-o", "/dev/full", "contested"]).0 == 73)
    }

    @Test func aBadQueryExits65WithACaret() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let (status, out, err) = try Self.run(["query", "--store", store, "kratom contain ?a"])
        #expect(status == 65)
        #expect(out == "")
        #expect(err == "mitragraph: 1:8: error: unknown predicate 'contain'; did you mean 'contains'?\nkratom contain ?a\n       ^\n")
    }

    @Test func aTimeoutStopsARunawayQuery() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        // Thirty unrelated patterns over two edges: a cross product of 2^30 rows.
        let query = "count where " + (1...30).map { "?s\($0) any ?o\($0)" }.joined(separator: ", ")
        let (status, _, err) = try Self.run(["query", "--store", store, "--timeout", "0.2", query])
        #expect(status == 65)
        #expect(err == "mitragraph: 1:1: error: the query ran longer than 0.2 s and was stopped\n")
    }

    @Test func aMissingStoreExits66() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { return }
        #expect(try Self.run(["query", "--store", "/nonexistent/kg.sqlite", "contested"]).0 == 66)
    }

    @Test func severalStatementsFromAFileRepeated() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let file = Fixtures.write("kratom contains ?a;\ncount where\n  kratom contains ?a\n\ncontested\n", to: "several.mgq",
                                  in: Fixtures.temporaryDirectory())
        let (status, out, err) = try Self.run(["query", "--store", store, "--format", "csv", "--file", file, "--repeat", "3", "--timing"])
        #expect(status == 0)
        #expect(out == "a,support\nmitragynine,1\npaynantheine,1\n\ncount\n2\n\nsubject,predicate,object,support,denials,self_contradicting\n")
        // One line of timings per statement, each of three timed runs.
        let timings = err.split(separator: "\n")
        #expect(timings.count == 3)
        #expect(timings.allSatisfy { $0.hasSuffix("\"runs\": 3}") })
        let table = try Self.run(["query", "--store", store, "--format", "table", "contested; count where kratom contains ?a"]).1
        #expect(table.contains("(no rows)\n\ncount\n"))
        let drawn = try Self.run(["query", "--store", store, "--format", "dot", "contested; contested"])
        #expect(drawn.0 == 65)
        #expect(drawn.2 == "mitragraph: --format dot draws one statement's result; the input holds 2\n")
    }

    /// On a terminal with nothing to read, `query` shows how to call it instead of waiting.
    @Test func noQueryOnATerminalPrintsTheUsage() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary), FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: needs \(Self.binary) and script(1)")
            return
        }
        // script(1) gives the command a pseudo-terminal for its standard input.
        let r = try Fixtures.run("/usr/bin/script", ["-qec", Self.binary + " query", "/dev/null"])
        #expect(r.status == 64)
        #expect(r.out.contains("Error: no query given: pass it as an argument, with --file, or on standard input"))
        #expect(r.out.contains("Usage: mitragraph query [<options>] [<query>]"))
    }

    @Test func aMistypedSubcommandSuggestsTheNearest() throws {
        #expect(MitragraphCommand.unknownSubcommand(in: ["qurey", "x"]) == "unknown subcommand 'qurey' of mitragraph; did you mean 'query'? (see 'mitragraph --help')")
        #expect(MitragraphCommand.unknownSubcommand(in: ["ontology", "chek"])
            == "unknown subcommand 'chek' of mitragraph ontology; did you mean 'check'? (see 'mitragraph ontology --help')")
        #expect(MitragraphCommand.unknownSubcommand(in: ["query", "kratom treats ?c"]) == nil)
        #expect(MitragraphCommand.unknownSubcommand(in: ["--help"]) == nil)
        #expect(MitragraphCommand.unknownSubcommand(in: ["help", "query"]) == nil)
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { return }
        let r = try Self.run(["evidnce", "kratom", "treats", "pain"])
        #expect(r.0 == 64)
        #expect(r.2 == "mitragraph: unknown subcommand 'evidnce' of mitragraph; did you mean 'evidence'? (see 'mitragraph --help')\n")
    }

    /// `mitragraph evidence` over a variable, with --where, in the one JSON schema.
    @Test func evidenceCommandTakesPatternsAndPrintsTheSharedSchema() throws {
        guard let store = Self.store else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let text = try Self.run(["evidence", "--store", store, "kratom", "contains", "?a"])
        #expect(text.0 == 0)
        #expect(text.1.hasPrefix("kratom contains mitragynine: 1 claim (1 affirmed, 0 denied)\n\n[1] a.txt, sentence 0: affirmed; rule "))
        #expect(text.1.contains("\nkratom contains paynantheine: 1 claim"))
        let json = try Self.run(["evidence", "--store", store, "--json", "kratom", "contains", "?a", "--where", "source = \"a.txt\""])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.1.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(Set(rows[0].keys) == Set(["subject", "predicate", "object", "document", "title", "url", "sentence_index", "polarity",
                                          "certainty", "holder", "rule", "confidence", "subject_span", "object_span", "sentence"]))
        #expect(rows[0]["subject_span"] as? [Int] == [0, 6])
        let unknown = try Self.run(["evidence", "--store", store, "kratom", "contains", "?a", "--where", "source = \"b.txt\""])
        #expect(unknown.0 == 65)
        #expect(unknown.2.contains("unknown document 'b.txt'; did you mean 'a.txt'?"))
    }

    /// A document's title and URL, from its HTML head, in the evidence rows, in `source = …`
    /// (by URL or title) and beside the KGX publication.
    @Test func documentMetadataInEvidenceSourceAndKGX() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dir = Fixtures.temporaryDirectory("mitragraph-metadata-cli")
        Fixtures.write("""
            <html><head><title>Kratom warning</title><link rel="canonical" href="https://example.org/warning">
            <meta property="article:published_time" content="2024-05-02"></head>
            <body><article><p>Kratom contains mitragynine.</p></article></body></html>
            """, to: "corpus/w.html", in: dir)
        Fixtures.write("Kratom contains paynantheine.\n", to: "corpus/p.txt", in: dir)
        let store = dir + "/kg.sqlite"
        #expect(try Self.run(["build", "--quiet", "--store", store, dir + "/corpus"]).0 == 0)
        let json = try Self.run(["query", "--store", store, "--format", "json", "evidence kratom contains mitragynine"]).1
        #expect(json.contains(#""document": "w.html", "title": "Kratom warning", "url": "https://example.org/warning""#))
        for source in ["https://example.org/warning", "kratom WARNING", "w.html"] {
            let rows = try Self.run(["query", "--store", store, "--format", "csv", "kratom contains ?a where source = \"\(source)\""]).1
            #expect(rows == "a,support\nmitragynine,1\n", "source = \(source)")
        }
        #expect(try Self.run(["export", "--store", store, "--format", "kgx", "-o", dir + "/kgx"]).0 == 0)
        let edges = try String(contentsOfFile: dir + "/kgx/edges.jsonl", encoding: .utf8)
        #expect(edges.contains(#""publications": ["w.html"], "publication_url": "https://example.org/warning", "publication_title": "Kratom warning", "publication_date": "2024-05-02""#))
        #expect(edges.contains(#""publications": ["p.txt"], "supporting_text""#))
    }
}
