import CLibXML2
import Foundation

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

    public func text(of html: String) -> String {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = html.withCString { chars in
            htmlReadMemory(chars, Int32(strlen(chars)), nil, "UTF-8", options)
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return "" }
        // Prefer the article: the first <article>, else <main>, else the whole body.
        let start = first(named: "article", under: root) ?? first(named: "main", under: root) ?? root
        var lines: [String] = []
        var current = ""
        collect(start, into: &lines, current: &current)
        flush(&current, into: &lines)
        return lines.joined(separator: "\n")
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

    private func collect(_ node: xmlNodePtr, into lines: inout [String], current: inout String) {
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    current += String(cString: content)
                }
            case XML_ELEMENT_NODE:
                if isDropped(c) { break }
                let name = elementName(c)
                let isBlock = Self.blockElements.contains(name)
                if isBlock { flush(&current, into: &lines) }
                collect(c, into: &lines, current: &current)
                if isBlock || name == "td" || name == "th" { flush(&current, into: &lines) }
            default:
                break
            }
            child = c.pointee.next
        }
    }

    private func flush(_ current: inout String, into lines: inout [String]) {
        let collapsed = current.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if !collapsed.isEmpty { lines.append(collapsed) }
        current = ""
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
