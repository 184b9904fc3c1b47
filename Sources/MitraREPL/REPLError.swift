/// A REPL session that could not start, such as a history file that cannot be written.
public struct REPLError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
