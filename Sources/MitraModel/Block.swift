/// One structural unit of a document's text: a heading, a paragraph, a list item, a table
/// cell, a quote or front matter, with the span of the stored text it covers.
///
/// Blocks let the extractor read what a page's layout says: a heading or a lead-in that ends
/// in a colon ("Side effects may include:") governs the list items under it.
public struct Block: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case heading, paragraph, listItem, tableCell, quote, frontMatter
    }

    public var kind: Kind
    /// The text the block covers, without its markup ("- ", "## ").
    public var span: Span
    /// A heading's level (1 for `<h1>` or `#`; 0 for a plain-text heading line); a list
    /// item's nesting depth (1 for a top-level list); 0 otherwise.
    public var level: Int
    /// For a list item: the ordinal of its list in the document, shared by its siblings.
    public var list: Int?

    public init(kind: Kind, span: Span, level: Int = 0, list: Int? = nil) {
        self.kind = kind
        self.span = span
        self.level = level
        self.list = list
    }
}
