import MitraRDF

/// An ontology that could not be loaded or that contradicts itself, with the file and place.
public struct OntologyError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What is wrong; also the kind of an `OntologyFinding`.
    public enum Kind: String, Sendable, Codable {
        /// A file that is not well-formed Turtle.
        case syntax
        /// A folder or file that does not exist or holds no `.ttl` file.
        case notFound
        /// An entity, or a predicate's domain or range, names a class the ontology lacks.
        case unknownClass
        /// An entity with no class.
        case missingClass
        /// A label that two entities share.
        case duplicateLabel
        /// An entity with no `skos:prefLabel`, or with more than one.
        case missingLabel
        /// A value outside what the property allows (e.g. a negation scope).
        case invalidValue
        /// Two files give one class, predicate or entity different definitions.
        case conflict
        /// An external identifier that is the `skos:exactMatch` of two entities.
        case duplicateIdentifier
        /// A label that is a common English word, likely to match ordinary prose.
        case commonWord
        /// A subject with labels or identifiers that no file declares as an entity.
        case undeclaredEntity
        /// A trigger phrase attached to something that is not a predicate.
        case unknownPredicate
        /// A cue or word-list node without phrases.
        case emptyCue
        /// A label that is also a cue phrase, so one stretch of text would be read two ways.
        case labelIsCue
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
        // serd says column 0 at the end of a file; editors count from 1.
        self.init(kind: .syntax, file: rdf.source, line: rdf.line, column: rdf.line > 0 ? max(1, rdf.column) : 0, message: rdf.message)
    }

    init(_ finding: OntologyFinding) {
        self.init(kind: finding.kind, file: finding.file, line: finding.line, column: finding.column, message: finding.message)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
