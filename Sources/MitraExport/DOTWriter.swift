/// Builds DOT text, quoting and escaping every identifier and attribute value so that any
/// entity name, however odd, yields a file Graphviz reads back unchanged.
struct DOTWriter {
    private(set) var text = ""
    private var indent = ""

    /// A DOT double-quoted string for `value`.
    ///
    /// Graphviz's scanner only unescapes `\"` in a quoted string and its escString attributes
    /// (label, tooltip) read `\\` as one backslash and `\n` as a line break; `&` starts an HTML
    /// entity in a label, so it is written `&amp;`. Other control characters would end up raw
    /// in SVG and PNG text, so they become spaces.
    static func quoted(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        var previousCR = false
        for scalar in value.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n":
                if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `key="value", …` for an attribute list; nil values are left out.
    static func attributes(_ pairs: KeyValuePairs<String, String?>) -> String {
        pairs.compactMap { key, value in value.map { key + "=" + quoted($0) } }.joined(separator: ", ")
    }

    mutating func line(_ text: String) {
        self.text += indent + text + "\n"
    }

    mutating func open(_ header: String) {
        line(header + " {")
        indent += "  "
    }

    mutating func close() {
        indent.removeLast(2)
        line("}")
    }

    mutating func node(_ id: String, _ attributes: KeyValuePairs<String, String?>) {
        line(Self.quoted(id) + " [" + Self.attributes(attributes) + "];")
    }

    mutating func edge(_ from: String, _ to: String, _ attributes: KeyValuePairs<String, String?>) {
        line(Self.quoted(from) + " -> " + Self.quoted(to) + " [" + Self.attributes(attributes) + "];")
    }
}
