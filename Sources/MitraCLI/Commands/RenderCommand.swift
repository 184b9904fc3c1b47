import ArgumentParser
import MitraExport
import MitraStore

/// `mitragraph render`: draws the graph as SVG, PNG or PDF through Graphviz, in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph as SVG, PNG or PDF.",
        discussion: """
            Entities are shaped and coloured by class (see the legend); edges are labelled by \
            predicate, wider with more supporting documents, dashed when hedged, red when \
            contested, purple and dotted with a bar when only denied. In SVG, hovering shows \
            external ids and evidence counts. Without --output, writes output/kratom.FORMAT; \
            without --format, the --output extension decides, and a --format that contradicts \
            it is refused.

            Examples:
              mitragraph render
              mitragraph render --format png --output output/kratom.png
              mitragraph render --store kg.sqlite --layout sfdp --output kg.pdf
              mitragraph render --query 'neighbors kratom depth 1' --output kratom-1.svg
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var restriction: QueryRestriction

    @Option(name: .long, help: "The image format (default: the --output extension, else svg).")
    var format: ImageFormat?

    @Option(name: .long, help: "The Graphviz layout engine.")
    var layout: GraphLayout = .dot

    @Option(name: [.short, .long], help: ArgumentHelp("The image file (default: output/kratom.FORMAT).", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Draw entities that have no edge too.")
    var allEntities = false

    /// The format asked for, or the one the --output extension names, or SVG.
    func chosenFormat() throws -> ImageFormat {
        try formatFor(given: format, output: output, extensions: ["svg": .svg, "png": .png, "pdf": .pdf]) ?? .svg
    }

    func validate() throws { _ = try chosenFormat() }

    func run() throws {
        let format = try chosenFormat()
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            let dot = try DOTExporter(layout: layout, includeIsolated: allEntities)
                .dot(store: store, subgraph: try restriction.subgraph(of: store))
            try GraphvizRenderer().render(dot: dot, format: format, layout: layout,
                                          to: output ?? "output/kratom.\(format.rawValue)")
        }
    }
}
