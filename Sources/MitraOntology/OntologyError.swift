import MitraRDF

/// An ontology that could not be loaded or that contradicts itself, with the file and place.
public struct OntologyError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case syntax
        case notFound
        case unknownClass
        case duplicateLabel
        case missingLabel
        case invalidValue
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(kind: Kind, file: String, line: Int = 0, column: Int = 0, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ rdf: RDFError) {
        self.init(kind: .syntax, file: rdf.source, line: rdf.line, column: rdf.column, message: rdf.message)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
