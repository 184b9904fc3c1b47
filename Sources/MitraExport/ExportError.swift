/// An export or rendering that failed, with the output it was writing.
public struct ExportError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case cannotWrite
        case unsupportedFormat
        case renderFailed
    }

    public var kind: Kind
    public var path: String
    public var message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
