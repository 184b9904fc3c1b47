import ArgumentParser
import Foundation
import MitraModel

/// The `mitragraph` command: builds, queries, draws and exports the kratom knowledge graph.
public struct MitragraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mitragraph",
        abstract: "Build, query, draw and export a knowledge graph of kratom and chronic pain.",
        discussion: """
            Examples:
              mitragraph build                    # corpus/ into output/kratom.sqlite
              mitragraph build --store kg.sqlite articles/
              mitragraph query 'kratom treats ?c order by support desc limit 5'
              mitragraph evidence kratom has_adverse_effect dependence
              mitragraph repl
              mitragraph render --format svg --output output/kratom.svg
              mitragraph export --format kgx --output output/kgx

            Exit status: 0 success, 64 bad usage, 65 bad input (a file, query, \
            ontology or store that cannot be used), 66 a missing input or store, \
            69 a SPARQL store that cannot be reached or fails, 70 an internal \
            failure, 73 an output that cannot be written.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self,
            ExtractCommand.self,
            QueryCommand.self,
            ReplCommand.self,
            EvidenceCommand.self,
            ExportCommand.self,
            RenderCommand.self,
            StatsCommand.self,
            DocsCommand.self,
            ImportCommand.self,
            PushCommand.self,
            OntologyCommand.self,
        ]
    )

    public init() {}

    /// Parses the command line and runs the command, first turning a mistyped subcommand into
    /// a suggestion of the nearest one (exit 64) rather than the parser's "unexpected argument".
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownSubcommand(in: arguments) {
            FileHandle.standardError.write(Data(("mitragraph: " + message + "\n").utf8))
            Foundation.exit(64)
        }
        main(arguments)
    }

    /// "unknown subcommand 'qurey'; did you mean 'query'?" when a word where a subcommand
    /// goes names none, at any depth (`ontology chek`); nil when the line is fine.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        var command: ParsableCommand.Type = Self.self
        var path = "mitragraph"
        for word in arguments {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty || word.hasPrefix("-") { return nil }
            let names = subcommands.map { $0._commandName }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                path += " " + word
                continue
            }
            if word == "help" { return nil }
            let near = EditDistance.nearest(to: word, in: names, count: 1)
            let hint = near.first.map { "did you mean '\($0)'?" } ?? "the subcommands are: " + names.joined(separator: ", ")
            return "unknown subcommand '\(word)' of \(path); \(hint) (see '\(path) --help')"
        }
        return nil
    }
}
