import ArgumentParser

/// The `mitragraph` command: builds, queries, draws and exports the kratom knowledge graph.
public struct MitragraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mitragraph",
        abstract: "Build, query, draw and export a knowledge graph of kratom and chronic pain.",
        discussion: """
            Examples:
              mitragraph build                       # the bundled sample corpus into output/
              mitragraph build --store kg.sqlite articles/
              mitragraph export --store kg.sqlite --format kgx --output kgx/

            Exit status: 0 success, 64 bad usage, 65 bad input (a file, query, ontology or
            store that cannot be used), 66 a missing input or store, 70 an internal failure,
            73 an output that cannot be written.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self,
            ExtractCommand.self,
            EvidenceCommand.self,
            ExportCommand.self,
            OntologyCommand.self,
            RenderCommand.self,
            QueryCommand.self,
            ReplCommand.self,
            DocsCommand.self,
            ImportCommand.self,
            StatsCommand.self,
        ]
    )

    public init() {}
}
