import Foundation
import MitraModel
import MitraStore

/// Writes nodes and edges as tables for pandas and spreadsheets: `nodes.csv` and `edges.csv`
/// (RFC 4180) in a folder, or one JSON file `{"nodes": [...], "edges": [...]}`.
///
/// Both carry the same columns. List-valued cells (synonyms, external ids, documents) are
/// JSON arrays in CSV, so a cell splits back exactly whatever its items contain.
public struct TableExporter {
    public enum Format: String, Sendable { case csv, json }

    public var format: Format

    public init(format: Format) {
        self.format = format
    }

    static let nodeColumns = ["id", "curie", "label", "class", "category", "iri", "xref", "synonyms", "mentions",
                              "mention_documents", "degree"]
    static let edgeColumns = ["subject", "predicate", "object", "subject_label", "object_label", "biolink_predicate",
                              "support", "denials", "hedged", "claims", "contested", "only_denied", "documents",
                              "supporting_documents", "denying_documents"]

    /// Writes to `path`: a folder for CSV, a file for JSON.
    public func export(store: GraphStore, to path: String, subgraph: Subgraph? = nil) throws {
        let source = try GraphSource(store: store, subgraph: subgraph)
        switch format {
        case .csv:
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw ExportError(kind: .cannotWrite, path: path, message: "cannot create the folder: \(error.localizedDescription)")
            }
            let nodes = try OutputFile(path: path + "/nodes.csv")
            try nodes.write(Self.nodeColumns.joined(separator: ",") + "\r\n")
            for node in try source.nodes(withDegree: true) {
                try nodes.write(Self.nodeCells(node).map(Self.csvCell).joined(separator: ",") + "\r\n")
            }
            try nodes.finish()
            let edges = try OutputFile(path: path + "/edges.csv")
            try edges.write(Self.edgeColumns.joined(separator: ",") + "\r\n")
            try source.forEachEdge { record in
                try edges.write(Self.edgeCells(record, source).map(Self.csvCell).joined(separator: ",") + "\r\n")
            }
            try edges.finish()
            // Both files appear together, or neither does.
            try nodes.commit()
            try edges.commit()
        case .json:
            let file = try OutputFile(path: path)
            try file.write("{\"nodes\": [")
            var first = true
            for node in try source.nodes(withDegree: true) {
                try file.write((first ? "\n" : ",\n") + Self.jsonObject(Self.nodeColumns, Self.nodeCells(node)))
                first = false
            }
            try file.write("\n], \"edges\": [")
            first = true
            try source.forEachEdge { record in
                try file.write((first ? "\n" : ",\n") + Self.jsonObject(Self.edgeColumns, Self.edgeCells(record, source)))
                first = false
            }
            try file.write("\n]}\n")
            try file.close()
        }
    }

    static func nodeCells(_ node: NodeRecord) -> [Any] {
        let e = node.entity
        return [e.id, e.curie, e.prefLabel, e.entityClass.name, node.category, e.iri, e.exactMatches,
                e.altLabels, node.mentions, node.documents, node.degree]
    }

    static func edgeCells(_ record: EdgeRecord, _ source: GraphSource) -> [Any] {
        let e = record.edge
        let label = { (id: String) in source.ontology.entities[id]?.prefLabel ?? id }
        return [e.key.subject, e.key.predicate, e.key.object, label(e.key.subject), label(e.key.object),
                source.ontology.predicates[e.key.predicate]?.biolink ?? "biolink:related_to",
                e.supportingDocuments, e.denyingDocuments, e.hedgedClaims, e.claimCount, e.contested, e.onlyDenied,
                record.documents, record.supportingDocuments, record.denyingDocuments]
    }

    /// One CSV cell: quoted when it holds a comma, quote, CR or LF (quotes doubled), as
    /// RFC 4180 asks; lists as JSON arrays; booleans as `true`/`false`.
    static func csvCell(_ value: Any) -> String {
        let text: String
        switch value {
        case let s as String: text = s
        case let list as [String]: text = JSONText.value(list)
        case let b as Bool: text = b ? "true" : "false"
        default: text = "\(value)"
        }
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonObject(_ keys: [String], _ values: [Any]) -> String {
        "{" + zip(keys, values).map { JSONString.quoted($0) + ": " + JSONText.value($1) }.joined(separator: ", ") + "}"
    }
}
