import Foundation
import GRDB
import GRDBSQLite
import MitraModel
import MitraStore

/// Writes the graph as GraphML (networkx, igraph, Gephi, Cytoscape, yEd) through libxml2.
///
/// Every node and edge attribute is declared by a typed `<key>`. Node ids are the entity ids,
/// made valid NMTOKENs by writing any other byte as `_XX`; edge ids are `e0`, `e1`, …
/// Edges stream from one SQLite cursor straight into libxml2, their text never becoming a
/// Swift string, so a million edges take seconds.
public struct GraphMLExporter {
    public init() {}

    /// A `<key>`: its id, the attribute's name and GraphML type.
    struct Key {
        let id: String, name: String, type: String
    }

    static let nodeKeys = [
        Key(id: "n_label", name: "label", type: "string"), Key(id: "n_class", name: "class", type: "string"),
        Key(id: "n_category", name: "category", type: "string"), Key(id: "n_iri", name: "iri", type: "string"),
        Key(id: "n_curie", name: "curie", type: "string"), Key(id: "n_xref", name: "xref", type: "string"),
        Key(id: "n_synonyms", name: "synonyms", type: "string"), Key(id: "n_mentions", name: "mentions", type: "int"),
        Key(id: "n_mention_documents", name: "mention_documents", type: "int"),
    ]

    static let edgeKeys = [
        Key(id: "e_label", name: "label", type: "string"), Key(id: "e_predicate", name: "predicate", type: "string"),
        Key(id: "e_biolink", name: "biolink_predicate", type: "string"),
        Key(id: "e_support", name: "support", type: "int"), Key(id: "e_denied", name: "denied", type: "int"),
        Key(id: "e_hedged", name: "hedged", type: "int"), Key(id: "e_claims", name: "claims", type: "int"),
        Key(id: "e_contested", name: "contested", type: "boolean"),
        Key(id: "e_only_denied", name: "only_denied", type: "boolean"),
        Key(id: "e_documents", name: "documents", type: "string"),
    ]

    /// Writes the graph, or `subgraph`, to `path`; returns the number of edges written.
    @discardableResult
    public func export(store: GraphStore, to path: String, subgraph: Subgraph? = nil) throws -> Int {
        let source = try GraphSource(store: store, subgraph: subgraph)
        let temporary = path + ".part"
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var edges = 0
        do {
            let xml = try XMLStreamWriter(path: temporary)
            try xml.start("graphml")
            try xml.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
            try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            try xml.attribute("xsi:schemaLocation",
                              "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
            for (domain, keys) in [("node", Self.nodeKeys), ("edge", Self.edgeKeys)] {
                for key in keys {
                    try xml.raw("\n  ")
                    try xml.start("key")
                    try xml.attribute("id", key.id)
                    try xml.attribute("for", domain)
                    try xml.attribute("attr.name", key.name)
                    try xml.attribute("attr.type", key.type)
                    try xml.end()
                }
            }
            try xml.raw("\n  ")
            try xml.start("graph")
            try xml.attribute("id", "mitragraph")
            try xml.attribute("edgedefault", "directed")
            try writeNodes(xml, source)
            edges = try writeEdges(xml, store: store, subgraph: subgraph)
            try xml.raw("\n  ")
            try xml.end()
            try xml.raw("\n")
            try xml.end()
            try xml.finish()
        } catch {
            unlink(temporary)
            if var error = error as? ExportError {
                error.path = path
                throw error
            }
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be put in place: \(reason)")
        }
        return edges
    }

    private func writeNodes(_ xml: XMLStreamWriter, _ source: GraphSource) throws {
        for node in try source.nodes() {
            let e = node.entity
            try xml.raw("\n    ")
            try xml.start("node")
            try xml.attribute("id", NMToken.escape(e.id))
            let values: [(String, String)] = [
                ("n_label", e.prefLabel), ("n_class", e.entityClass.name), ("n_category", node.category),
                ("n_iri", e.iri), ("n_curie", e.curie), ("n_xref", e.exactMatches.joined(separator: " ")),
                ("n_synonyms", JSONText.value(e.altLabels)), ("n_mentions", String(node.mentions)),
                ("n_mention_documents", String(node.documents)),
            ]
            for (key, value) in values {
                try xml.start("data")
                try xml.attribute("key", key)
                try xml.text(value)
                try xml.end()
            }
            try xml.end()
        }
    }

    private static let edgeSQL = """
        SELECT e.subject, e.predicate, e.object, e.supporting_docs, e.denying_docs, e.hedged_claims, e.claim_count,
               coalesce(p.biolink, 'biolink:related_to'),
               (SELECT json_group_array(doc) FROM (
                   SELECT DISTINCT c.doc FROM claims c
                   WHERE c.subject = e.subject AND c.predicate = e.predicate AND c.object = e.object ORDER BY c.doc))
        FROM edges e LEFT JOIN predicates p ON p.name = e.predicate
        ORDER BY e.subject, e.predicate, e.object
        """

    private func writeEdges(_ xml: XMLStreamWriter, store: GraphStore, subgraph: Subgraph?) throws -> Int {
        try store.read { db in
            let statement = try db.makeStatement(sql: Self.edgeSQL)
            let stmt = statement.sqliteStatement
            defer { sqlite3_reset(stmt) }
            var scratch = NMToken.Scratch()
            var digits = [UInt8](repeating: 0, count: 32)
            var count = 0
            while true {
                let status = sqlite3_step(stmt)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else {
                    throw ExportError(kind: .cannotWrite, path: xml.path,
                                      message: "cannot read the edges: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                }
                let s = sqlite3_column_text(stmt, 0)!, p = sqlite3_column_text(stmt, 1)!, o = sqlite3_column_text(stmt, 2)!
                if let subgraph {
                    let key = EdgeKey(subject: String(cString: s), predicate: String(cString: p), object: String(cString: o))
                    if !subgraph.edges.contains(key) { continue }
                }
                let support = sqlite3_column_int64(stmt, 3), denied = sqlite3_column_int64(stmt, 4)
                try xml.raw("\n    ")
                try xml.start("edge")
                _ = Self.format("e", Int64(count), into: &digits)
                try digits.withUnsafeBufferPointer { try xml.attribute("id", bytes: $0.baseAddress!) }
                try scratch.escaped(s) { try xml.attribute("source", bytes: $0) }
                try scratch.escaped(o) { try xml.attribute("target", bytes: $0) }
                try xml.raw("<data key=\"e_label\">")
                try xml.text(bytes: p)
                try xml.raw("</data><data key=\"e_predicate\">")
                try xml.text(bytes: p)
                try xml.raw("</data><data key=\"e_biolink\">")
                try xml.text(bytes: sqlite3_column_text(stmt, 7)!)
                try xml.raw("</data><data key=\"e_support\">")
                try number(xml, support, &digits)
                try xml.raw("</data><data key=\"e_denied\">")
                try number(xml, denied, &digits)
                try xml.raw("</data><data key=\"e_hedged\">")
                try number(xml, sqlite3_column_int64(stmt, 5), &digits)
                try xml.raw("</data><data key=\"e_claims\">")
                try number(xml, sqlite3_column_int64(stmt, 6), &digits)
                try xml.raw(support > 0 && denied > 0 ? "</data><data key=\"e_contested\">true" : "</data><data key=\"e_contested\">false")
                try xml.raw(support == 0 && denied > 0 ? "</data><data key=\"e_only_denied\">true" : "</data><data key=\"e_only_denied\">false")
                try xml.raw("</data><data key=\"e_documents\">")
                try xml.text(bytes: sqlite3_column_text(stmt, 8) ?? ("[]" as StaticString).utf8Start)
                try xml.raw("</data>")
                try xml.end()
                count += 1
            }
            return count
        }
    }

    private func number(_ xml: XMLStreamWriter, _ value: Int64, _ digits: inout [UInt8]) throws {
        let length = Self.format("", value, into: &digits)
        try digits.withUnsafeBufferPointer { try xml.raw(bytes: $0.baseAddress!, count: length) }
    }

    /// Writes `prefix` and the decimal digits of `value` into `buffer`, NUL-terminated;
    /// returns the length without the NUL.
    static func format(_ prefix: StaticString, _ value: Int64, into buffer: inout [UInt8]) -> Int {
        var n = 0
        for i in 0..<prefix.utf8CodeUnitCount {
            buffer[n] = prefix.utf8Start[i]
            n += 1
        }
        var v = value
        if v < 0 {
            buffer[n] = UInt8(ascii: "-")
            n += 1
            v = -v
        }
        let start = n
        repeat {
            buffer[n] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            n += 1
        } while v > 0
        buffer[start..<n].reverse()
        buffer[n] = 0
        return n
    }
}

/// Entity ids as XML NMTOKENs (GraphML's type for ids): letters, digits, `.`, `-` and `:`
/// stay; every other byte, `_` included, is written `_XX` in hex, so the mapping is
/// one-to-one and the common id (`mu-opioid-receptor`) is unchanged.
enum NMToken {
    static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    static let hex = Array("0123456789ABCDEF".utf8)

    static func escape(_ id: String) -> String {
        if !id.isEmpty && id.utf8.allSatisfy(isKept) { return id }
        var out: [UInt8] = []
        for byte in id.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "_"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        if out.isEmpty { out = Array("_".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A reusable buffer for escaping ids that need it, so clean ids cost no copy.
    struct Scratch {
        var buffer: [UInt8] = []

        mutating func escaped<T>(_ id: UnsafePointer<UInt8>, _ body: (UnsafePointer<UInt8>) throws -> T) rethrows -> T {
            var i = 0
            var clean = true
            while id[i] != 0 {
                if !NMToken.isKept(id[i]) { clean = false; break }
                i += 1
            }
            if clean && i > 0 { return try body(id) }
            buffer.removeAll(keepingCapacity: true)
            i = 0
            while id[i] != 0 {
                let byte = id[i]
                if NMToken.isKept(byte) {
                    buffer.append(byte)
                } else {
                    buffer.append(UInt8(ascii: "_"))
                    buffer.append(NMToken.hex[Int(byte >> 4)])
                    buffer.append(NMToken.hex[Int(byte & 15)])
                }
                i += 1
            }
            if buffer.isEmpty { buffer.append(UInt8(ascii: "_")) }
            buffer.append(0)
            return try buffer.withUnsafeBufferPointer { try body($0.baseAddress!) }
        }
    }
}
