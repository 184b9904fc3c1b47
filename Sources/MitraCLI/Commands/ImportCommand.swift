import ArgumentParser
import Foundation
import MitraExtraction
import MitraModel
import MitraRDF
import MitraStore

/// `mitragraph import`: loads an RDF file into the store as a named graph.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an N-Triples or Turtle file into the store as a named graph.",
        discussion: """
            The file is streamed in one transaction; importing into a graph \
            that exists replaces it. Triples `mge:A mg:p mge:B` whose predicate \
            the ontology defines also become edges, and skos:Concepts typed \
            with an ontology class and carrying a skos:prefLabel become \
            entities, so queries see them.

            Examples:
              mitragraph import extra.nt
              mitragraph import --store kg.sqlite --graph https://example.org/g1 data.ttl
              mitragraph import --format ntriples --json dump.txt
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case turtle
        case ntriples
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var ontologyOptions: OntologyOptions

    @Option(name: .long, help: ArgumentHelp(
        "The named graph to load into (default: one named after the file).", valueName: "iri"))
    var graph: String?

    @Option(name: .long, help: "The file's syntax (default: from its extension, .nt or .ttl).")
    var format: Format?

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("The RDF file to load.", valueName: "file"))
    var file: String

    func run() throws {
        try reportingErrors {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError.missing("\(file): no such file") }
            let syntax: RDFSyntax
            switch format {
            case .turtle: syntax = .turtle
            case .ntriples: syntax = .ntriples
            case nil:
                guard let guessed = RDFSyntax(fileName: file), guessed != .nquads else {
                    throw CLIError.badInput("\(file): cannot tell the syntax from the extension; pass --format turtle or --format ntriples")
                }
                syntax = guessed
            }
            let store = try GraphStore(path: storeOptions.store, create: true)
            let loadedOntology = try ontologyOptions.load()
            let report = try GraphImporter(store: store).importFile(
                file, syntax: syntax, graph: graph, ontology: loadedOntology, rulesVersion: Extractor.rulesVersion(of: loadedOntology.cues))
            for rejected in report.rejectedEdges.prefix(20) { note("warning: \(file): not an edge: \(rejected)") }
            if report.rejectedEdges.count > 20 { note("warning: \(file): \(report.rejectedEdges.count - 20) more statements were not edges") }
            let rate = report.seconds > 0 ? Double(report.statements) / report.seconds : 0
            if json {
                print("""
                    {"store": \(JSONString.quoted(store.path)), "graph": \(JSONString.quoted(report.graph)), \
                    "statements": \(report.statements), "quads": \(report.quads), "edges": \(report.edges), \
                    "entities": \(report.entities), "rejected_edges": \(report.rejectedEdges.count), "replaced": \(report.replaced), \
                    "seconds": \(String(format: "%.3f", report.seconds)), "statements_per_second": \(Int(rate))}
                    """)
            } else {
                print("""
                    imported \(report.statements) statements (\(report.quads) distinct) into <\(report.graph)> \
                    in \(String(format: "%.2f", report.seconds)) s (\(Int(rate)) statements/s)\
                    \(report.replaced ? ", replacing its earlier contents" : "")
                    \(report.edges) edges, \(report.entities) entities\
                    \(report.rejectedEdges.isEmpty ? "" : ", \(report.rejectedEdges.count) statements rejected as edges (see the warnings)")
                    """)
            }
        }
    }
}
