import CEdit
import Foundation
import MitraExport
import MitraModel
import MitraQuery
import MitraStore

/// Set by the SIGINT handler; a running query polls it. A plain global because a signal
/// handler may touch nothing else.
nonisolated(unsafe) private var interruptRequested: Int32 = 0

/// The interactive shell: reads statements (each ends at a `;` or an empty line, so one may
/// run over several lines), runs them, prints results, and never lets an error end the session.
///
/// With a terminal it edits lines with libedit, keeps history in
/// `$XDG_DATA_HOME/mitragraph/history`, completes on Tab and pages long results; without one
/// (a pipe, a test) it reads plain lines and prints no prompts, like sqlite3, and reports in
/// its exit status whether any statement failed.
public final class REPL {
    /// How results print: the query formats, or the part of the graph they cover.
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv, tsv, dot, graphml
    }

    /// Settings a dot-command changes.
    public struct Settings: Sendable {
        public var format: Format
        public var timer = false
        public var timeout: Double?
        /// One field a line (psql's `\x`).
        public var expanded = false
        /// Long results on a terminal go through `$PAGER` (default `less -FRX`).
        public var pager = true
        /// Stop at the first error (sqlite3's `-bail`).
        public var bail = false

        public init(format: Format = .table, timer: Bool = false, timeout: Double? = nil, bail: Bool = false) {
            self.format = format
            self.timer = timer
            self.timeout = timeout
            self.bail = bail
        }
    }

    /// One read from the user.
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C at the prompt.
        case interrupt
        case end
    }

    /// Why a loop over input stopped.
    enum Stop {
        case endOfInput, quit, bail
    }

    /// Each dot-command with the values Tab offers after it.
    public static let dotCommands: [String: [String]] = [
        ".format": Format.allCases.map(\.rawValue), ".timer": ["on", "off"], ".timeout": ["off"],
        ".expanded": ["on", "off"], ".pager": ["on", "off"], ".bail": ["on", "off"],
        ".output": ["stdout"], ".once": [], ".read": [], ".help": [], ".schema": [], ".quit": [], ".exit": [],
    ]

    /// Words that leave the shell, as in psql and sqlite3.
    static let leaveWords: Set<String> = ["exit", "quit", "\\q"]

    private let storePath: String
    private var engine: QueryEngine?
    public var settings: Settings
    /// When set, statements run on a remote SPARQL store: this runs one statement's text
    /// there and returns its result (names and labels still come from the local store).
    public var remote: ((String) throws -> QueryResult)?
    private let canceller = QueryCanceller()
    private var terminal: (String) -> Void
    private var errors: (String) -> Void
    /// Where `.output` sends results; nil is standard output.
    private var redirect: (path: String, handle: FileHandle, once: Bool)?
    /// How many statements and commands failed.
    public private(set) var failures = 0
    private var isInteractive = false

    /// A shell on the store at `storePath`; labels for completion are read on the first Tab.
    public init(storePath: String, settings: Settings = Settings()) {
        self.storePath = storePath
        self.settings = settings
        terminal = { text in
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

    /// Runs until end of input or `.quit`; false when input that was not typed at a terminal
    /// hit an error, so a script can tell.
    public func run() throws -> Bool {
        _ = try openEngine()
        installInterruptHandler()
        if isatty(STDIN_FILENO) != 0 {
            isInteractive = true
            let editor = try LineEditor(program: "mitragraph", historyPath: Self.historyPath()) { [unowned self] in
                self.completer()
            }
            terminal("mitragraph \(storePath) — a statement ends at ; or an empty line; help for help, exit to leave\n")
            let stop = loop { prompt, pending in
                editor.pending = pending
                return editor.readLine(prompt: prompt)
            } remember: { editor.remember($0) }
            // Ctrl-D leaves the cursor after the prompt: end the line, as shells do.
            if stop == .endOfInput { terminal("\n") }
            return true
        }
        _ = loop { _, _ in Swift.readLine(strippingNewline: true).map(Input.line) ?? .end } remember: { _ in }
        return failures == 0
    }

    /// Reads lines until end of input, `exit` or (with `.bail on`) an error. A statement ends
    /// at a `;` or an empty line; dot-commands, `help` and `exit` are one line each. Ctrl-C
    /// forgets the statement being typed.
    func loop(read: (_ prompt: String, _ pending: String) -> Input, remember: (String) -> Void) -> Stop {
        var pending: [String] = []
        while true {
            let line: String
            switch read(pending.isEmpty ? "mitragraph> " : "      ...> ", pending.joined(separator: "\n")) {
            case .end:
                if !pending.isEmpty, !runStatements(pending.joined(separator: "\n"), remember: remember) { return .bail }
                return .endOfInput
            case .interrupt:
                pending = []
                terminal("^C\n")
                continue
            case .line(let text):
                line = text
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !pending.isEmpty && trimmed.hasPrefix(".") {
                // A dot-command is a line of its own: what was typed before it runs first.
                if !runStatements(pending.joined(separator: "\n"), remember: remember) { return .bail }
                pending = []
            }
            if pending.isEmpty {
                if trimmed.isEmpty { continue }
                let word = trimmed.hasSuffix(";") ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
                if Self.leaveWords.contains(word.lowercased()) { return .quit }
                if word.lowercased() == "help" || word == "\\?" {
                    remember(trimmed)
                    emit(Self.help)
                    continue
                }
                if trimmed.hasPrefix(".") || trimmed.hasPrefix("\\") {
                    remember(trimmed)
                    switch dotCommand(trimmed, remember: remember) {
                    case .quit: return .quit
                    case .bail: return .bail
                    case .endOfInput: continue
                    }
                }
            }
            if trimmed.isEmpty {
                // An empty line runs what has been typed.
                if !runStatements(pending.joined(separator: "\n"), remember: remember) { return .bail }
                pending = []
                continue
            }
            // A trailing backslash, the old way to continue a line, is just dropped.
            pending.append(trimmed.hasSuffix("\\") ? String(line[..<(line.lastIndex(of: "\\") ?? line.endIndex)]) : line)
            let text = pending.joined(separator: "\n")
            if StatementSplitter.isTerminated(text) {
                pending = []
                if !runStatements(text, remember: remember) { return .bail }
            }
        }
    }

    /// Runs each statement of `text`; false when one failed and `.bail` is on.
    private func runStatements(_ text: String, remember: (String) -> Void) -> Bool {
        let statements = StatementSplitter.split(text)
        if statements.isEmpty { return true }
        remember(text.split(separator: "\n").joined(separator: " "))
        for statement in statements {
            if !execute(statement) && settings.bail { return false }
        }
        return true
    }

    /// Runs one statement and prints its result or its error; false on an error.
    @discardableResult
    public func execute(_ text: String) -> Bool {
        let started = Date()
        var succeeded = true
        do {
            let engine = try openEngine()
            interruptRequested = 0
            switch settings.format {
            case .dot:
                let subgraph = try engine.subgraph(text, timeout: settings.timeout)
                emit(try DOTExporter().dot(store: engine.store, subgraph: subgraph))
            case .graphml:
                let subgraph = try engine.subgraph(text, timeout: settings.timeout)
                // The GraphML writer streams to a file; hand that file's text on.
                let temporary = NSTemporaryDirectory() + "mitragraph-repl-\(UUID().uuidString).graphml"
                defer { try? FileManager.default.removeItem(atPath: temporary) }
                _ = try GraphMLExporter().export(store: engine.store, to: temporary, subgraph: subgraph)
                emit(try String(contentsOfFile: temporary, encoding: .utf8))
            case .table, .json, .csv, .tsv:
                let result = try remote.map { try $0(text) } ?? engine.run(text, timeout: settings.timeout, canceller: canceller)
                let format = ResultFormatter.Format(rawValue: settings.format.rawValue) ?? .table
                emit(ResultFormatter(format: format, expanded: settings.expanded).format(result))
                if format != .table, let note = result.note { errors("(\(note))\n") }
            }
        } catch let error as QueryError {
            fail(error.description)
            succeeded = false
        } catch {
            fail("error: \(error)")
            succeeded = false
        }
        if settings.timer { emit(String(format: "Run Time: %.3f s\n", Date().timeIntervalSince(started))) }
        return succeeded
    }

    private func fail(_ message: String) {
        failures += 1
        errors(message + "\n")
    }

    /// Prints a result: to the `.output` file, through the pager when it is longer than the
    /// terminal, or straight to standard output.
    private func emit(_ text: String) {
        if let redirect {
            redirect.handle.write(Data(text.utf8))
            if redirect.once {
                try? redirect.handle.close()
                self.redirect = nil
            }
            return
        }
        if isInteractive, settings.pager, isatty(STDOUT_FILENO) != 0 {
            let rows = Int(mitra_terminal_rows())
            if rows > 0, text.reduce(0, { $1 == "\n" ? $0 + 1 : $0 }) >= rows - 1, page(text) { return }
        }
        terminal(text)
    }

    /// Shows `text` through `$PAGER` (default `less -FRX`); false when no pager could run.
    private func page(_ text: String) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        guard let pipe = popen(pager, "w") else { return false }
        _ = text.withCString { fputs($0, pipe) }
        let status = pclose(pipe)
        // 127: the shell found no such command; show the text ourselves.
        return !(status != -1 && (status >> 8) & 0xff == 127)
    }

    private func openEngine() throws -> QueryEngine {
        if let engine { return engine }
        let opened = QueryEngine(store: try GraphStore(path: storePath))
        engine = opened
        return opened
    }

    /// Handles a dot-command (or a backslash one, `\x`, `\q`); `.quit` means leave, `.bail`
    /// that a `.read` file failed under `.bail on`.
    func dotCommand(_ line: String, remember: (String) -> Void = { _ in }) -> Stop {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let rest = words.dropFirst().joined(separator: " ")
        let argument = words.count > 1 ? words[1].lowercased() : nil
        let before = failures
        switch words[0].lowercased() {
        case ".quit", ".exit", "\\q":
            return .quit
        case ".help", "\\?":
            emit(Self.help)
        case ".format":
            if let argument, let format = Format(rawValue: argument) {
                settings.format = format
            } else if argument == nil {
                emit(settings.format.rawValue + "\n")
            } else {
                fail("error: .format takes one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case ".timer":
            toggle(\.timer, ".timer", argument)
        case "\\x" where argument == nil:
            settings.expanded.toggle()
            emit("expanded display is \(settings.expanded ? "on" : "off")\n")
        case ".expanded", "\\x":
            toggle(\.expanded, words[0], argument)
        case ".pager":
            toggle(\.pager, ".pager", argument)
        case ".bail":
            toggle(\.bail, ".bail", argument)
        case ".timeout":
            if argument == "off" {
                settings.timeout = nil
            } else if let argument, let seconds = Double(argument), QueryCanceller.problem(withTimeout: seconds) == nil {
                settings.timeout = seconds
            } else if argument == nil {
                emit(settings.timeout.map { String(format: "%g", $0) + "\n" } ?? "off\n")
            } else {
                fail("error: .timeout takes a number of seconds or off")
            }
        case ".output", ".once":
            redirectOutput(words[0].lowercased(), to: rest)
        case ".read":
            return read(file: rest, remember: remember)
        case ".schema":
            do {
                let format = ResultFormatter.Format(rawValue: settings.format.rawValue) ?? .table
                emit(ResultFormatter(format: format, expanded: settings.expanded).format(try openEngine().schema()))
            } catch {
                fail("error: \(error)")
            }
        default:
            fail("error: unknown command \(words[0]); try .help")
        }
        return settings.bail && failures > before ? .bail : .endOfInput
    }

    /// An on/off setting: `on` or `off` sets it, nothing shows it.
    private func toggle(_ setting: WritableKeyPath<Settings, Bool>, _ command: String, _ argument: String?) {
        switch argument {
        case "on"?: settings[keyPath: setting] = true
        case "off"?: settings[keyPath: setting] = false
        case nil: emit(settings[keyPath: setting] ? "on\n" : "off\n")
        default: fail("error: \(command) takes on or off")
        }
    }

    /// `.output FILE` sends every result to FILE until `.output stdout`; `.once FILE` only the
    /// next one; `.output` alone says where results go.
    private func redirectOutput(_ command: String, to path: String) {
        if path.isEmpty {
            if command == ".once" { fail("error: .once takes a file name"); return }
            emit((redirect?.path ?? "stdout") + "\n")
            return
        }
        if let redirect { try? redirect.handle.close() }
        redirect = nil
        if path == "stdout" && command == ".output" { return }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            fail("error: \(path): cannot be written")
            return
        }
        redirect = (path, handle, command == ".once")
    }

    /// `.read FILE`: runs the file's statements and dot-commands as if typed.
    private func read(file path: String, remember: (String) -> Void) -> Stop {
        guard !path.isEmpty else {
            fail("error: .read takes a file name")
            return settings.bail ? .bail : .endOfInput
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            fail("error: \(path): cannot be read")
            return settings.bail ? .bail : .endOfInput
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        let stop = loop(read: { _, _ in lines.popFirst().map(Input.line) ?? .end }, remember: { _ in })
        // `.quit` in a file ends the file, not the session.
        return stop == .bail ? .bail : .endOfInput
    }

    static let help = """
        Statements end at ; or at an empty line, so one may run over several lines:
          find ?a, ?r where ?a:Alkaloid interacts_with ?r:Receptor;
          kratom treats ?c where support >= 2 order by support desc limit 5;
          count ?effect where kratom has_adverse_effect ?effect;
          describe kratom;           neighbors kratom depth 2;
          path kratom to "mu-opioid receptor" max 3;
          evidence kratom has_adverse_effect dependence;
          contested;                 explain <statement>;
        Commands (each on a line of its own; none needs a value to show its setting):
          .format table|json|csv|tsv|dot|graphml   how results are printed
          .expanded on|off  (or \\x)    one field a line, for wide rows
          .pager on|off                long results through $PAGER (less -FRX)
          .timer on|off                print each statement's run time
          .timeout SECONDS|off         stop statements that run longer
          .output FILE|stdout          send results to FILE from now on
          .once FILE                   send the next result to FILE
          .read FILE                   run the statements in FILE
          .bail on|off                 stop at the first error
          .schema                      classes and predicates
          help  (or .help)             this text
          exit  (or quit, \\q, .quit, Ctrl-D)   leave
        Tab completes what fits where the cursor is: commands, predicates, names, classes
        after ':', settings after a command. Ctrl-C clears the statement being typed, or
        stops a running one.

        """

    func completer() -> Completer {
        let names = (try? openEngine().completionNames()) ?? CompletionNames(predicates: [], classes: [], labels: [])
        return Completer(commands: Parser.commands + ["help", "exit", "quit"], dotCommands: Self.dotCommands,
                         predicates: names.predicates, classes: names.classes, labels: names.labels)
    }

    private func installInterruptHandler() {
        let canceller = self.canceller
        canceller.isInterrupted = { interruptRequested != 0 }
        mitra_catch_sigint { _ in interruptRequested = 1 }
    }
}
