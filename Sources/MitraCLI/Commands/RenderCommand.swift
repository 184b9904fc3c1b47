import ArgumentParser
import MitraExport
import MitraStore

/// `mitragraph render`: draws the graph as SVG, PNG or PDF through Graphviz, in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph as SVG, PNG or PDF.",
        discussion: """
            Entities are shaped and coloured by class (see the legend); edges are labelled by
            predicate, wider with more supporting documents, dashed when hedged, red when
            contested, purple and dotted with a bar when only denied. In SVG, hovering shows
            external ids and evidence counts. Without --output, writes output/kratom.FORMAT.

            Examples:
              mitragraph render
              mitragraph render --format png --output output/kratom.png
              mitragraph render --store kg.sqlite --layout sfdp --format pdf --output kg.pdf
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The image format.")
    var format: ImageFormat = .svg

    @Option(name: .long, help: "The Graphviz layout engine.")
    var layout: GraphLayout = .dot

    @Option(name: [.short, .long], help: ArgumentHelp("The image file (default: output/kratom.FORMAT).", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Draw entities that have no edge too.")
    var allEntities = false

    func run() throws {
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            let dot = try DOTExporter(layout: layout, includeIsolated: allEntities).dot(store: store)
            try GraphvizRenderer().render(dot: dot, format: format, layout: layout,
                                          to: output ?? "output/kratom.\(format.rawValue)")
        }
    }
}
