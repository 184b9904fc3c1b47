/// An input that could not be read as a document, with the file (and line) it came from.
public struct IngestError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case notFound
        case unreadable
        case binary
        case notUTF8
        case empty
        case malformedJSONLine
        case unsupportedFormat
        /// Past a bound that keeps time and memory in check (line length, attributes, depth).
        case tooLarge
    }

    public var kind: Kind
    public var path: String
    public var line: Int
    public var message: String

    public init(kind: Kind, path: String, line: Int = 0, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}
