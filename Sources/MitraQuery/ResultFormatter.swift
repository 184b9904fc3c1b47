import MitraModel

/// Writes a query result as an aligned table, JSON, CSV or TSV.
public struct ResultFormatter: Sendable {
    /// The output formats a result can be written in.
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv, tsv
    }

    public var format: Format
    /// In a table, one field a line under a header per row (psql's `\x`), for wide rows.
    public var expanded: Bool

    public init(format: Format, expanded: Bool = false) {
        self.format = format
        self.expanded = expanded
    }

    public func format(_ result: QueryResult) -> String {
        switch format {
        case .table: expanded ? expandedTable(result) : table(result)
        case .json: json(result)
        case .csv: delimited(result, separator: ",", escape: csvField)
        case .tsv: delimited(result, separator: "\t", escape: tsvField)
        }
    }

    /// Columns padded to their widest cell, numbers right-aligned, a rule under the header,
    /// and the row count last. Line breaks inside a cell are shown as `⏎` so rows stay rows.
    func table(_ result: QueryResult) -> String {
        if result.columns.isEmpty { return "(no rows)\n" }
        let cells = result.rows.map { row in row.map { $0.display.replacingOccurrences(of: "\n", with: "⏎") } }
        var widths = result.columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let numeric = result.columns.indices.map { i in
            !result.rows.isEmpty && result.rows.allSatisfy {
                switch $0[i] {
                case .integer, .real, .null: true
                default: false
                }
            }
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (i, value) in values.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - value.count)
                parts.append(numeric[i] ? pad + value : (i == values.count - 1 ? value : value + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(result.columns) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        let n = result.rows.count
        out += n == 0 ? "(no rows)\n" : "(\(n) row\(n == 1 ? "" : "s"))\n"
        if let note = result.note { out += "(\(note))\n" }
        return out
    }

    /// Each row as a `-[ row N ]-` header, then one `column | value` line per field, the
    /// columns padded to the widest name.
    func expandedTable(_ result: QueryResult) -> String {
        if result.rows.isEmpty { return "(no rows)\n" }
        let width = result.columns.map(\.count).max() ?? 0
        var out = ""
        for (n, row) in result.rows.enumerated() {
            out += "-[ row \(n + 1) ]" + String(repeating: "-", count: max(0, width - 4)) + "\n"
            for (column, value) in zip(result.columns, row) {
                let cell = value.display.replacingOccurrences(of: "\n", with: "⏎")
                out += column + String(repeating: " ", count: width - column.count) + " | " + cell + "\n"
            }
        }
        let n = result.rows.count
        return out + "(\(n) row\(n == 1 ? "" : "s"))\n"
    }

    /// An array of objects, one per row; an entity is `{"id": …, "label": …}`.
    func json(_ result: QueryResult) -> String {
        if let json = result.json { return json }
        if result.rows.isEmpty { return "[]\n" }
        // Keys are quoted once, not once per row; rows are appended to one string.
        let keys = result.columns.map { JSONString.quoted($0) + ": " }
        var out = "[\n"
        out.reserveCapacity(result.rows.count * 16 * max(1, keys.count))
        for (r, row) in result.rows.enumerated() {
            out += "  {"
            for i in 0..<min(keys.count, row.count) {
                if i > 0 { out += ", " }
                out += keys[i]
                let value = row[i]
                switch value {
                case .null: out += "null"
                case .integer(let n): out += String(n)
                case .text(let s): Self.appendQuoted(s, to: &out)
                case .entity(let id, let label):
                    out += "{\"id\": "
                    Self.appendQuoted(id, to: &out)
                    out += ", \"label\": "
                    Self.appendQuoted(label, to: &out)
                    out += "}"
                case .real: out += value.display
                case .span(let start, let end): out += "[\(start), \(end)]"
                }
            }
            out += r == result.rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// `s` as a JSON string literal appended to `out`, without a copy when nothing needs escaping.
    static func appendQuoted(_ s: String, to out: inout String) {
        if s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += JSONString.quoted(s)
        } else {
            out += "\""
            out += s
            out += "\""
        }
    }

    func delimited(_ result: QueryResult, separator: String, escape: (String) -> String) -> String {
        var out = result.columns.map(escape).joined(separator: separator) + "\n"
        for row in result.rows { out += row.map { escape($0.display) }.joined(separator: separator) + "\n" }
        return out
    }

    /// RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes.
    func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// TSV has no quoting, so tabs, line breaks and backslashes are escaped as `\t \n \\`.
    func tsvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
