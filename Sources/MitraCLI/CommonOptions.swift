import ArgumentParser
import Foundation
import MitraModel
import MitraOntology
import MitraQuery
import MitraStore

/// `--store FILE`: the store a command reads or writes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "file"))
    var store: String = Defaults.store
}

/// `--ontology DIR`: ontology folders layered over the shipped one.
struct OntologyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "An ontology folder or .ttl file to layer over the shipped ontology (repeatable).", valueName: "dir"))
    var ontology: [String] = []

    @Flag(name: .long, help: "Use only the --ontology folders, not the shipped ontology.")
    var noDefaultOntology = false

    func load() throws -> Ontology {
        try OntologyLoader().load(directories: directories())
    }

    /// The shipped folder (unless --no-default-ontology), then the --ontology folders in order.
    func directories() throws -> [String] {
        var folders: [String] = []
        if !noDefaultOntology {
            guard let shipped = OntologyLocator.defaultDirectory() else {
                throw CLIError.missing("cannot find the shipped ontology; set MITRAGRAPH_ONTOLOGY or pass --ontology DIR")
            }
            folders.append(shipped)
        }
        return folders + ontology
    }
}

enum Defaults {
    static let store = "output/kratom.sqlite"
}

/// `--query Q`: restricts an export or a drawing to what a query's result covers.
struct QueryRestriction: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Restrict the output to the entities and edges of this query's result.", valueName: "query"))
    var query: String?

    @Option(name: .long, help: ArgumentHelp("Stop the --query after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, let problem = QueryCanceller.problem(withTimeout: timeout) { throw ValidationError("--timeout: \(problem)") }
    }

    /// The query's subgraph, or nil (everything) when no query was given.
    func subgraph(of store: GraphStore) throws -> Subgraph? {
        guard let query else { return nil }
        return try QueryEngine(store: store).subgraph(query, timeout: timeout)
    }
}

/// The format an output path's extension names, checked against `--format`: a format that
/// contradicts the extension is refused (`--format png -o a.svg`), and without `--format` the
/// extension decides. Nil when neither says.
func formatFor<F: RawRepresentable & Equatable>(given: F?, output: String?, extensions: [String: F]) throws -> F?
where F.RawValue == String {
    let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
    guard let implied = extensions[ext] else { return given }
    if let given, given != implied {
        throw ValidationError(
            "--format \(given.rawValue) contradicts --output \(output ?? ""), whose extension is \(implied.rawValue); "
                + "change one, or leave out --format and let the extension decide")
    }
    return implied
}
