import Foundation

/// One article: its id (the path relative to the input root) and the text the store keeps.
public struct Document: Hashable, Sendable {
    public let id: String
    /// The article's text after markup is removed; every span indexes this string.
    public let text: String
    /// A hash of `text`, so an unchanged document can be skipped on the next build.
    ///
    /// Computed the first time it is read and kept: extraction alone never reads it, a store
    /// reads it once per document.
    public var contentHash: String { hashCache.hash(of: text) }
    private let hashCache = ContentHashCache()
    /// Where the text came from (`text`, `markdown`, `html`, `jsonl`, `stdin`).
    public let format: String
    /// The title, URL and date the source states (HTML head, Markdown front matter,
    /// JSON-lines fields), nil when it states none.
    public var title: String?
    public var url: String?
    /// ISO 8601 date or date-time, as written.
    public var date: String?
    /// The document's structure over `text`, in order; empty when the reader recorded none
    /// (the extractor then recovers it from the text's lines).
    public var blocks: [Block] = []

    public init(id: String, text: String, format: String, title: String? = nil, url: String? = nil, date: String? = nil) {
        self.id = id
        self.text = text
        self.format = format
        self.title = title
        self.url = url
        self.date = date
    }
}

/// The content hash of a document's text once computed, shared by the document's copies.
/// It is derived from the text, so it takes no part in comparing documents.
final class ContentHashCache: @unchecked Sendable, Hashable {
    // Guarded by `lock` (the package supports macOS 13, before `Mutex`).
    private var value: String?
    private let lock = NSLock()

    func hash(of text: String) -> String {
        lock.lock()
        let known = value
        lock.unlock()
        if let known { return known }
        let computed = ContentHash.hex(of: text)
        lock.lock()
        value = computed
        lock.unlock()
        return computed
    }

    static func == (a: ContentHashCache, b: ContentHashCache) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}
