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
        (argument - or none). Results print as an aligned table on a terminal and
        as TSV otherwise, unless --format says which; dot and graphml write the
        part of the graph the result covers. A malformed query exits 65 with
        line:column, the line and a caret on standard error.

        With --endpoint the query runs on a SPARQL 1.1 store that `push` filled
        (names, labels and sentence text from --store) and prints the same rows;
        --sparql prints the query compiled to SPARQL instead of running it.

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
          --format <format>       The output format (default: table on a terminal, tsv
                                  otherwise). (values: table, json, csv, tsv, dot,
                                  graphml)
          --file <file>           Read the query from this file.
          --timeout <seconds>     Stop the query after this many seconds.
          -o, --output <file>     Write to this file instead of standard output.
          --repeat <n>            Run the query this many times (with --timing, to
                                  measure it in one process). (default: 1)
          --timing                Print the run times as JSON on standard error
                                  (median_ms, min_ms, runs).
          --version               Show the version.
          -h, --help              Show help information.
        """)
    }

    @Test func replHelp() {
        #expect(MitragraphCommand.helpMessage(for: ReplCommand.self, columns: 80).trimmingCharacters(in: .newlines) == """
        OVERVIEW: Query the graph interactively.

        Line editing, history (kept in $XDG_DATA_HOME/mitragraph/history), Tab
        completion of keywords, predicates and entity names. A statement the
        parser finds unfinished, or a line ending in a backslash, continues on the
        next line. An error never ends the session; Ctrl-C stops a running
        statement; .quit or Ctrl-D leaves. Dot-commands: .format, .timer,
        .timeout, .schema, .help, .quit.

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
                                  json, csv, tsv; default: table)
          --timeout <seconds>     Stop each statement after this many seconds.
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
}
