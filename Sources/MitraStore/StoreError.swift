/// A store that cannot be opened or written, with the file and what to do about it.
public struct StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case missing
        case notAStore
        case newerSchema
        case corrupt
        case writeFailed
        case unknownDocument
        /// A graph the store writes itself (the ontology's, a document's) named as an import target.
        case reservedGraph
        /// The disk (or the file's size limit) is full; exit status 73.
        case noSpace
        /// Another process held the write lock longer than a build waits for it.
        case busy
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
