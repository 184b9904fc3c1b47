import CEdit
import Foundation
import MitraExport
import MitraModel
import MitraQuery
import MitraStore

/// Set by the SIGINT handler; a running query polls it. A plain global because a signal
/// handler may touch nothing else.
nonisolated(unsafe) private var interruptRequested: Int32 = 0

/// The interactive shell: reads statements (over several lines when unfinished), runs them,
/// prints results, and never lets an error end the session.
///
/// With a terminal it edits lines with libedit, keeps history in
/// `$XDG_DATA_HOME/mitragraph/history` and completes on Tab; without one (a pipe, a test) it
/// reads plain lines and prints no prompts, like sqlite3.
public final class REPL {
    /// Settings a dot-command changes.
    public struct Settings: Sendable {
        public var format: ResultFormatter.Format
        public var timer = false
        public var timeout: Double?

        public init(format: ResultFormatter.Format = .table, timer: Bool = false, timeout: Double? = nil) {
            self.format = format
            self.timer = timer
            self.timeout = timeout
        }
    }

    public static let dotCommands = [".format", ".timer", ".timeout", ".help", ".schema", ".quit", ".exit"]

    private let storePath: String
    private var engine: QueryEngine?
    public var settings: Settings
    /// When set, statements run on a remote SPARQL store: this sends one SPARQL query there
    /// and returns its solutions (names and labels still come from the local store).
    public var remote: ((String) throws -> [[String: Term]])?
    private let canceller = QueryCanceller()
    private var output: (String) -> Void
    private var errors: (String) -> Void

    /// A shell on the store at `storePath`; labels for completion are read on the first Tab.
    public init(storePath: String, settings: Settings = Settings()) {
        self.storePath = storePath
        self.settings = settings
        output = { text in
            // Output nobody can read ends the session: a full disk is not a crash.
            do {
                try StandardOutput.write(text)
            } catch {
                FileHandle.standardError.write(Data("mitragraph: \(error)\n".utf8))
                exit(73)
            }
        }
        errors = { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Where history is kept: `$XDG_DATA_HOME/mitragraph/history`, by default
    /// `~/.local/share/mitragraph/history`. The folder is made when missing.
    public static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if base == nil, let home = environment["HOME"], !home.isEmpty { base = home + "/.local/share" }
        guard let base else { return nil }
        let folder = base + "/mitragraph"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }

    /// Runs until end of input or `.quit`.
    public func run() throws {
        _ = try openEngine()
        installInterruptHandler()
        if isatty(STDIN_FILENO) != 0 {
            let editor = try LineEditor(program: "mitragraph", historyPath: Self.historyPath()) { [unowned self] in
                self.completer()
            }
            output("mitragraph \(storePath) — statements end at a line that completes them; .help for help\n")
            loop { prompt in editor.readLine(prompt: prompt) } remember: { editor.remember($0) }
        } else {
            loop { _ in Swift.readLine(strippingNewline: true) } remember: { _ in }
        }
    }

    /// Reads statements until end of input: a statement the parser finds unfinished, or a
    /// line ending in a backslash, takes the next line too; an empty line runs what has been
    /// typed so far.
    func loop(read: (String) -> String?, remember: (String) -> Void) {
        var pending: [String] = []
        while let line = read(pending.isEmpty ? "mitragraph> " : "      ...> ") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty {
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(".") {
                    remember(trimmed)
                    if !dotCommand(trimmed) { return }
                    continue
                }
            }
            let continued = trimmed.hasSuffix("\\")
            if continued {
                pending.append(String(line[..<line.lastIndex(of: "\\")!]))
            } else if !trimmed.isEmpty {
                pending.append(line)
            }
            let text = pending.joined(separator: "\n")
            if continued || (!trimmed.isEmpty && Parser.needsMoreInput(text)) { continue }
            pending = []
            remember(text.split(separator: "\n").joined(separator: " "))
            execute(text)
        }
        if !pending.isEmpty { execute(pending.joined(separator: "\n")) }
    }

    /// Runs one statement and prints its result or its error.
    public func execute(_ text: String) {
        let started = Date()
        do {
            let engine = try openEngine()
            interruptRequested = 0
            let result = try remote.map { try engine.run(text, remote: $0) }
                ?? engine.run(text, timeout: settings.timeout, canceller: canceller)
            output(ResultFormatter(format: settings.format).format(result))
        } catch let error as QueryError {
            errors(error.description + "\n")
        } catch {
            errors("error: \(error)\n")
        }
        if settings.timer { output(String(format: "Run Time: %.3f s\n", Date().timeIntervalSince(started))) }
    }

    private func openEngine() throws -> QueryEngine {
        if let engine { return engine }
        let opened = QueryEngine(store: try GraphStore(path: storePath))
        engine = opened
        return opened
    }

    /// Handles a dot-command; false means leave the shell.
    func dotCommand(_ line: String) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        let argument = words.count > 1 ? words[1].lowercased() : nil
        switch words[0].lowercased() {
        case ".quit", ".exit":
            return false
        case ".help":
            output(Self.help)
        case ".format":
            if let argument, let format = ResultFormatter.Format(rawValue: argument) {
                settings.format = format
            } else if argument == nil {
                output(settings.format.rawValue + "\n")
            } else {
                errors("error: .format takes one of table, json, csv, tsv\n")
            }
        case ".timer":
            switch argument {
            case "on"?: settings.timer = true
            case "off"?: settings.timer = false
            default: errors("error: .timer takes on or off\n")
            }
        case ".timeout":
            if argument == "off" {
                settings.timeout = nil
            } else if let argument, let seconds = Double(argument), QueryCanceller.problem(withTimeout: seconds) == nil {
                settings.timeout = seconds
            } else {
                errors("error: .timeout takes a number of seconds or off\n")
            }
        case ".schema":
            do {
                output(ResultFormatter(format: settings.format).format(try openEngine().schema()))
            } catch {
                errors("error: \(error)\n")
            }
        default:
            errors("error: unknown command \(words[0]); try .help\n")
        }
        return true
    }

    static let help = """
        Statements (a statement may run over several lines; an empty line runs it):
          find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor
          kratom treats ?c where support >= 2 order by support desc limit 5
          count ?effect where kratom has_adverse_effect ?effect
          describe kratom            neighbors kratom depth 2
          path kratom to "mu-opioid receptor" max 3
          evidence kratom has_adverse_effect dependence
          contested                  explain <statement>
        Dot-commands:
          .format table|json|csv|tsv   how results are printed
          .timer on|off                print each statement's run time
          .timeout SECONDS|off         stop statements that run longer
          .schema                      classes and predicates
          .help                        this text
          .quit                        leave (or Ctrl-D)
        Tab completes keywords, predicates and names; Ctrl-C stops a running statement.

        """

    func completer() -> Completer {
        let names = (try? openEngine().completionNames()) ?? CompletionNames(predicates: [], classes: [], labels: [])
        return Completer(keywords: Parser.keywords, dotCommands: Self.dotCommands,
                         names: names.predicates + names.classes + names.labels.filter { !$0.contains(" ") },
                         labels: names.labels)
    }

    private func installInterruptHandler() {
        let canceller = self.canceller
        canceller.isInterrupted = { interruptRequested != 0 }
        signal(SIGINT) { _ in interruptRequested = 1 }
    }
}
