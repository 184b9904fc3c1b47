import ArgumentParser
import MitraQuery
import MitraREPL
import MitraRemote
import MitraStore

/// `mitragraph repl`: the interactive query shell.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Query the graph interactively.",
        discussion: """
            Line editing, history (kept in $XDG_DATA_HOME/mitragraph/history), and Tab \
            completion of what fits where the cursor is: commands, predicates, entity \
            names, classes after ':', settings after a dot-command. A statement ends at \
            ';' or at an empty line, so it may run over several lines. An error never \
            ends the session; Ctrl-C clears the statement being typed or stops a \
            running one; exit, quit, \\q or Ctrl-D leaves; help lists the dot-commands \
            (.format, .expanded, .pager, .output, .once, .read, .timer, .timeout, .bail, \
            .schema).

            Input that is not a terminal (a pipe, a file) prints no prompts; when a \
            statement in it fails, the shell exits 65 at the end (with --bail, at once).

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
        case table, json, csv, tsv, dot, graphml
    }

    @Option(name: .long, help: "The output format to start with.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("Stop each statement after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Flag(name: .long, help: "Stop at the first statement that fails.")
    var bail = false

    func validate() throws {
        if let timeout, let problem = QueryCanceller.problem(withTimeout: timeout) { throw ValidationError("--timeout: \(problem)") }
    }

    func run() throws {
        try reportingErrors {
            let settings = REPL.Settings(format: REPL.Format(rawValue: format.rawValue) ?? .table, timeout: timeout, bail: bail)
            let repl = REPL(storePath: storeOptions.store, settings: settings)
            if let endpoint = try remoteOptions.connect() {
                let runner = RemoteQueryRunner(engine: QueryEngine(store: try GraphStore(path: storeOptions.store)), endpoint: endpoint)
                repl.remote = { try runner.run($0) }
            }
            if try !repl.run() { throw Exit.badInput }
        }
    }
}
