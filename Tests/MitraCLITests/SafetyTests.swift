@testable import MitraCLI
import Foundation
import MitraStore
import MitraTestSupport
import Testing

/// Issue 11: no silent data loss, no crash. Each test runs the tool as a user would.
@Suite struct SafetyTests {
    let tool = Fixtures.executable

    func run(_ arguments: [String], input: String? = nil, in directory: String) throws -> ProcessOutput {
        try Fixtures.run(tool, arguments, input: input, directory: directory)
    }

    /// A folder with two articles and a store built from it.
    func builtStore() throws -> (dir: String, store: String) {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        Fixtures.write("Kratom may relieve chronic pain.\n", to: "corpus/a.txt", in: dir)
        Fixtures.write("Kratom can cause nausea. Kratom contains mitragynine.\n", to: "corpus/b.txt", in: dir)
        let r = try run(["build", "--quiet", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        return (dir, dir + "/kg.sqlite")
    }

    func documents(_ dir: String) throws -> [String] {
        try run(["docs", "list", "--store", "kg.sqlite"], in: dir).out.split(separator: "\n")
            .map { String($0.split(separator: "\t")[0]) }
    }

    // 1. A build prunes only what it was asked about.
    @Test func point1_aBuildOfOneFileOrAPipeOrALinkRemovesNothingElse() throws {
        let (dir, _) = try builtStore()
        Fixtures.write("Kratom may cause constipation.\n", to: "extra/one.txt", in: dir)
        var r = try run(["build", "--store", "kg.sqlite", "extra/one.txt"], in: dir)
        #expect(r.status == 0 && r.out.contains("0 removed"), "\(r.out)")
        r = try run(["build", "--store", "kg.sqlite", "-"], input: "Kratom may relieve anxiety.\n", in: dir)
        #expect(r.status == 0 && r.out.contains("0 removed"), "\(r.out)")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/corpus")
        r = try run(["build", "--store", "kg.sqlite", "link/"], in: dir)
        #expect(r.status == 0 && r.out.contains("2 unchanged") && r.out.contains("0 removed"), "\(r.out)")
        #expect(try documents(dir) == ["a.txt", "b.txt", "one.txt", "stdin"])

        // Gone from a listed root: removed, and named.
        try FileManager.default.removeItem(atPath: dir + "/corpus/b.txt")
        r = try run(["build", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.out.contains("removed b.txt") && r.out.contains("1 removed"), "\(r.out)")
        #expect(try documents(dir) == ["a.txt", "one.txt", "stdin"])
        // --prune is the old rule for those who want it.
        r = try run(["build", "--store", "kg.sqlite", "--prune", "corpus"], in: dir)
        #expect(r.out.contains("removed one.txt") && r.out.contains("removed stdin"), "\(r.out)")
        #expect(try documents(dir) == ["a.txt"])
    }

    @Test func point1_folderLinksAreFollowedAndALoopEnds() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        Fixtures.write("Kratom may relieve chronic pain.\n", to: "real/inner/a.txt", in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/corpus", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/corpus/linked", withDestinationPath: dir + "/real")
        try FileManager.default.createSymbolicLink(atPath: dir + "/real/inner/loop", withDestinationPath: dir + "/real")
        let r = try run(["build", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.status == 0 && r.out.contains("1 added"), "\(r.out) \(r.err)")
        #expect(try documents(dir) == ["linked/inner/a.txt"])
    }

    // 2. Outputs never replace what is not a regular file.
    @Test func point2_outputsToStandardOutputDevicesAndLinks() throws {
        let (dir, _) = try builtStore()
        var r = try run(["export", "--store", "kg.sqlite", "--format", "graphml", "--output", "-"], in: dir)
        #expect(r.status == 0 && r.out.hasPrefix("<?xml") && r.out.contains("</graphml>"), "\(r.err)")
        r = try run(["export", "--store", "kg.sqlite", "--format", "dot", "--output", "/dev/stdout"], in: dir)
        #expect(r.status == 0 && r.out.hasPrefix("digraph"), "\(r.err)")
        for format in ["graphml", "turtle", "json", "dot"] {
            r = try run(["export", "--store", "kg.sqlite", "--format", format, "--output", "/dev/full"], in: dir)
            #expect(r.status == 73, "\(format): \(r.status) \(r.err)")
        }
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.ttl", withDestinationPath: "real.ttl")
        r = try run(["export", "--store", "kg.sqlite", "--format", "turtle", "--output", "link.ttl"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.ttl") == "real.ttl")
        #expect((FileManager.default.contents(atPath: dir + "/real.ttl")?.count ?? 0) > 100)
        r = try run(["export", "--store", "kg.sqlite", "--format", "graphml", "--output", "new/folder/g.graphml"], in: dir)
        #expect(r.status == 0 && FileManager.default.fileExists(atPath: dir + "/new/folder/g.graphml"), "\(r.err)")
        r = try run(["query", "--store", "kg.sqlite", "--format", "graphml", "-o", "-", "kratom ?p ?o"], in: dir)
        #expect(r.status == 0 && r.out.contains("</graphml>"), "\(r.err)")
    }

    @Test func point2_aFailedCSVExportLeavesNoPartialFile() throws {
        let (dir, _) = try builtStore()
        // edges.csv cannot be written (a folder holds its name): nodes.csv must not appear either.
        try FileManager.default.createDirectory(atPath: dir + "/tables/edges.csv", withIntermediateDirectories: true)
        let r = try run(["export", "--store", "kg.sqlite", "--format", "csv", "--output", "tables"], in: dir)
        #expect(r.status == 73, "\(r.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/tables")
        #expect(left == ["edges.csv"], "\(left)")
    }

    // 3. Standard input has a name.
    @Test func point3_standardInputTakesAnID() throws {
        let (dir, _) = try builtStore()
        _ = try run(["build", "--store", "kg.sqlite", "--id", "first.txt", "-"], input: "Kratom may relieve anxiety.\n", in: dir)
        _ = try run(["build", "--store", "kg.sqlite", "--id", "second.txt", "-"], input: "Kratom may cause nausea.\n", in: dir)
        #expect(try documents(dir) == ["a.txt", "b.txt", "first.txt", "second.txt"])
    }

    // 5. A missing input creates no store.
    @Test func point5_aMissingInputCreatesNoStore() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        let r = try run(["build", "--store", "new.sqlite", "no-such-file.txt"], in: dir)
        #expect(r.status == 66 && r.err.contains("no-such-file.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    // 6. Text is never cut.
    @Test func point6_aNULIsRefusedNotCut() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        let padding = String(repeating: "Plain words fill this line. ", count: 400)
        Fixtures.write(padding + "\u{0}Kratom may cause nausea.\n", to: "corpus/late-nul.txt", in: dir)
        Fixtures.write("{\"id\": 1, \"text\": \"Kratom eases pain.\\u0000Kratom may cause nausea.\"}\n", to: "corpus/c.jsonl", in: dir)
        Fixtures.write("Kratom may relieve chronic pain.\n", to: "corpus/ok.txt", in: dir)
        let r = try run(["build", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.status == 0 && r.err.contains("late-nul.txt") && r.err.contains("c.jsonl:1"), "\(r.err)")
        #expect(try documents(dir) == ["ok.txt"])
    }

    // 7. No crash.
    @Test func point7_badValuesAreClearErrors() throws {
        let (dir, _) = try builtStore()
        let chain = "kratom ?p ?o where " + Array(repeating: "support > 0", count: 30_000).joined(separator: " or ")
        Fixtures.write(chain, to: "chain.mgq", in: dir)
        var r = try run(["query", "--store", "kg.sqlite", "--file", "chain.mgq"], in: dir)
        #expect(r.status == 65 && r.err.contains("too many conditions"), "\(r.status)")
        for value in ["inf", "1e308", "2e10"] {
            r = try run(["query", "--store", "kg.sqlite", "--timeout", value, "kratom ?p ?o"], in: dir)
            #expect(r.status == 0, "\(value): \(r.err)")
            r = try run(["export", "--store", "kg.sqlite", "--timeout", value, "--query", "kratom ?p ?o", "--format", "json", "-o", "-"], in: dir)
            #expect(r.status == 0, "\(value): \(r.err)")
        }
        r = try run(["query", "--store", "kg.sqlite", "--timeout", "nan", "kratom ?p ?o"], in: dir)
        #expect(r.status == 64, "\(r.err)")
        r = try run(["stats", "--store", dir], in: dir)
        #expect(r.status == 65 && r.err.contains("is a folder"), "\(r.err)")
        // The shell goes on after the bad value; piped input that hit an error exits 65 at its end.
        r = try run(["repl", "--store", "kg.sqlite"], input: ".timeout inf\n.timeout 1e308\n.timeout nan\nkratom ?p ?o\n", in: dir)
        #expect(r.status == 65 && r.out.contains("mitragynine") && r.err.contains(".timeout takes"), "\(r.status) \(r.err)")
    }

    @Test func point7_standardOutputOnAFullDiskExits73() throws {
        let (dir, _) = try builtStore()
        for arguments in [["query", "--store", "kg.sqlite", "kratom ?p ?o"], ["stats", "--store", "kg.sqlite"],
                          ["docs", "list", "--store", "kg.sqlite"], ["evidence", "--store", "kg.sqlite", "kratom", "has_adverse_effect", "nausea"]] {
            let r = try Fixtures.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", tool] + arguments, directory: dir)
            #expect(r.status == 73 && r.err.contains("no space left on device"), "\(arguments): \(r.status) \(r.err)")
        }
        let r = try Fixtures.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", tool, "repl", "--store", "kg.sqlite"],
                                 input: "kratom ?p ?o\n", directory: dir)
        #expect(r.status == 73, "\(r.status) \(r.err)")
    }

    // 9. Errors that say the truth.
    @Test func point9_limitsAreQueryErrorsAndFixedEndsPathsWork() throws {
        let (dir, _) = try builtStore()
        var r = try run(["query", "--store", "kg.sqlite", "kratom any{2} nausea"], in: dir)
        #expect(r.status == 0 && !r.err.contains("store failed"), "\(r.err)")
        r = try run(["query", "--store", "kg.sqlite", "kratom ?p ?o limit -1"], in: dir)
        #expect(r.status == 65 && r.err.contains("1:20") && r.err.contains("a number of rows"), "\(r.err)")
        r = try run(["query", "--store", "kg.sqlite", "kratom ?p ?o offset -5"], in: dir)
        #expect(r.status == 65 && r.err.contains("a number of rows"), "\(r.err)")
        let joins = (1...70).map { "?x\($0) ?p\($0) ?x\($0 + 1)" }.joined(separator: " and ")
        // The most conditions a query may hold reach SQLite flat, not as 256 nested parentheses.
        for op in [" or ", " and "] {
            let chain = "kratom ?p ?o where " + Array(repeating: "support > 0", count: 256).joined(separator: op)
            r = try run(["query", "--store", "kg.sqlite", "explain " + chain], in: dir)
            #expect(r.status == 0 && !r.err.contains("store failed"), "\(r.err)")
        }
        for query in ["find ?x1 where " + joins, joins] {
            r = try run(["query", "--store", "kg.sqlite", query], in: dir)
            #expect(r.status == 65 && r.err.contains("too many patterns: at most 32") && !r.err.contains("store failed"), "\(r.err)")
        }
    }

    // 10. Exit codes.
    @Test func point10_exitStatusesSayWhoseFaultItWas() throws {
        #expect(exitStatus(for: StoreError(kind: .noSpace, path: "s", message: "no space left on device")).1.rawValue == 73)
        #expect(exitStatus(for: StoreError(kind: .busy, path: "s", message: "another build is writing this store")).1.rawValue == 73)
        let (dir, store) = try builtStore()
        var r = try run(["import", "--store", "kg.sqlite", "/nonexistent.nt"], in: dir)
        #expect(r.status == 66, "\(r.status) \(r.err)")
        let queue = try DatabaseQueueForTests.open(store)
        try queue("DROP TABLE edges")
        r = try run(["stats", "--store", "kg.sqlite"], in: dir)
        #expect(r.status == 65 && r.err.contains("corrupt"), "\(r.status) \(r.err)")
    }

    // 11. Reading never writes.
    @Test func point11_readingLeavesTheStoreByteForByte() throws {
        let (dir, store) = try builtStore()
        let before = FileManager.default.contents(atPath: store)
        for arguments in [["query", "--store", "kg.sqlite", "kratom ?p ?o"], ["stats", "--store", "kg.sqlite"],
                          ["docs", "list", "--store", "kg.sqlite"], ["export", "--store", "kg.sqlite", "--format", "json", "-o", "out.json"]] {
            let r = try run(arguments, in: dir)
            #expect(r.status == 0, "\(arguments): \(r.err)")
        }
        #expect(FileManager.default.contents(atPath: store) == before)
        #expect(!FileManager.default.fileExists(atPath: store + "-wal") && !FileManager.default.fileExists(atPath: store + "-shm"))
        FileManager.default.createFile(atPath: dir + "/empty.sqlite", contents: Data())
        for arguments in [["stats", "--store", "empty.sqlite"], ["build", "--store", "empty.sqlite", "corpus"]] {
            let r = try run(arguments, in: dir)
            #expect(r.status == 65 && r.err.contains("not a mitragraph store"), "\(r.err)")
        }
        #expect(FileManager.default.contents(atPath: dir + "/empty.sqlite")?.isEmpty == true)
    }

    // 13. GraphML is always well-formed; JSON lines read as lines.
    @Test func point13_jsonLinesWithCRLFDuplicatesAndNothing() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        Fixtures.write("{\"id\": \"a\", \"text\": \"Kratom may relieve chronic pain.\"}\r\n{\"id\": \"b\", \"text\": \"Kratom can cause nausea.\"}\r\n{\"id\": \"a\", \"text\": \"Kratom contains mitragynine.\"}\r\n",
                       to: "corpus/crlf.jsonl", in: dir)
        Fixtures.write("", to: "corpus/empty.jsonl", in: dir)
        let r = try run(["build", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(try documents(dir) == ["crlf.jsonl#a", "crlf.jsonl#b"])
        #expect(r.err.contains("crlf.jsonl:3") && r.err.contains("repeats the id"), "\(r.err)")
        #expect(r.err.contains("empty.jsonl"), "\(r.err)")
    }
}

/// Raw SQL on a store file, to damage it the way a test needs.
enum DatabaseQueueForTests {
    static func open(_ path: String) throws -> (String) throws -> Void {
        { sql in
            let r = try Fixtures.run("/usr/bin/python3", ["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql])
            if r.status != 0 { throw StoreError(kind: .writeFailed, path: path, message: r.err) }
        }
    }
}

/// Issue 11, the points that need an ontology of the user's or a damaged label.
@Suite struct SafetyOntologyTests {
    let tool = Fixtures.executable

    static let userOntology = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/mitragraph/entity/zorblitis> a skos:Concept, mg:Condition ;
            skos:prefLabel "bell\\u0007 zorb\\u001B" ; skos:altLabel "zorblitis" .

        """

    func run(_ arguments: [String], in directory: String) throws -> ProcessOutput {
        try Fixtures.run(tool, arguments, directory: directory)
    }

    // 4. The store remembers its ontology layers.
    @Test func point4_aRebuildWithoutTheOntologyKeepsTheUsersEntities() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        Fixtures.write(Self.userOntology, to: "mine/zorb.ttl", in: dir)
        Fixtures.write("Kratom relieves zorblitis.\n", to: "corpus/a.txt", in: dir)
        var r = try run(["build", "--store", "kg.sqlite", "--ontology", "mine", "corpus"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        let zorb = ["query", "--store", "kg.sqlite", "--format", "tsv", "kratom ?p zorblitis"]
        #expect(try run(zorb, in: dir).out.contains("treats"))
        r = try run(["build", "--store", "kg.sqlite", "corpus"], in: dir)
        #expect(r.status == 0 && r.err.contains("--ontology") && r.err.contains("drop-ontology-layers"), "\(r.err)")
        #expect(try run(zorb, in: dir).out.contains("treats"))
        r = try run(["build", "--store", "kg.sqlite", "--drop-ontology-layers", "corpus"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(try run(zorb, in: dir).status == 65)  // zorblitis is no entity any more
    }

    // 13. GraphML is always well-formed XML.
    @Test func point13_graphMLWithControlCharactersIsWellFormed() throws {
        let dir = Fixtures.temporaryDirectory("mitragraph-safety")
        Fixtures.write(Self.userOntology, to: "mine/zorb.ttl", in: dir)
        Fixtures.write("Kratom relieves zorblitis.\n", to: "corpus/a.txt", in: dir)
        #expect(try run(["build", "--quiet", "--store", "kg.sqlite", "--ontology", "mine", "corpus"], in: dir).status == 0)
        #expect(try run(["export", "--store", "kg.sqlite", "--format", "graphml", "-o", "g.graphml"], in: dir).status == 0)
        #expect(try run(["query", "--store", "kg.sqlite", "--format", "graphml", "-o", "q.graphml", "kratom ?p ?o"], in: dir).status == 0)
        for file in ["g.graphml", "q.graphml"] {
            let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            #expect(text.contains(">bell zorb<"), "\(file)")
            let parsed = try Fixtures.run("/usr/bin/python3", ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", dir + "/" + file])
            #expect(parsed.status == 0, "\(file): \(parsed.err)")
        }
    }
}
