import Foundation
import MitraTestSupport
import Testing

/// The shell end to end in a real terminal (tmux): completion, history, an error and
/// recovery, `.format json`, Ctrl-C on a running statement, history kept between sessions.
struct REPLTestError: Error {
    var message: String
}

@Suite(.serialized) struct REPLSessionTests {
    static let binary = Fixtures.repositoryRoot + "/.build/debug/mitragraph"
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A tmux server of its own, so tests never touch the user's sessions.
    final class Terminal {
        let socket = "mitragraph-test-" + UUID().uuidString.prefix(8)
        let tmux: String

        init(tmux: String, command: String, rows: Int = 50) throws {
            self.tmux = tmux
            try run(["new-session", "-d", "-x", "160", "-y", String(rows), command])
        }

        deinit { _ = try? run(["kill-server"]) }

        /// Runs a tmux command through the shell and returns what it printed. (Foundation's
        /// Process waits for ever on `new-session`, whose server keeps its descriptors.)
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let words = [tmux, "-L", socket] + arguments
            let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            guard let pipe = popen(command + " </dev/null 2>/dev/null", "r") else {
                throw REPLTestError(message: "cannot run tmux")
            }
            var output = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = fread(&buffer, 1, buffer.count, pipe)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            pclose(pipe)
            return String(decoding: output, as: UTF8.self)
        }

        func send(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys) }
        /// Types `text` literally (tmux reads a final `;` as its own separator unless escaped).
        func type(_ text: String) throws {
            try run(["send-keys", "-t", "0", "-l", text.hasSuffix(";") ? text.dropLast() + "\\;" : text])
        }
        /// Types `text` and presses Enter.
        func enter(_ text: String) throws {
            try type(text)
            try send("Enter")
        }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "0", "-S", "-200"]) }

        /// Waits until the screen satisfies `condition`, or fails after a few seconds.
        func wait(_ what: String, _ condition: (String) -> Bool) throws -> String {
            var last = ""
            // Up to 15 s: a loaded machine (CI, parallel builds) can be slow to redraw.
            for _ in 0..<300 {
                last = try screen()
                if condition(last) { return last }
                usleep(50_000)
            }
            Issue.record("timed out waiting for \(what); screen:\n\(last)")
            return last
        }

        /// The last non-empty line on screen.
        func lastLine() throws -> String {
            try screen().split(separator: "\n").last.map(String.init) ?? ""
        }
    }

    /// A store built from two sentences with the shipped ontology.
    static func makeStore() throws -> String {
        let dir = Fixtures.temporaryDirectory("mitragraph-repl")
        Fixtures.write("Kratom contains mitragynine and paynantheine.\n", to: "corpus/a.txt", in: dir)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: binary)
        build.arguments = ["build", "--quiet", "--store", dir + "/kg.sqlite", dir + "/corpus"]
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        return dir
    }

    @Test func completionHistoryErrorRecoveryAndJSON() throws {
        guard let tmux = Self.tmux, FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs tmux and \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        let command = "env XDG_DATA_HOME=\(dir)/data TERM=xterm \(Self.binary) repl --store \(dir)/kg.sqlite"
        var terminal: Terminal? = try Terminal(tmux: tmux, command: command)
        let t = terminal!
        _ = try t.wait("the prompt") { $0.contains("mitragraph>") }

        // Completion: a prefix and Tab, for an entity name and for a predicate.
        try t.type("payn")
        try t.send("Tab")
        _ = try t.wait("completion of paynantheine") { $0.contains("mitragraph> paynantheine") }
        try t.send("C-u")
        try t.type("kratom contai")
        try t.send("Tab")
        _ = try t.wait("completion of contains") { $0.contains("mitragraph> kratom contains") }
        try t.enter("?a;")
        var screen = try t.wait("the first result") { $0.contains("(2 rows)") }
        #expect(screen.contains("mitragynine"))
        #expect(screen.contains("paynantheine"))

        // An error, then the session goes on.
        try t.enter("kratom contain ?a;")
        screen = try t.wait("the error") { $0.contains("did you mean 'contains'?") }
        #expect(screen.contains("1:8: error: unknown predicate 'contain'; did you mean 'contains'?\nkratom contain ?a;\n       ^"))

        // History: Up twice recalls the good query.
        try t.send("Up")
        _ = try t.wait("the last entry") { _ in (try? t.lastLine()) == "mitragraph> kratom contain ?a;" }
        try t.send("Up")
        _ = try t.wait("the entry before") { _ in (try? t.lastLine()) == "mitragraph> kratom contains ?a;" }
        try t.send("Enter")
        _ = try t.wait("the recalled query's result") { $0.components(separatedBy: "(2 rows)").count == 3 }

        // .format json.
        try t.enter(".format json")
        try t.enter("kratom contains ?a limit 1;")
        screen = try t.wait("JSON") { $0.contains("\"a\": {\"id\": \"mitragynine\", \"label\": \"mitragynine\"}") }

        // Ctrl-C stops a long statement and the prompt comes back.
        try t.enter(".format table")
        // Thirty unrelated patterns over two edges: a cross product of 2^30 rows.
        let long = "count where " + (1...30).map { "?s\($0) any ?o\($0)" }.joined(separator: ", ")
        try t.enter(long + ";")
        usleep(300_000)
        try t.send("C-c")
        _ = try t.wait("the interruption") { $0.contains("1:1: error: the query was interrupted") }
        try t.enter(".quit")
        usleep(300_000)
        terminal = nil

        // The history outlives the session.
        let history = try String(contentsOfFile: dir + "/data/mitragraph/history", encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("kratom contains ?a limit 1;"))
        let again = try Terminal(tmux: tmux, command: command)
        _ = try again.wait("the prompt") { $0.contains("mitragraph>") }
        try again.send("Up")
        try again.send("Up")
        _ = try again.wait("history from the last session") { _ in
            (try? again.screen())?.contains("mitragraph> count where ?s1 any ?o1, ?s2 any ?o2") == true
        }
    }

    /// Runs the shell on `input` through pipes and returns (status, output, errors).
    static func piped(_ input: String, store: String, arguments: [String] = []) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["repl", "--store", store] + arguments
        process.environment = ["XDG_DATA_HOME": (store as NSString).deletingLastPathComponent + "/data"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test func dotCommandsSchemaTimerAndBadArguments() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        let (status, out, err) = try Self.piped(".format tsv\n.schema\n.format xml\n.timer maybe\n.timer on\ncontested\n.quit\nkratom contains ?a\n",
                                                store: dir + "/kg.sqlite")
        // Two bad dot-commands: the shell goes on, and says so in its status at the end.
        #expect(status == 65)
        #expect(out.hasPrefix("kind\tname\tdetail\tcount\n"))
        #expect(out.contains("\npredicate\tcontains\tPlant → Alkaloid\t2\n"))
        #expect(out.contains("\nclass\tAdverseEffect\t⊂ Condition\t"))
        // A dot-command runs the statement typed before it; .quit ends the session.
        #expect(out.contains("subject\tpredicate\tobject\tsupport\tdenials\tself_contradicting\nRun Time: "))
        #expect(!out.contains("mitragynine"))
        #expect(err == "error: .format takes one of table, json, csv, tsv, dot, graphml\nerror: .timer takes on or off\n")
    }

    @Test func pipedInputNeedsNoTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["repl", "--store", dir + "/kg.sqlite", "--format", "csv"]
        process.environment = ["XDG_DATA_HOME": dir + "/data"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("find ?a where\n  kratom contains ?a;\nkratom @\n\n.bogus\nkratom contains ?a \\\n limit 1\n".utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 65)
        #expect(out == "a\nmitragynine\npaynantheine\na,support\nmitragynine,1\n")
        #expect(err == "1:8: error: unexpected character '@'\nkratom @\n       ^\nerror: unknown command .bogus; try .help\n")
    }

    /// Statements over several lines, Ctrl-C forgetting one, completion by position, help,
    /// the expanded view, the pager, `exit`, and Ctrl-D ending the line.
    @Test func statementsCompletionInterruptPagerAndLeaving() throws {
        guard let tmux = Self.tmux, FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs tmux and \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        // A pager that marks its lines, so the test sees which output went through it.
        let command = "env XDG_DATA_HOME=\(dir)/data TERM=xterm PAGER='sed s/^/PAGED:/' \(Self.binary) repl --store \(dir)/kg.sqlite"
        let t = try Terminal(tmux: tmux, command: command + "; echo SHELL-ENDED; sleep 5", rows: 24)
        _ = try t.wait("the prompt") { $0.contains("mitragraph>") }

        // A statement over three lines runs at the empty line, as one.
        try t.enter("kratom contains ?a")
        _ = try t.wait("the continuation prompt") { $0.contains("      ...>") }
        try t.enter("order by ?a desc")
        try t.enter("limit 1")
        try t.send("Enter")
        var screen = try t.wait("the three-line result") { $0.contains("(1 row)") }
        #expect(screen.contains("paynantheine        1\n(1 row)"))

        // Ctrl-C forgets the statement being typed; the next one starts afresh.
        try t.enter("kratom contains")
        // Typed only once the continuation prompt is up: keys sent while the REPL is still
        // printing can be read before the line editor starts.
        _ = try t.wait("the continuation prompt") { $0.contains("kratom contains\n") && $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("...>") }
        try t.type("?a limit")
        // The terminal flushes unread input on ^C: interrupt only once the text is echoed.
        _ = try t.wait("the typed text") { $0.contains("...> ?a limit") }
        try t.send("C-c")
        _ = try t.wait("the cleared statement") { $0.contains("?a limit^C\nmitragraph>") }
        try t.enter("count where kratom contains ?a;")
        screen = try t.wait("the count") { $0.contains("count\n-----\n    2") }

        // Completion: a setting after a dot-command, a spaced name quoted, a class after ':'.
        try t.type(".format j")
        try t.send("Tab")
        _ = try t.wait("json after .format") { _ in (try? t.lastLine()) == "mitragraph> .format json" }
        try t.send("C-u")
        try t.type("find ?r where ?r:Rec")
        try t.send("Tab")
        _ = try t.wait("the class") { _ in (try? t.lastLine()) == "mitragraph> find ?r where ?r:Receptor" }
        try t.send("C-u")
        try t.type("path kratom to \"mu-opioid r")
        try t.send("Tab")
        _ = try t.wait("the quoted name") { _ in (try? t.lastLine()) == "mitragraph> path kratom to \"mu-opioid receptor\"" }
        try t.send("C-u")

        // help without the dot; it is longer than the terminal, so it goes through the pager.
        try t.enter("help")
        screen = try t.wait("the paged help") { $0.contains("PAGED:  .read FILE") }

        // The expanded view.
        try t.enter("\\x")
        try t.enter("kratom contains ?a limit 1;")
        screen = try t.wait("the expanded row") { $0.contains("-[ row 1 ]---\na       | mitragynine\nsupport | 1") }

        // exit leaves.
        try t.enter("exit")
        _ = try t.wait("the end of the shell") { $0.contains("SHELL-ENDED") }
    }

    @Test func controlDEndsTheLine() throws {
        guard let tmux = Self.tmux, FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs tmux and \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        let command = "env XDG_DATA_HOME=\(dir)/data TERM=xterm \(Self.binary) repl --store \(dir)/kg.sqlite"
        let t = try Terminal(tmux: tmux, command: command + "; echo SHELL-ENDED; sleep 5")
        _ = try t.wait("the prompt") { $0.contains("mitragraph>") }
        try t.send("C-d")
        let screen = try t.wait("the end of the shell") { $0.contains("SHELL-ENDED") }
        // The shell's next output starts on a line of its own, not after the prompt.
        #expect(screen.contains("\nSHELL-ENDED"))
        #expect(!screen.contains("mitragraph> SHELL-ENDED"))
    }

    /// `.read`, `.output` and `.once`, `.format dot|graphml`, settings shown without an
    /// argument, `help` and `quit`, and the exit status of piped input.
    @Test func pipedCommandsFilesAndFormats() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        let store = dir + "/kg.sqlite"
        Fixtures.write("# two statements\nkratom contains ?a\norder by ?a limit 1;\n.format\n\ncount where kratom contains ?a\n", to: "script.mgq", in: dir)
        let script = """
            .format csv
            .read \(dir)/script.mgq
            .once \(dir)/once.csv
            kratom contains ?a;
            kratom contains ?a limit 1;
            .output \(dir)/all.csv
            .output
            describe kratom;
            .output stdout
            .output
            .timer
            .timeout 5
            .timeout
            .expanded
            .pager
            .bail
            .format dot
            kratom contains mitragynine;
            .format graphml
            kratom contains mitragynine;
            help
            quit
            kratom contains ?a;
            """
        let (status, out, err) = try Self.piped(script, store: store)
        #expect(err == "")
        #expect(status == 0)
        let parts = out.components(separatedBy: "digraph")
        #expect(parts[0] == "a,support\nmitragynine,1\ncsv\ncount\n2\na,support\nmitragynine,1\nstdout\noff\n5\noff\non\noff\n")
        #expect(out.contains("\"mitragynine\""))
        #expect(out.contains("<graphml"))
        #expect(out.contains("Statements end at ; or at an empty line"))
        // quit ends the session: the last statement never runs.
        #expect(!out.hasSuffix("paynantheine,1\n"))
        #expect(try String(contentsOfFile: dir + "/once.csv", encoding: .utf8) == "a,support\nmitragynine,1\npaynantheine,1\n")
        let all = try String(contentsOfFile: dir + "/all.csv", encoding: .utf8)
        #expect(all.hasPrefix("\(dir)/all.csv\nproperty,value,support,denials\nid,kratom,,\n"))

        // An error in piped input: exit 65 at the end, or at once with --bail.
        let failing = "kratom contain ?a;\nkratom contains ?a;\n"
        let (goesOn, outGoesOn, _) = try Self.piped(failing, store: store, arguments: ["--format", "csv"])
        #expect(goesOn == 65)
        #expect(outGoesOn == "a,support\nmitragynine,1\npaynantheine,1\n")
        let (bails, outBails, errBails) = try Self.piped(failing, store: store, arguments: ["--format", "csv", "--bail"])
        #expect(bails == 65)
        #expect(outBails == "")
        #expect(errBails.hasPrefix("1:8: error: unknown predicate 'contain'"))
    }

    /// Each way out leaves at once: what follows it never runs.
    @Test func everyWayOut() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            print("skipped: needs \(Self.binary) (run swift build first)")
            return
        }
        let dir = try Self.makeStore()
        for word in ["exit", "quit", "\\q", "QUIT;", ".quit", ".exit"] {
            let (status, out, err) = try Self.piped("count where kratom contains ?a;\n\(word)\nkratom contains ?a;\n", store: dir + "/kg.sqlite",
                                                    arguments: ["--format", "csv"])
            #expect(status == 0, "\(word)")
            #expect(out == "count\n2\n", "\(word)")
            #expect(err == "", "\(word)")
        }
    }
}
