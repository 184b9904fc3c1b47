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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, graphml, ntriples, turtle, kgx, csv, json
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The output format.")
    var format: Format

    @Option(name: [.short, .long], help: ArgumentHelp("The output file or folder.", valueName: "path"))
    var output: String

    @Option(name: .long, help: "The Graphviz layout a DOT file is tuned for.")
    var layout: GraphLayout = .dot

    @Flag(name: .long, help: "In DOT, draw entities that have no edge too.")
    var allEntities = false

    func run() throws {
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            switch format {
            case .dot:
                try DOTExporter(layout: layout, includeIsolated: allEntities).export(store: store, to: output)
            case .graphml:
                try GraphMLExporter().export(store: store, to: output)
            case .ntriples:
                try RDFExporter(syntax: .ntriples).export(store: store, to: output)
            case .turtle:
                try RDFExporter(syntax: .turtle).export(store: store, to: output)
            case .kgx:
                try KGXExporter().export(store: store, to: output)
            case .csv:
                try TableExporter(format: .csv).export(store: store, to: output)
            case .json:
                try TableExporter(format: .json).export(store: store, to: output)
            }
        }
    }
}

extension GraphLayout: ExpressibleByArgument {}
extension ImageFormat: ExpressibleByArgument {}
