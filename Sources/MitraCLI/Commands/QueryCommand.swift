import ArgumentParser
import Foundation
import MitraQuery
import MitraStore

/// `mitragraph query`: runs one query and prints its result.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a query against the graph (language: docs/query-language.md).",
        discussion: """
            The query comes from the argument, from --file, or from standard input
            (argument - or none). Results print as an aligned table on a terminal and
            as TSV otherwise, unless --format says which. A malformed query exits 65
            with line:column, the line and a caret on standard error.

            Examples:
              mitragraph query 'find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor'
              mitragraph query 'kratom treats ?c where support >= 2 order by support desc'
              mitragraph query --format json 'path kratom to "mu-opioid receptor" max 3'
              mitragraph query --file questions.mgq --timeout 10
              echo 'contested' | mitragraph query --format csv
            """)

    /// The result formats `--format` accepts.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, tsv
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The output format (default: table on a terminal, tsv otherwise).")
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("Read the query from this file.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Argument(help: ArgumentHelp("The query; - or nothing reads standard input.", valueName: "query"))
    var query: String?

    func validate() throws {
        if file != nil && query != nil && query != "-" {
            throw ValidationError("give the query either as an argument or with --file, not both")
        }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        try reportingErrors {
            let text = try readQuery()
            let store = try GraphStore(path: storeOptions.store)
            let result = try QueryEngine(store: store).run(text, timeout: timeout)
            let chosen = format.map { ResultFormatter.Format(rawValue: $0.rawValue)! }
                ?? (isatty(STDOUT_FILENO) != 0 ? .table : .tsv)
            FileHandle.standardOutput.write(Data(ResultFormatter(format: chosen).format(result).utf8))
        }
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
