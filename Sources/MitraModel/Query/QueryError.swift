/// A query that could not be read or run, with the line and column it went wrong at.
///
/// Rendered like a compiler's diagnostic: `line:column: error: message`, then the offending
/// line and a caret under the column, so a user sees where to look without counting.
public struct QueryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong, so callers and tests can tell a typo from a timeout.
    public enum Kind: String, Sendable {
        /// The text does not follow the grammar.
        case syntax
        /// A name that is no entity's label, id or external id.
        case unknownEntity
        /// A name that is no predicate of the store.
        case unknownPredicate
        /// A name that is no class of the ontology.
        case unknownClass
        /// A `source` that is no stored document.
        case unknownDocument
        /// Well formed, but meaningless (an unbound variable in `order by`, `limit 0`…).
        case invalid
        /// The query ran longer than its time limit.
        case timeout
        /// The user interrupted the query (Ctrl-C).
        case interrupted
        /// The store failed underneath the query.
        case storeFailure
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    public var message: String
    /// The text of the offending line, when the error points into the query.
    public var sourceLine: String?

    public init(kind: Kind = .syntax, line: Int, column: Int, message: String, sourceLine: String? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The first line alone: `line:column: error: message`.
    public var headline: String { "\(line):\(column): error: \(message)" }

    public var description: String {
        guard let sourceLine else { return headline }
        // Tabs stay tabs under the caret so it lines up in any terminal.
        let pad = String(sourceLine.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
        return headline + "\n" + sourceLine + "\n" + pad + "^"
    }
}

extension QueryError {
    /// A well-formed statement that means nothing, at `position`.
    public static func invalid(_ message: String, at position: SourcePosition) -> QueryError {
        QueryError(kind: .invalid, line: position.line, column: position.column, message: message)
    }

    /// A variable used where no pattern binds it.
    public static func unbound(_ v: Variable) -> QueryError {
        invalid("?\(v.name) is not bound by any pattern", at: v.position)
    }
}
