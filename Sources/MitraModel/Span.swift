/// A half-open range of character offsets into a document's stored text.
///
/// Offsets count Unicode scalars (code points), the unit Python, JavaScript-free JSON consumers
/// and most NLP tools index strings by, so a span taken from an export slices the same text
/// in any of them.
public struct Span: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span must not end before it starts")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
}
