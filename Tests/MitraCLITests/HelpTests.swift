@testable import MitraCLI
import Foundation
import MitraTestSupport
import ArgumentParser
import Testing

/// The root command's help, exactly: the first thing a new user reads.
@Suite struct HelpTests {
    /// Every command's prose reflows to the terminal: on a wide one each paragraph is one
    /// line, not lines cut at the columns of the source.
    @Test func proseReflowsToTheWidth() {
        var commands: [ParsableCommand.Type] = [MitragraphCommand.self]
        var index = 0
        while index < commands.count {
            commands += commands[index].configuration.subcommands
            index += 1
        }
        for command in commands {
            let discussion = command.configuration.discussion
            let help = command == MitragraphCommand.self
                ? MitragraphCommand.helpMessage(columns: 2000) : MitragraphCommand.helpMessage(for: command, columns: 2000)
            for paragraph in discussion.components(separatedBy: "\n\n") {
                let lines = paragraph.split(separator: "\n")
                // Lists and examples (indented lines, or a heading ending in ':') keep their lines.
                guard lines.count > 1, !lines.contains(where: { $0.hasPrefix(" ") || $0.hasSuffix(":") }) else { continue }
                Issue.record("\(command._commandName): a paragraph cut at fixed columns: \(lines[0])")
            }
            #expect(help.contains("OVERVIEW"))
        }
    }

    @Test func rootHelpIsExactlyThis() {
        #expect(MitragraphCommand.helpMessage(columns: 80) == """
        OVERVIEW: Build, query, draw and export a knowledge graph of kratom and chronic
        pain.

        Examples:
          mitragraph build                    # corpus/ into output/kratom.sqlite
          mitragraph build --store kg.sqlite articles/
          mitragraph query 'kratom treats ?c order by support desc limit 5'
          mitragraph evidence kratom has_adverse_effect dependence
          mitragraph repl
          mitragraph render --format svg --output output/kratom.svg
          mitragraph export --format kgx --output output/kgx

        Exit status: 0 success, 64 bad usage, 65 bad input (a file, query, ontology or
        store that cannot be used), 66 a missing input or store, 69 a SPARQL store that
        cannot be reached or fails, 70 an internal failure, 73 an output that cannot be
        written.

        USAGE: mitragraph <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          build                   Build or update the graph from articles (.txt, .md,
                                  .html, .jsonl).
          extract                 Extract mentions and claims (JSON lines, N-Quads or
                                  KGX), without a store.
          query                   Run a query against the graph (language:
                                  docs/query-language.md).
          repl                    Query the graph interactively.
          evidence                Show the sentences behind an edge: each claim's
                                  document, polarity, holder, rule and confidence.
          export                  Export the graph as DOT, GraphML, RDF, KGX, CSV or
                                  JSON.
          render                  Draw the graph as SVG, PNG or PDF.
          stats                   Show what the store holds: documents, entities,
                                  claims, edges, graphs.
          docs                    List or remove the documents in the store.
          import                  Load an N-Triples or Turtle file into the store as a
                                  named graph.
          push                    Write the graph into a SPARQL 1.1 store, sending only
                                  what changed.
          ontology                Check the ontology, or show an entity with all its
                                  labels and identifiers.

          See 'mitragraph help <subcommand>' for detailed help.
        """)
    }
}

/// The manual page and the shell completions, both made from the argument parser's model of
/// the command line, so they list every subcommand.
@Suite struct ManualAndCompletionTests {
    @Test func completionScriptsNameEverySubcommand() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.executable) else {
            print("skipped: needs \(Fixtures.executable) (run swift build first)")
            return
        }
        for shell in ["bash", "zsh", "fish"] {
            let r = try Fixtures.run(Fixtures.executable, ["--generate-completion-script", shell])
            #expect(r.status == 0)
            for name in ["build", "query", "repl", "evidence", "export", "render", "ontology"] {
                #expect(r.out.contains(name), "\(shell) completion lacks \(name)")
            }
        }
    }

    /// The tool `make man` runs, when a build has made it (the plugin builds it on first use).
    @Test func theManualDescribesTheSubcommands() throws {
        let tool = Fixtures.repositoryRoot + "/.build/debug/generate-manual-tool"
        guard FileManager.default.isExecutableFile(atPath: Fixtures.executable), FileManager.default.isExecutableFile(atPath: tool) else {
            print("skipped: needs \(tool) (run make man once)")
            return
        }
        let r = try Fixtures.run(tool, [Fixtures.executable, "--output-directory", "-"])
        #expect(r.status == 0)
        #expect(r.out.contains(".Dt MITRAGRAPH 1"))
        #expect(r.out.contains("evidence"))
        #expect(r.out.contains("Exit status: 0 success"))
    }
}
