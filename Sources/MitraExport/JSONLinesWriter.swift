import Foundation

/// Writes one JSON object a line to a file, keys in a fixed order so output is stable and
/// diffable.
final class JSONLinesWriter {
    private let file: OutputFile
    private var line = ""

    init(path: String) throws {
        file = try OutputFile(path: path)
    }

    /// Appends one object; values are String, Int, Double, Bool, [String], [Int] or nil (→ null).
    func append(_ fields: KeyValuePairs<String, Any?>) throws {
        line.removeAll(keepingCapacity: true)
        line += "{"
        var first = true
        for (key, value) in fields {
            if !first { line += ", " }
            first = false
            line += JSONText.string(key) + ": " + JSONText.value(value)
        }
        line += "}\n"
        try file.write(line)
    }

    func close() throws {
        try file.close()
    }
}

/// JSON text for Swift values, escaping as RFC 8259 asks.
enum JSONText {
    static func value(_ value: Any?) -> String {
        switch value {
        case nil: return "null"
        case let s as String: return string(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let i as Int64: return String(i)
        case let d as Double: return d.isFinite ? String(d) : "null"
        case let a as [String]: return "[" + a.map(string).joined(separator: ", ") + "]"
        case let a as [Int]: return "[" + a.map(String.init).joined(separator: ", ") + "]"
        case let a as [Any?]: return "[" + a.map(Self.value).joined(separator: ", ") + "]"
        default: return string("\(value!)")
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
