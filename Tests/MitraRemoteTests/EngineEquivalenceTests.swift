import Foundation
import MitraModel
import MitraQuery
import MitraRemote
import MitraStore
import MitraTestSupport
import Testing

/// Against real engines on loopback: after `push`, every example query and benchmark query
/// answers the same through `--endpoint` as locally; a push stopped midway converges; after
/// one document changes and one is removed, the next push sends exactly those two graphs.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixtures.executable)))
struct EngineEquivalenceTests {
    @Test(.enabled(if: SPARQLServer.program(.oxigraph) != nil, Comment(rawValue: SPARQLServer.missingMessage(.oxigraph))))
    func oxigraph() throws { try scenario(.oxigraph) }

    @Test(.enabled(if: SPARQLServer.program(.virtuoso) != nil, Comment(rawValue: SPARQLServer.missingMessage(.virtuoso))))
    func virtuoso() throws { try scenario(.virtuoso) }

    /// A document that contradicts itself never makes an edge contested, remotely as locally;
    /// one that affirms and another that denies do. Our own sentences, not the corpus's.
    @Test(.enabled(if: SPARQLServer.program(.oxigraph) != nil, Comment(rawValue: SPARQLServer.missingMessage(.oxigraph))))
    func selfContradictionIsNotAContest() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-contest")
        Fixtures.write("Kratom can cause nausea. Kratom does not cause nausea.\n", to: "both.txt", in: folder + "/corpus")
        Fixtures.write("Kratom may cause constipation.\n", to: "yes.txt", in: folder + "/corpus")
        Fixtures.write("Kratom does not cause constipation. Kratom may relieve pain.\n", to: "no.txt", in: folder + "/corpus")
        let store = folder + "/kg.sqlite"
        try RemoteFixture.build(corpus: folder + "/corpus", store: store)
        let server = try SPARQLServer(.oxigraph)
        defer { server.stop() }
        #expect(try push(store, server).status == 0)
        let engine = QueryEngine(store: try GraphStore(path: store))
        let runner = RemoteQueryRunner(engine: engine, endpoint: try SPARQLEndpoint(EndpointConfiguration(base: server.base)))
        let queries = ["contested", "kratom ?p ?x where contested", "kratom ?p ?x where not contested and negated",
                       "find ?x, denials where kratom has_adverse_effect ?x and denials >= 1", "contested with evidence",
                       "describe kratom", "evidence kratom has_adverse_effect nausea"]
        for query in queries {
            #expect(try runner.run(query) == engine.run(query), "\(query)")
        }
        let contested = try engine.run("contested")
        #expect(contested.displayRows.map { $0[2] } == ["constipation"], "the self-contradicting edge is left out")
        #expect(try engine.run("evidence kratom has_adverse_effect nausea").rows.count == 2)
    }

    /// An imported graph's edges in our vocabulary support edges remotely as locally.
    @Test(.enabled(if: SPARQLServer.program(.oxigraph) != nil, Comment(rawValue: SPARQLServer.missingMessage(.oxigraph))))
    func importedGraphsSupportEdges() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-imported")
        Fixtures.write("Kratom may relieve pain. Kratom does not cause constipation.\n", to: "a.txt", in: folder + "/corpus")
        let store = folder + "/kg.sqlite"
        try RemoteFixture.build(corpus: folder + "/corpus", store: store)
        let mge = "https://w3id.org/mitragraph/entity/", mg = "https://w3id.org/mitragraph/ontology#"
        let file = Fixtures.write("""
            <\(mge)kratom> <\(mg)treats> <\(mge)pain> .
            <\(mge)kratom> <\(mg)treats> <\(mge)insomnia> .
            <\(mge)kratom> <\(mg)has_adverse_effect> <\(mge)constipation> .
            <\(mge)kratom> <http://example.org/seenIn> <\(mge)insomnia> .
            """ + "\n", to: "extra.nt", in: folder)
        let imported = try RemoteFixture.run(["import", "--store", store, file])
        #expect(imported.status == 0, "\(imported.err)")
        let server = try SPARQLServer(.oxigraph)
        defer { server.stop() }
        #expect(try push(store, server).status == 0)
        let engine = QueryEngine(store: try GraphStore(path: store))
        let runner = RemoteQueryRunner(engine: engine, endpoint: try SPARQLEndpoint(EndpointConfiguration(base: server.base)))
        let queries = ["kratom treats ?c", "find ?c, claims where kratom ?p ?c", "contested", "describe kratom",
                       "kratom ?p ?x where support = 0", "path insomnia to pain max 2"]
        for query in queries {
            #expect(try runner.run(query) == engine.run(query), "\(query)")
        }
        #expect(try engine.run("kratom treats ?c").displayRows.contains(["insomnia", "1"]))
        #expect(try engine.run("contested").rows.count == 1)
    }

    func push(_ store: String, _ server: SPARQLServer, environment: [String: String] = [:]) throws -> ProcessOutput {
        try RemoteFixture.run(["push", "--store", store, "--retries", "0"] + server.endpointArguments, environment: environment)
    }

    func scenario(_ engine: SPARQLServer.Engine) throws {
        let (corpus, store) = try RemoteFixture.builtCorpus()
        let server = try SPARQLServer(engine)
        defer { server.stop() }
        // The projection's graphs: the ontology's and one per document.
        let graphs = try GraphStore(path: store).documents().count + 1

        // Stopped after five graphs, then run again: the rest is sent, and nothing twice.
        let stopped = try push(store, server, environment: ["MITRAGRAPH_TEST_KILL_PUSH_AFTER": "5"])
        #expect(stopped.status != 0)
        let resumed = try push(store, server)
        #expect(resumed.status == 0, "\(resumed.err)")
        let first = try #require(RemoteFixture.counts(resumed.out), "\(resumed.out)")
        #expect(first.sent == graphs - 5 && first.unchanged == 5 && first.deleted == 0)
        try expectSameAnswers(store, server)
        try expectSameShell(store, server)

        // One document changed, one removed.
        let changed = corpus + "/kratom-with-complementary-therapies.txt"
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try (text + "\nKratom may cause constipation and dizziness.\n").write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: corpus + "/vendor-kratom-capsules.html")
        try RemoteFixture.build(corpus: corpus, store: store)
        let second = try push(store, server)
        #expect(second.status == 0, "\(second.err)")
        let counts = try #require(RemoteFixture.counts(second.out), "\(second.out)")
        #expect(counts.sent == 1 && counts.deleted == 1 && counts.unchanged == graphs - 2, "\(second.out)")
        #expect(second.err.contains("sent <\(Namespace.documentIRI("kratom-with-complementary-therapies.txt"))>"))
        #expect(second.err.contains("deleted <\(Namespace.documentIRI("vendor-kratom-capsules.html"))>"))
        try expectSameAnswers(store, server)

        let third = try push(store, server)
        #expect(RemoteFixture.counts(third.out).map { $0.sent == 0 && $0.deleted == 0 } == true, "\(third.out)")
        if engine == .oxigraph { try expectShardedExtractionLoadsTheSame(corpus: corpus, as: server) }

        // Through SPARQL Update instead of the Graph Store Protocol, into a fresh store.
        let viaUpdate = try SPARQLServer(engine)
        defer { viaUpdate.stop() }
        let updated = try RemoteFixture.run(["push", "--store", store, "--retries", "0", "--use-update", "--quiet"]
                                            + viaUpdate.endpointArguments)
        #expect(updated.status == 0, "\(updated.err)")
        #expect(RemoteFixture.counts(updated.out)?.sent == graphs - 1, "\(updated.out)")
        #expect(try Self.statements(viaUpdate) == Self.statements(server))
    }

    /// `extract --format nquads` split four ways with `xargs -P 4`, loaded with `oxigraph
    /// load`, holds the statements `push` sent.
    func expectShardedExtractionLoadsTheSame(corpus: String, as pushed: SPARQLServer) throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-sharded")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tool = Fixtures.executable
        // Temporary paths hold no quotes, so they can stand inside the quoted script.
        let script = """
            set -e
            "\(tool)" extract --format nquads --with-ontology > "\(folder)/ontology.nq"
            find "\(corpus)" -type f ! -name README.md | sort | xargs -P 4 -n 4 sh -c \\
              'out=$(mktemp -p "\(folder)" part-XXXXXX.nq); "\(tool)" extract --format nquads --root "\(corpus)" "$@" > "$out"' _
            """
        let split = try Fixtures.run("/bin/sh", ["-c", script], directory: Fixtures.repositoryRoot)
        #expect(split.status == 0, "\(split.err)")
        let parts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".nq") }.sorted()
        #expect(parts.count == 5, "\(parts)")
        let oxigraph = try #require(SPARQLServer.program(.oxigraph))
        let loaded = try Fixtures.run(oxigraph, ["load", "--location", folder + "/data", "--file"] + parts.map { folder + "/" + $0 })
        #expect(loaded.status == 0, "\(loaded.err)")
        let server = try SPARQLServer(.oxigraph, data: folder + "/data")
        defer { server.stop() }
        #expect(try Self.statements(server) == Self.statements(pushed))
    }

    /// Every statement of every named graph (blank nodes, which stores rename, as one),
    /// with how often it occurs once blank nodes are merged.
    static func statements(_ server: SPARQLServer) throws -> [String: Int] {
        var configuration = EndpointConfiguration(base: server.base)
        if server.engine == .virtuoso { configuration.queryPath = "/sparql" }
        let endpoint = try SPARQLEndpoint(configuration)
        var counts: [String: Int] = [:]
        // Only our graphs: Virtuoso keeps graphs of its own.
        let query = """
            SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }
              FILTER(STRSTARTS(STR(?g), "https://w3id.org/mitragraph/")) }
            """
        for solution in try endpoint.select(query).solutions {
            let key = ["g", "s", "p", "o"].map { name -> String in
                guard let term = solution[name] else { return "" }
                if case .blank = term { return "_:b" }
                return NTriples.term(term)
            }.joined(separator: " ")
            counts[key, default: 0] += 1
        }
        return counts
    }

    /// The shell with --endpoint prints what it prints locally.
    func expectSameShell(_ store: String, _ server: SPARQLServer) throws {
        let input = "kratom treats ?c order by support desc\n.format json\ncontested limit 3\n"
        let local = try Fixtures.run(Fixtures.executable, ["repl", "--store", store, "--format", "tsv"], input: input)
        let remote = try Fixtures.run(Fixtures.executable, ["repl", "--store", store, "--format", "tsv"] + server.endpointArguments,
                                      input: input)
        #expect(local.status == 0 && remote.status == 0 && remote.err.isEmpty, "\(remote.err)")
        #expect(remote.out == local.out && local.out.contains("\"subject\""))
    }

    func expectSameAnswers(_ path: String, _ server: SPARQLServer) throws {
        let engine = QueryEngine(store: try GraphStore(path: path))
        var configuration = EndpointConfiguration(base: server.base)
        if server.engine == .virtuoso {
            configuration.queryPath = "/sparql"
            configuration.updatePath = "/sparql"
            configuration.storePath = "/sparql-graph-crud-auth"
        }
        configuration.retries = 0
        let runner = RemoteQueryRunner(engine: engine, endpoint: try SPARQLEndpoint(configuration))
        var compared = 0, nonEmpty = 0
        for query in try ExampleQueries.documented() + ExampleQueries.benchmark() + ExampleQueries.holders {
            // Result rows and error examples in the document are not queries of this corpus.
            guard let local = try? engine.run(query) else { continue }
            if Self.notYetRemote.contains(where: { query.lowercased().hasPrefix($0) }) { continue }
            let remote = try runner.run(query)
            if Self.orderIsUnspecified(query, local) {
                // A limit without an order takes rows in the local indexes' order; when the
                // limit cuts nothing, the same rows must come back, in some order.
                #expect(remote.columns == local.columns && Set(remote.rows) == Set(local.rows), "\(server.engine.rawValue): \(query)")
            } else {
                #expect(remote == local, "\(server.engine.rawValue): \(query)")
            }
            compared += 1
            if !local.rows.isEmpty { nonEmpty += 1 }
        }
        #expect(compared >= 40 && nonEmpty >= 25, "compared \(compared), \(nonEmpty) with rows")
    }

    /// `explain` prints how each side runs a query, which differs by design.
    static let notYetRemote = ["explain"]

    /// A pattern query with a limit and no order whose limit cut nothing.
    static func orderIsUnspecified(_ query: String, _ local: QueryResult) -> Bool {
        guard case .select(let select)? = try? Parser.parse(query), select.tail.order.isEmpty, let limit = select.tail.limit else {
            return false
        }
        return local.rows.count < limit
    }
}
