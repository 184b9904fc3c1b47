import ArgumentParser
import Foundation
import MitraBuild
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
            a stored document is removed only when the folder (or file) it was read from is \
            among the inputs and the document is gone from it; a file or folder that cannot \
            be read is never taken for gone. --prune removes every stored document not among \
            the inputs; --keep-missing removes none. Each removal is named. With no INPUT, \
            builds from the bundled sample corpus.

            Examples:
              mitragraph build
              mitragraph build --store kg.sqlite articles/ more/page.html
              cat article.txt | mitragraph build --store kg.sqlite --id article.txt -
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Keep stored documents that are not among the inputs.")
    var keepMissing = false

    @Flag(name: .long, help: "Remove every stored document that is not among the inputs.")
    var prune = false

    @Option(name: .long, help: ArgumentHelp("The document id for standard input (-).", valueName: "name"))
    var id: String = "stdin"

    @Flag(name: .long, help: "Build without the --ontology folders the store was built with, dropping their entities.")
    var dropOntologyLayers = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files or folders to read; - reads standard input.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if prune && keepMissing { throw ValidationError("give --prune or --keep-missing, not both") }
        if id.isEmpty || id.contains("\0") { throw ValidationError("--id must be a non-empty name") }
        if id != "stdin" && !inputs.contains("-") { throw ValidationError("--id names standard input; add - to the inputs") }
    }

    func run() throws {
        try reportingErrors {
            let paths = inputs.isEmpty ? [try SampleCorpus.locate()] : inputs
            // A missing input fails before a store is made for it.
            try GraphBuilder.checkInputsExist(paths)
            let existed = FileManager.default.fileExists(atPath: storeOptions.store)
            // A bad ontology, too, fails before a new store is made (a new store has no layers).
            let preloaded = existed ? nil : try ontologyOptions.load()
            let store = try GraphStore(path: storeOptions.store, create: true)
            var layers = ontologyOptions.ontology.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            var options = ontologyOptions
            if layers.isEmpty && !dropOntologyLayers, case let stored = try store.ontologyLayers(), !stored.isEmpty {
                // The store's own entities came from these folders: dropping them silently
                // would lose the user's entities and every claim about them.
                for folder in stored where !FileManager.default.fileExists(atPath: folder) {
                    throw CLIError.missing("this store was built with --ontology \(folder), which is gone; "
                        + "restore it, or pass --drop-ontology-layers to build without it")
                }
                note("warning: this store was built with --ontology \(stored.joined(separator: " --ontology ")); "
                    + "using them again (pass --drop-ontology-layers to build without them)")
                layers = stored
                options.ontology = stored
            }
            let ontology = try preloaded ?? options.load()
            let started = Date()
            let showProgress = !quiet && isatty(STDERR_FILENO) != 0
            let report: BuildReport
            do {
                var builder = GraphBuilder(store: store, ontology: ontology)
                builder.ontologyLayers = layers
                report = try builder.build(
                    paths: paths, pruning: prune ? .everythingNotListed : keepMissing ? .nothing : .goneFromListedRoots,
                    stdinID: id
                ) { done, total, id in
                    if showProgress { note("[\(done)/\(total)] \(id)") }
                }
            } catch {
                // A build that made the store and failed leaves nothing behind.
                if !existed { GraphStore.removeFiles(at: storeOptions.store) }
                throw error
            }
            for warning in report.warnings { note("warning: \(warning)") }
            for removed in report.removedIDs where !quiet && !json { print("removed \(removed)") }
            if quiet { return }
            let stats = try store.statistics()
            let seconds = Date().timeIntervalSince(started)
            if json {
                print("""
                    {"store": \(JSONString.quoted(store.path)), "added": \(report.added), "changed": \(report.changed), \
                    "unchanged": \(report.unchanged), "removed": \(report.removed), "removed_ids": [\(report.removedIDs.map(JSONString.quoted).joined(separator: ", "))], "reextracted": \(report.reextracted), \
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
