import Foundation

/// N-Triples and N-Quads lines for terms (RDF 1.1 escapes), one statement at a time: what
/// `push` sends and `extract --format nquads` prints, so both write the same bytes.
public enum NTriples {
    public static func line(_ s: Term, _ p: Term, _ o: Term, graph: String? = nil) -> String {
        var text = term(s) + " " + term(p) + " " + term(o)
        if let graph { text += " <" + iriEscape(graph) + ">" }
        return text + " .\n"
    }

    public static func term(_ t: Term) -> String {
        switch t {
        case .iri(let iri): return "<" + iriEscape(iri) + ">"
        case .blank(let label): return "_:" + label.map { $0.isLetter || $0.isNumber || $0 == "_" ? String($0) : "_" }.joined()
        case .literal(let value, let datatype, let language):
            var text = "\"" + literalEscape(value) + "\""
            if let language, !language.isEmpty { text += "@" + language } else if let datatype, !datatype.isEmpty,
                datatype != Namespace.xsd + "string" { text += "^^<" + iriEscape(datatype) + ">" }
            return text
        }
    }

    static func literalEscape(_ text: String) -> String {
        // Most literals need no escape; checking the bytes costs far less than rebuilding.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether a byte may not stand unescaped in an IRI: controls, space, `<>"{}|^`\`.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: true
        default: false
        }
    }

    static func iriEscape(_ iri: String) -> String {
        if !iri.utf8.contains(where: needsEscape) { return iri }
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
