import ArgumentParser
import MitraExport
import MitraRDF
import MitraStore

/// `mitragraph export`: writes the graph in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph as DOT, GraphML, RDF, KGX, CSV or JSON.",
        discussion: """
            Formats and what --output names:
              dot       a Graphviz file (render it with `mitragraph render`)
              graphml   a GraphML file for networkx, igraph, Gephi, Cytoscape, yEd
              ntriples  an N-Triples file: the ontology, the edges, and every claim with
              turtle    a Turtle file    its document, sentence and spans
              kgx       a folder with nodes.jsonl, edges.jsonl (one per claim), mentions.jsonl
              csv       a folder with nodes.csv and edges.csv
              json      a file {"nodes": [...], "edges": [...]}

            Examples:
              mitragraph export --format graphml --output output/kratom.graphml
              mitragraph export --format turtle --output output/kratom.ttl
              mitragraph export --store kg.sqlite --format kgx --output kgx/
              mitragraph export --format csv --output output/tables
              mitragraph export --format graphml --query 'kratom has_adverse_effect ?e' --output effects.graphml
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, graphml, ntriples, turtle, kgx, csv, json
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var restriction: QueryRestriction

    @Option(name: .long, help: "The output format (default: the --output extension: .dot, .graphml, .nt, .ttl, .json).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("The output file or folder.", valueName: "path"))
    var output: String

    @Option(name: .long, help: "The Graphviz layout a DOT file is tuned for.")
    var layout: GraphLayout = .dot

    @Flag(name: .long, help: "In DOT and GraphML, include entities that have no edge too.")
    var allEntities = false

    /// File extensions and the formats they name.
    static let extensions: [String: Format] = ["dot": .dot, "gv": .dot, "graphml": .graphml, "nt": .ntriples, "ttl": .turtle, "json": .json]

    /// The format asked for, or the one the --output extension names.
    func chosenFormat() throws -> Format {
        guard let chosen = try formatFor(given: format, output: output, extensions: Self.extensions) else {
            throw ValidationError("give --format, or an --output ending in .dot, .graphml, .nt, .ttl or .json")
        }
        return chosen
    }

    func validate() throws { _ = try chosenFormat() }

    func run() throws {
        let format = try chosenFormat()
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            let subgraph = try restriction.subgraph(of: store)
            switch format {
            case .dot:
                try DOTExporter(layout: layout, includeIsolated: allEntities)
                    .export(store: store, to: output, subgraph: subgraph)
            case .graphml:
                _ = try GraphMLExporter(includeIsolated: allEntities).export(store: store, to: output, subgraph: subgraph)
            case .ntriples:
                try RDFExporter(syntax: .ntriples).export(store: store, to: output, subgraph: subgraph)
            case .turtle:
                try RDFExporter(syntax: .turtle).export(store: store, to: output, subgraph: subgraph)
            case .kgx:
                try KGXExporter().export(store: store, to: output, subgraph: subgraph)
            case .csv:
                try TableExporter(format: .csv).export(store: store, to: output, subgraph: subgraph)
            case .json:
                try TableExporter(format: .json).export(store: store, to: output, subgraph: subgraph)
            }
        }
    }
}

extension GraphLayout: ExpressibleByArgument {}
extension ImageFormat: ExpressibleByArgument {}
