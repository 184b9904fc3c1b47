/// One problem or remark about an ontology, placed in a file like a compiler's diagnostic.
public struct OntologyFinding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// How bad a finding is: errors fail `ontology check` (and loading), warnings and notes do not.
    public enum Severity: String, Sendable, Codable, CaseIterable {
        case error
        case warning
        /// Something acknowledged in the ontology itself (e.g. `mg:ambiguousLabel`), listed for review.
        case note
    }

    public var severity: Severity
    public var kind: OntologyError.Kind
    public var file: String
    /// 1-based line and column, 0 when the place in the file is unknown.
    public var line: Int
    public var column: Int
    public var message: String

    public init(
        _ severity: Severity, _ kind: OntologyError.Kind, file: String, line: Int = 0, column: Int = 0,
        message: String
    ) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, or `FILE: error: message` when the place is unknown.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message)"
    }
}
