import ArgumentParser
import MitraQuery
import MitraREPL
import MitraRemote

/// `mitragraph repl`: the interactive query shell.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Query the graph interactively.",
        discussion: """
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
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var remoteOptions: RemoteOptions

    /// The result formats the shell prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, tsv
    }

    @Option(name: .long, help: "The output format to start with.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Stop each statement after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, let problem = QueryCanceller.problem(withTimeout: timeout) { throw ValidationError("--timeout: \(problem)") }
    }

    func run() throws {
        try reportingErrors {
            let settings = REPL.Settings(format: ResultFormatter.Format(rawValue: format.rawValue)!, timeout: timeout)
            let repl = REPL(storePath: storeOptions.store, settings: settings)
            if let endpoint = try remoteOptions.connect() {
                repl.remote = { sparql in try endpoint.select(sparql).solutions }
            }
            try repl.run()
        }
    }
}
