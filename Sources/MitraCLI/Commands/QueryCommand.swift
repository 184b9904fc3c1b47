import ArgumentParser
import Foundation
import MitraModel
import MitraExport
import MitraQuery
import MitraRemote
import MitraStore

/// `mitragraph query`: runs one query and prints its result.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a query against the graph (language: docs/query-language.md).",
        discussion: """
            The query comes from the argument, from --file, or from standard input \
            (argument - or none); it may hold several statements, each ending at ';' \
            or an empty line, run in turn. Results print as an aligned table on a \
            terminal and as TSV otherwise, unless --format says which; dot and graphml \
            write the part of the graph the result covers. A malformed query exits 65 \
            with line:column, the line and a caret on standard error.

            With --endpoint the query runs on a SPARQL 1.1 store that `push` filled \
            (names and labels from --store) and prints the same rows; --sparql prints \
            the query compiled to SPARQL instead of running it.

            Examples:
              mitragraph query 'find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor'
              mitragraph query 'kratom treats ?c where support >= 2 order by support desc'
              mitragraph query --format json 'path kratom to "mu-opioid receptor" max 3'
              mitragraph query --format graphml -o kratom.graphml 'neighbors kratom'
              mitragraph query --file questions.mgq --timeout 10
              echo 'contested' | mitragraph query --format csv
              mitragraph query --endpoint http://127.0.0.1:7878 'kratom treats ?c'
              mitragraph query --sparql 'find ?x where kratom any{1,2} ?x:Receptor'
            """)

    /// The result formats `--format` accepts.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, tsv, dot, graphml
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var remote: RemoteOptions

    @Flag(name: .long, help: "Print the query compiled to SPARQL 1.1 instead of running it.")
    var sparql = false

    @Option(name: .long, help: "The output format (default: the --output extension, else table on a terminal, tsv otherwise).")
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("Read the query from this file.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("repeat"), help: ArgumentHelp(
        "Run each statement this many times, after one untimed warm-up run (with --timing, to measure it).", valueName: "n"))
    var repeatCount: Int = 1

    @Flag(name: .long, help: "Print each statement's run times as JSON on standard error (median_ms, min_ms, runs).")
    var timing = false

    @Argument(help: ArgumentHelp("The query; - or nothing reads standard input.", valueName: "query"))
    var query: String?

    /// The format asked for, or the one the --output extension names (.dot, .graphml, .json, .csv, .tsv).
    func impliedFormat() throws -> Format? {
        try formatFor(given: format, output: output,
                      extensions: ["dot": .dot, "gv": .dot, "graphml": .graphml, "json": .json, "csv": .csv, "tsv": .tsv])
    }

    func validate() throws {
        _ = try impliedFormat()
        if file != nil && query != nil && query != "-" {
            throw ValidationError("give the query either as an argument or with --file, not both")
        }
        if let timeout, let problem = QueryCanceller.problem(withTimeout: timeout) { throw ValidationError("--timeout: \(problem)") }
        if repeatCount < 1 { throw ValidationError("--repeat must be at least 1") }
        if file == nil && query == nil && isatty(STDIN_FILENO) != 0 {
            // Nothing to read but a terminal: show how to give a query rather than wait.
            throw ValidationError("no query given: pass it as an argument, with --file, or on standard input")
        }
    }

    func run() throws {
        try reportingErrors {
            let statements = StatementSplitter.split(try readQuery())
            guard let first = statements.first else {
                throw CLIError.badInput("no query given: pass it as an argument, with --file, or on standard input")
            }
            let store = try GraphStore(path: storeOptions.store)
            let engine = QueryEngine(store: store)
            let chosen = try impliedFormat() ?? (output == nil && isatty(STDOUT_FILENO) != 0 ? .table : .tsv)
            if (chosen == .dot || chosen == .graphml) && statements.count > 1 {
                throw CLIError.badInput("--format \(chosen.rawValue) draws one statement's result; the input holds \(statements.count)")
            }
            if sparql {
                try emit(statements.map { try RemoteQueryRunner.sparql($0, engine: engine) + "\n" }.joined(separator: "\n"))
                return
            }
            if let endpoint = try remote.connect() {
                guard let tabular = ResultFormatter.Format(rawValue: chosen.rawValue) else {
                    throw CLIError.badInput("--format \(chosen.rawValue) is not available with --endpoint yet")
                }
                let runner = RemoteQueryRunner(engine: engine, endpoint: endpoint)
                var printed: [String] = []
                for text in statements {
                    let result = try runner.run(text)
                    printed.append(ResultFormatter(format: tabular).format(result))
                    if chosen != .table, let remark = result.note { note(remark) }
                }
                try emit(printed.joined(separator: chosen == .json ? "" : "\n"))
                return
            }
            switch chosen {
            case .dot:
                let subgraph = try engine.subgraph(first, timeout: timeout)
                try emit(try DOTExporter().dot(store: store, subgraph: subgraph))
            case .graphml:
                let subgraph = try engine.subgraph(first, timeout: timeout)
                try GraphMLExporter().export(store: store, to: output ?? "-", subgraph: subgraph)
            case .table, .json, .csv, .tsv:
                let formatter = ResultFormatter(format: ResultFormatter.Format(rawValue: chosen.rawValue) ?? .tsv)
                var printed: [String] = []
                for text in statements {
                    // With repeats, a first untimed run warms SQLite's page cache, then
                    // --repeat runs are timed, each the whole query: parsed, planned, run
                    // and formatted.
                    if repeatCount > 1 { _ = formatter.format(try engine.run(text, timeout: timeout)) }
                    var result: QueryResult?
                    var formatted = ""
                    var times: [Double] = []
                    for _ in 0..<repeatCount {
                        let started = DispatchTime.now().uptimeNanoseconds
                        let run = try engine.run(text, timeout: timeout)
                        formatted = formatter.format(run)
                        times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                        result = run
                    }
                    printed.append(formatted)
                    // The table shows a result's note; other formats keep their data clean.
                    if chosen != .table, let remark = result?.note { note(remark) }
                    if timing { reportTiming(times) }
                }
                // Results of several statements: each apart from the next by an empty line (as
                // sqlite3 and psql print them); JSON arrays follow one another as they are.
                try emit(printed.joined(separator: chosen == .json ? "" : "\n"))
            }
        }
    }

    /// Prints the timed runs as JSON.
    private func reportTiming(_ times: [Double]) {
        let sorted = times.sorted()
        let median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
        note(String(format: "{\"median_ms\": %.3f, \"min_ms\": %.3f, \"runs\": %d}", median, sorted.first ?? 0, sorted.count))
    }

    /// Writes `text` to --output, or to standard output.
    private func emit(_ text: String) throws {
        try OutputTarget.write(Array(text.utf8), to: output ?? "-")
    }

    private func readQuery() throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.missing("\(file): cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError.badInput("\(file): is not UTF-8 text") }
            return text
        }
        if let query, query != "-" { return query }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError.badInput("standard input is not UTF-8 text") }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CLIError.badInput("no query given: pass it as an argument, with --file, or on standard input")
        }
        return text
    }
}
