/// An RDF file or string that could not be read or written, with where it went wrong.
public struct RDFError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case syntax
        case unreadableFile
        case writeFailed
    }

    public var kind: Kind
    /// The file (or a name for the string) that was being read or written.
    public var source: String
    /// 1-based line and column of the fault, 0 when serd did not say.
    public var line: Int
    public var column: Int
    public var message: String

    public init(kind: Kind, source: String, line: Int = 0, column: Int = 0, message: String) {
        self.kind = kind
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if line > 0 {
            return "\(source):\(line):\(column): error: \(message)"
        }
        return "\(source): error: \(message)"
    }
}
