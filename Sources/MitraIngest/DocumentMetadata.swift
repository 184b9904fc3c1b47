import CLibXML2
import Foundation

/// A document's title, URL and date as its source states them, for evidence a reader can
/// cite: from an HTML page's head (`<title>`, the canonical link or `og:url`,
/// `article:published_time` or the first `<time datetime>`), from Markdown front matter
/// (`title:`, `url:`, `date:`), or from a JSON-lines record's `title`, `url` and `date`.
public struct DocumentMetadata: Equatable, Sendable {
    public var title: String?
    public var url: String?
    /// ISO 8601 as written (`2024-09-18`, `2024-09-18T10:00:00Z`).
    public var date: String?

    public init(title: String? = nil, url: String? = nil, date: String? = nil) {
        self.title = title
        self.url = url
        self.date = date
    }

    /// What an HTML page's markup says about it.
    public static func html(_ html: String) -> DocumentMetadata {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = html.withCString { chars in
            htmlReadMemory(chars, Int32(strlen(chars)), nil, "UTF-8", options)
        }
        guard let document else { return DocumentMetadata() }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return DocumentMetadata() }
        var found = Found()
        walk(root, &found)
        return DocumentMetadata(title: found.title, url: found.canonical ?? found.ogURL,
                                date: found.published ?? found.time)
    }

    /// What the Markdown front matter says: `---` lines around YAML `key: value` lines at the
    /// top, or `+++` lines around TOML `key = "value"` lines.
    public static func markdown(_ text: String) -> DocumentMetadata {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let fence = lines.first, fence == "---" || fence == "+++", let end = lines.dropFirst().firstIndex(of: fence)
        else { return DocumentMetadata() }
        let separator: Character = fence == "+++" ? "=" : ":"
        var fields: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: separator) else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty, fields[key] == nil { fields[key] = value }
        }
        return DocumentMetadata(title: fields["title"], url: fields["url"] ?? fields["canonical_url"] ?? fields["link"],
                                date: fields["date"] ?? fields["published"])
    }

    /// What a JSON-lines record's own fields say.
    public static func record(_ object: [String: Any]) -> DocumentMetadata {
        func text(_ key: String) -> String? {
            (object[key] as? String).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return DocumentMetadata(title: text("title"), url: text("url"), date: text("date"))
    }

    /// The first of each kind of statement met in document order.
    private struct Found {
        var title: String?, canonical: String?, ogURL: String?, published: String?, time: String?
    }

    private static func walk(_ node: xmlNodePtr, _ found: inout Found) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                switch name {
                case "title" where found.title == nil:
                    found.title = content(current)
                case "link" where found.canonical == nil && attribute(current, "rel")?.lowercased() == "canonical":
                    found.canonical = attribute(current, "href")
                case "meta":
                    let property = (attribute(current, "property") ?? attribute(current, "name"))?.lowercased()
                    let value = attribute(current, "content")
                    if property == "og:url", found.ogURL == nil { found.ogURL = value }
                    if property == "article:published_time", found.published == nil { found.published = value }
                case "time" where found.time == nil:
                    found.time = attribute(current, "datetime")
                default:
                    break
                }
                walk(current, &found)
            }
            child = current.pointee.next
        }
    }

    private static func content(_ node: xmlNodePtr) -> String? {
        guard let raw = xmlNodeGetContent(node) else { return nil }
        defer { free(raw) }
        let text = String(cString: raw).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
