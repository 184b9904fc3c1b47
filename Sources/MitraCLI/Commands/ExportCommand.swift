import ArgumentParser
import MitraExport
import MitraStore

/// `mitragraph export`: writes the graph in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph (KGX JSON-lines for Biolink tools).",
        discussion: """
            Examples:
              mitragraph export --format kgx --output output/kgx
              mitragraph export --store kg.sqlite --format kgx --output kgx/
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case kgx
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The output format.")
    var format: Format

    @Option(name: [.short, .long], help: ArgumentHelp("The output file or folder.", valueName: "path"))
    var output: String

    func run() throws {
        try reportingErrors {
            let store = try GraphStore(path: storeOptions.store)
            switch format {
            case .kgx:
                try KGXExporter().export(store: store, to: output)
            }
        }
    }
}
