import Foundation
import MitraModel
import MitraRDF

/// Reads the ontology's Turtle files (one or more folders, layered in order) into an `Ontology`.
///
/// Later folders add to earlier ones: a user's folder can give an entity of ours a new label
/// or add entities of its own without editing our files. Statements are grouped by subject
/// across all files, so an entity, class or predicate may be spread over several files; a
/// file that gives one of them a different class, domain or range than another is an error
/// naming both files.
public struct OntologyLoader {
    public init() {}

    /// Loads every `.ttl` file below each folder, folders in the order given, files by path.
    /// Throws the first error: a missing folder, a malformed file, or a contradiction.
    public func load(directories: [String]) throws -> Ontology {
        try strict(loadReporting(directories: directories))
    }

    /// Loads the given Turtle files, in order. Throws the first error.
    public func load(files: [String]) throws -> Ontology {
        try strict(loadReporting(files: files))
    }

    /// Loads what can be loaded and returns it with every problem found, for `ontology check`.
    /// Throws only when a folder is missing or a file is not well-formed Turtle.
    public func loadReporting(directories: [String]) throws -> OntologyLoad {
        var files: [String] = []
        for directory in directories {
            files += try turtleFiles(in: directory)
        }
        return try loadReporting(files: files)
    }

    /// Loads the given files in order, returning the ontology and every problem found.
    public func loadReporting(files: [String]) throws -> OntologyLoad {
        var builder = OntologyBuilder()
        for file in files {
            let reader = RDFReader(syntax: .turtle)
            do {
                try reader.read(file: file) { builder.add($0, from: file) }
            } catch let error as RDFError {
                throw OntologyError(error)
            }
            builder.prefixes.merge(reader.prefixes) { old, _ in old }
        }
        var (ontology, findings) = builder.build()
        ontology.files = files
        return OntologyLoad(ontology: ontology, findings: findings)
    }

    private func strict(_ load: OntologyLoad) throws -> Ontology {
        if let first = load.findings.first(where: { $0.severity == .error }) { throw OntologyError(first) }
        return load.ontology
    }

    func turtleFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw OntologyError(kind: .notFound, file: directory, message: "no such ontology folder or file")
        }
        guard isDirectory.boolValue else { return [directory] }
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw OntologyError(kind: .notFound, file: directory, message: "the ontology folder cannot be read")
        }
        var found: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".ttl") {
            found.append((directory as NSString).appendingPathComponent(relative))
        }
        if found.isEmpty {
            throw OntologyError(kind: .notFound, file: directory, message: "the folder holds no .ttl file")
        }
        return found.sorted()
    }
}

/// An ontology as loaded, with the problems the loader found in it (errors make `load` throw).
public struct OntologyLoad: Sendable {
    public var ontology: Ontology
    public var findings: [OntologyFinding]
}
