import MitraModel

extension Commands {
    /// `describe` as one JSON object, for `--format json`: the facts as fields, the lists
    /// (other labels, exact and close matches) as arrays, and the edges as an array of objects
    /// with their direction, rather than the table's rows of joined strings.
    static func describeJSON(_ result: QueryResult) -> String {
        var fields: [String] = []
        var edges: [String] = []
        let lists: Set<String> = ["also known as", "exact matches", "close matches"]
        for row in result.rows where row.count == 4 {
            guard case .text(let property) = row[0] else { continue }
            if case .entity(let id, let label) = row[1], case .integer(let support) = row[2], case .integer(let denials) = row[3] {
                let inverse = property.hasPrefix("^")
                edges.append("{\"predicate\": \(JSONString.quoted(inverse ? String(property.dropFirst()) : property)), "
                    + "\"direction\": \(inverse ? "\"in\"" : "\"out\""), "
                    + "\"entity\": {\"id\": \(JSONString.quoted(id)), \"label\": \(JSONString.quoted(label))}, "
                    + "\"support\": \(support), \"denials\": \(denials)}")
                continue
            }
            let key = JSONString.quoted(property.replacingOccurrences(of: " ", with: "_"))
            let value = row[1].display
            if lists.contains(property) {
                let items = value.components(separatedBy: "; ").filter { !$0.isEmpty }.map(JSONString.quoted)
                fields.append("  \(key): [" + items.joined(separator: ", ") + "]")
            } else {
                fields.append("  \(key): \(JSONString.quoted(value))")
            }
        }
        for list in lists.sorted() where !fields.contains(where: { $0.hasPrefix("  \"\(list.replacingOccurrences(of: " ", with: "_"))\"") }) {
            fields.append("  \(JSONString.quoted(list.replacingOccurrences(of: " ", with: "_"))): []")
        }
        fields.append("  \"edges\": [" + (edges.isEmpty ? "" : "\n    " + edges.joined(separator: ",\n    ") + "\n  ") + "]")
        return "{\n" + fields.joined(separator: ",\n") + "\n}\n"
    }
}
