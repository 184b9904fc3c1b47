import Foundation
import MitraModel

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
            line += JSONString.quoted(key) + ": " + JSONText.value(value)
        }
        line += "}\n"
        try file.write(line)
    }

    /// Appends one object built with `JSONObjectLine`, the fast path for large files.
    func append(_ object: JSONObjectLine) throws {
        try file.write(object.text)
    }

    func close() throws {
        try file.close()
    }

    /// Flushes and closes the file, not yet in place.
    func finish() throws {
        try file.finish()
    }

    /// Moves a finished file to its name.
    func commit() throws {
        try file.commit()
    }
}

/// One JSON object and its newline, built field by field into a reused buffer: the same text
/// `JSONLinesWriter.append(_:)` writes for the same fields, without boxing each value.
struct JSONObjectLine {
    private(set) var text = ""
    private var first = true

    init() { text.reserveCapacity(1024) }

    mutating func begin() {
        text.removeAll(keepingCapacity: true)
        text += "{"
        first = true
    }

    mutating func end() { text += "}\n" }

    private mutating func key(_ name: StaticString) {
        if !first { text += ", " }
        first = false
        text += "\""
        text += name.description
        text += "\": "
    }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        JSONText.append(value, to: &text)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        text += String(value)
    }

    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        text += value.isFinite ? String(value) : "null"
    }

    mutating func field(_ name: StaticString, strings values: String...) {
        key(name)
        text += "["
        for (n, value) in values.enumerated() {
            if n > 0 { text += ", " }
            JSONText.append(value, to: &text)
        }
        text += "]"
    }

    mutating func field(_ name: StaticString, ints first: Int, _ second: Int) {
        key(name)
        text += "[" + String(first) + ", " + String(second) + "]"
    }
}

/// JSON text for Swift values, escaping as RFC 8259 asks.
enum JSONText {
    static func value(_ value: Any?) -> String {
        switch value {
        case nil: return "null"
        case let s as String: return JSONString.quoted(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let i as Int64: return String(i)
        case let d as Double: return d.isFinite ? String(d) : "null"
        case let a as [String]: return "[" + a.map(JSONString.quoted).joined(separator: ", ") + "]"
        case let a as [Int]: return "[" + a.map(String.init).joined(separator: ", ") + "]"
        case let a as [Any?]: return "[" + a.map(Self.value).joined(separator: ", ") + "]"
        default: return JSONString.quoted("\(value!)")
        }
    }

    /// Appends `s` as a JSON string; a string with nothing to escape is copied whole.
    static func append(_ s: String, to out: inout String) {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += s
            out += "\""
        } else {
            out += JSONString.quoted(s)
        }
    }
}
