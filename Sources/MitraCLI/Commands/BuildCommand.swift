import ArgumentParser
import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// `mitragraph build`: extracts a folder of articles into the store, incrementally.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build or update the graph from articles (.txt, .md, .html, .jsonl).",
        discussion: """
            Unchanged documents (same content hash) are skipped; changed ones are re-extracted; \
            stored documents no longer among the inputs are removed (unless --keep-missing). \
            With no INPUT, builds from the bundled sample corpus.

            Examples:
              mitragraph build
              mitragraph build --store kg.sqlite articles/ more/page.html
              cat article.txt | mitragraph build --store kg.sqlite -
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Keep stored documents that are not among the inputs.")
    var keepMissing = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files or folders to read; - reads standard input.", valueName: "input"))
    var inputs: [String] = []

    func run() throws {
        try reportingErrors {
            let paths = inputs.isEmpty ? [try SampleCorpus.locate()] : inputs
            let ontology = try ontologyOptions.load()
            let store = try GraphStore(path: storeOptions.store, create: true)
            let started = Date()
            let showProgress = !quiet && isatty(STDERR_FILENO) != 0
            let report = try GraphBuilder(store: store, ontology: ontology).build(
                paths: paths, removeMissing: !keepMissing
            ) { done, total, id in
                if showProgress { note("[\(done)/\(total)] \(id)") }
            }
            for warning in report.warnings { note("warning: \(warning)") }
            if quiet { return }
            let stats = try store.statistics()
            let seconds = Date().timeIntervalSince(started)
            if json {
                print("""
                    {"store": \(JSONString.quoted(store.path)), "added": \(report.added), "changed": \(report.changed), \
                    "unchanged": \(report.unchanged), "removed": \(report.removed), "reextracted": \(report.reextracted), \
                    "ontology_changed": \(report.ontologyChanged), "warnings": \(report.warnings.count), \
                    "documents": \(stats.documents), "mentions": \(stats.mentions), "claims": \(stats.claims), \
                    "edges": \(stats.edges), "contested_edges": \(stats.contestedEdges), "seconds": \(String(format: "%.3f", seconds))}
                    """)
            } else {
                if report.ontologyChanged {
                    print("the ontology or the extraction rules changed since the last build: extracted all \(report.extracted) documents again")
                }
                print("""
                    built \(store.path) in \(String(format: "%.2f", seconds)) s: \
                    \(report.added) added, \(report.changed) changed, \(report.unchanged) unchanged, \(report.removed) removed\
                    \(report.reextracted > 0 ? ", \(report.reextracted) re-extracted" : "")\
                    \(report.warnings.isEmpty ? "" : ", \(report.warnings.count) skipped")
                    \(stats.documents) documents, \(stats.entitiesByClass.values.reduce(0, +)) entities, \
                    \(stats.claims) claims, \(stats.edges) edges, \(stats.contestedEdges) contested
                    """)
            }
        }
    }
}

/// The sample corpus shipped in the repository's `corpus/` folder.
enum SampleCorpus {
    static func locate() throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: "corpus") { return "corpus" }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("corpus")
            if fm.fileExists(atPath: candidate.path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        throw CLIError.missing("no INPUT given and the bundled corpus/ folder cannot be found")
    }
}
