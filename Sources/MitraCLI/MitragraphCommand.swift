import ArgumentParser

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

            Exit status: 0 success, 64 bad usage, 65 bad input (a file, query,
            ontology or store that cannot be used), 66 a missing input or store,
            69 a SPARQL store that cannot be reached or fails, 70 an internal
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
}
