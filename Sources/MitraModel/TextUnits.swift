extension String {
    /// The number of Unicode scalars, the unit every `Span` counts in.
    public var scalarCount: Int { unicodeScalars.count }

    /// The text between two scalar offsets.
    public func scalarSlice(_ span: Span) -> String {
        let scalars = unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }
}
