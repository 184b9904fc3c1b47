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

    public func text(of html: String) -> String { extract(html).text }

    /// The article text, one block a line, and the blocks with their kinds.
    public func extract(_ html: String) -> (text: String, blocks: [Block]) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = html.withCString { chars in
            htmlReadMemory(chars, Int32(strlen(chars)), nil, "UTF-8", options)
        }
        guard let document else { return ("", []) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return ("", []) }
        // Prefer the article: the first <article>, else <main>, else the whole body.
        let start = first(named: "article", under: root) ?? first(named: "main", under: root) ?? root
        var state = State()
        collect(start, into: &state)
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

    private func first(named name: String, under node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if elementName(c) == name { return c }
                if !isDropped(c), let found = first(named: name, under: c) { return found }
            }
            child = c.pointee.next
        }
        return nil
    }

    private func collect(_ node: xmlNodePtr, into state: inout State) {
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
                collect(c, into: &state)
                if isBlock { state.flush() }
                (state.kind, state.level, state.list, state.listDepth) = saved
                if name == "ul" || name == "ol" { state.list = saved.2 }
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
