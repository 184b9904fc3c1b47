import CLibXML2
import Foundation
import MitraModel

/// Keeps an HTML page's article text (headings, paragraphs, list items, table cells) and
/// drops its boilerplate (scripts, styles, navigation, header, footer, forms, cookie banners,
/// related-post and sidebar boxes), one block a line.
public struct HTMLTextExtractor: Sendable {
    public init() {}

    /// Elements whose whole subtree is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe", "svg",
        "button", "select", "template", "head", "menu", "dialog", "figure",
    ]

    /// Words in a class or id that mark a boilerplate block.
    static let boilerplateMarkers = [
        "cookie", "consent", "related", "sidebar", "newsletter", "subscribe", "share", "social", "comment",
        "advert", "promo", "breadcrumb", "widget", "popup", "modal", "banner", "menu", "navbar", "footer",
        "header", "author-bio", "recommended", "more-posts", "signup",
    ]

    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br", "section", "article",
        "main", "blockquote", "pre", "dd", "dt", "ul", "ol", "table", "caption", "title",
    ]

    /// The most attributes one element may carry: libxml2 checks each new attribute against
    /// all before it, so a tag with 200,000 takes minutes. A page over it is refused.
    public static let maximumAttributes = 1_000
    /// The deepest nesting read; text below it is dropped with a warning.
    public static let maximumDepth = 4_096

    /// The article text, or why the page was not read whole (nil when it was).
    public func read(_ html: String) -> (text: String, problem: String?) {
        let r = readBlocks(html)
        return (r.text, r.problem)
    }

    /// The article text with its blocks (headings, paragraphs, list items, cells, quotes),
    /// or why the page was not read whole (nil when it was).
    public func readBlocks(_ html: String) -> (text: String, blocks: [Block], problem: String?) {
        let attributes = Self.mostAttributes(in: html)
        if attributes > Self.maximumAttributes {
            return ("", [], "an element has \(attributes) attributes, more than \(Self.maximumAttributes); skipped")
        }
        var tooDeep = false
        let (text, blocks) = extract(html, tooDeep: &tooDeep)
        return (text, blocks, tooDeep ? "nests deeper than \(Self.maximumDepth) elements; the text below that depth is dropped" : nil)
    }

    /// The most attributes in one tag, counted in one pass over the markup (a name starting
    /// after white space inside a tag, outside quotes).
    static func mostAttributes(in html: String) -> Int {
        var most = 0, count = 0
        var inTag = false, quote: UInt8 = 0, afterSpace = false
        for b in html.utf8 {
            if !inTag {
                if b == UInt8(ascii: "<") { inTag = true; count = 0; afterSpace = false }
                continue
            }
            if quote != 0 {
                if b == quote { quote = 0 }
                continue
            }
            switch b {
            case UInt8(ascii: ">"): inTag = false; most = max(most, count)
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b; afterSpace = false
            case 0x20, 0x09, 0x0A, 0x0D: afterSpace = true
            case UInt8(ascii: "="): afterSpace = false
            default:
                if afterSpace { count += 1 }
                afterSpace = false
            }
        }
        return max(most, count)
    }

    public func text(of html: String) -> String {
        var tooDeep = false
        return extract(html, tooDeep: &tooDeep).text
    }

    /// The article text, one block a line, and the blocks with their kinds.
    public func extract(_ html: String) -> (text: String, blocks: [Block]) {
        var tooDeep = false
        return extract(html, tooDeep: &tooDeep)
    }

    func extract(_ html: String, tooDeep: inout Bool) -> (text: String, blocks: [Block]) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = html.withCString { chars in
            htmlReadMemory(chars, Int32(strlen(chars)), nil, "UTF-8", options)
        }
        guard let document else { return ("", []) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return ("", []) }
        // Prefer the article: the first <article>, else <main>, else the whole body.
        let start = first(named: "article", under: root, depth: 0) ?? first(named: "main", under: root, depth: 0) ?? root
        var state = State()
        collect(start, into: &state, depth: 0, tooDeep: &tooDeep)
        state.flush()
        return (state.lines.joined(separator: "\n"), state.blocks)
    }

    /// The lines collected so far, their blocks, and the kind of block being read.
    private struct State {
        var lines: [String] = []
        var blocks: [Block] = []
        var current = ""
        var offset = 0
        var kind = Block.Kind.paragraph
        var level = 0
        var list: Int?
        var listCount = 0
        var listDepth = 0

        mutating func flush() {
            let collapsed = current.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            current = ""
            guard !collapsed.isEmpty else { return }
            if !lines.isEmpty { offset += 1 }
            let length = collapsed.unicodeScalars.count
            blocks.append(Block(kind: kind, span: Span(start: offset, end: offset + length), level: level, list: list))
            offset += length
            lines.append(collapsed)
        }
    }

    private func first(named name: String, under node: xmlNodePtr, depth: Int) -> xmlNodePtr? {
        if depth >= Self.maximumDepth { return nil }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if elementName(c) == name { return c }
                if !isDropped(c), let found = first(named: name, under: c, depth: depth + 1) { return found }
            }
            child = c.pointee.next
        }
        return nil
    }

    private func collect(_ node: xmlNodePtr, into state: inout State, depth: Int, tooDeep: inout Bool) {
        if depth >= Self.maximumDepth {
            tooDeep = true
            return
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    state.current += String(cString: content)
                }
            case XML_ELEMENT_NODE:
                if isDropped(c) { break }
                let name = elementName(c)
                let isBlock = Self.blockElements.contains(name)
                if isBlock { state.flush() }
                let saved = (state.kind, state.level, state.list, state.listDepth)
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    state.kind = .heading
                    state.level = Int(String(name.dropFirst())) ?? 1
                    state.list = nil
                case "ul", "ol":
                    state.listCount += 1
                    state.listDepth += 1
                    state.list = state.listCount
                    state.kind = .paragraph
                case "li":
                    state.kind = .listItem
                    state.level = state.listDepth
                case "td", "th":
                    state.kind = .tableCell
                    state.level = 0
                    state.list = nil
                case "blockquote":
                    state.kind = .quote
                    state.level = 0
                    state.list = nil
                default:
                    break
                }
                collect(c, into: &state, depth: depth + 1, tooDeep: &tooDeep)
                if isBlock { state.flush() }
                (state.kind, state.level, state.list, state.listDepth) = saved
            default:
                break
            }
            child = c.pointee.next
        }
    }

    private func elementName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private func isDropped(_ node: xmlNodePtr) -> Bool {
        let name = elementName(node)
        if Self.droppedElements.contains(name) { return true }
        if attribute(node, "hidden") != nil || attribute(node, "aria-hidden") == "true" { return true }
        if let role = attribute(node, "role")?.lowercased(),
            ["navigation", "banner", "contentinfo", "complementary", "dialog", "search"].contains(role)
        {
            return true
        }
        let marks = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
        if marks.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        return Self.boilerplateMarkers.contains { marks.contains($0) }
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        // xmlFree is a global function pointer; free() is what libxml2's default allocator uses.
        defer { free(value) }
        return String(cString: value)
    }
}
