import Foundation
import MitraModel
import MitraStore

/// Writes the graph as GraphML (networkx, igraph, Gephi, Cytoscape, yEd) through libxml2.
///
/// Every node and edge attribute is declared by a typed `<key>`; every list attribute (xref,
/// synonyms, documents) is a JSON array of strings, the one encoding the README documents;
/// every edge has a numeric `weight`, its support, for the tools that weigh edges by it.
/// Entities without an edge are left out unless `includeIsolated`. Node ids are the entity ids,
/// made valid NMTOKENs by writing any other byte as `_XX`; edge ids are `e0`, `e1`, …
/// Edges stream from one SQLite cursor into a byte buffer (`MarkupBuffer`), their text never
/// becoming a Swift string, and go to libxml2's writer 64 KB at a time, so a million edges
/// take seconds.
public struct GraphMLExporter {
    /// Write entities that have no edge too (only mentioned); a subgraph keeps all of its own.
    public var includeIsolated: Bool

    public init(includeIsolated: Bool = false) {
        self.includeIsolated = includeIsolated
    }

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
        Key(id: "e_weight", name: "weight", type: "double"),
        Key(id: "e_support", name: "support", type: "int"), Key(id: "e_denials", name: "denials", type: "int"),
        Key(id: "e_hedged", name: "hedged", type: "int"), Key(id: "e_claims", name: "claims", type: "int"),
        Key(id: "e_contested", name: "contested", type: "boolean"),
        Key(id: "e_only_denied", name: "only_denied", type: "boolean"),
        Key(id: "e_documents", name: "documents", type: "string"),
        Key(id: "e_supporting_documents", name: "supporting_documents", type: "string"),
        Key(id: "e_denying_documents", name: "denying_documents", type: "string"),
    ]

    /// Writes the graph, or `subgraph`, to `path`; returns the number of edges written.
    @discardableResult
    public func export(store: GraphStore, to path: String, subgraph: Subgraph? = nil) throws -> Int {
        let source = try GraphSource(store: store, subgraph: subgraph)
        let target = try OutputTarget(path: path)
        let file = try target.open()
        // libxml2 hands the stream 4 KB pieces; a large buffer makes them a few big writes.
        setvbuf(file, nil, _IOFBF, 1 << 20)
        var closed = false
        var edges = 0
        do {
            let xml = try XMLStreamWriter(file: file, path: path)
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
            try writeNodes(xml, source, keepIsolated: includeIsolated || subgraph != nil)
            edges = try writeEdges(xml, store: store, subgraph: subgraph)
            try xml.raw("\n  ")
            try xml.end()
            try xml.raw("\n")
            try xml.end()
            try xml.finish()
            closed = true
            try target.close(file)
        } catch {
            if !closed { fclose(file) }
            target.discard()
            if var error = error as? ExportError {
                error.path = path
                throw error
            }
            throw error
        }
        try target.commit()
        return edges
    }

    private func writeNodes(_ xml: XMLStreamWriter, _ source: GraphSource, keepIsolated: Bool) throws {
        var out = MarkupBuffer()
        for node in try source.nodes(withDegree: !keepIsolated) where keepIsolated || node.degree > 0 {
            let e = node.entity
            out.append("\n    <node id=\"")
            out.appendVerbatim(NMToken.escape(e.id))
            out.append("\"><data key=\"n_label\">")
            out.appendText(e.prefLabel)
            out.append("</data><data key=\"n_class\">")
            out.appendText(e.entityClass.name)
            out.append("</data><data key=\"n_category\">")
            out.appendText(node.category)
            out.append("</data><data key=\"n_iri\">")
            out.appendText(e.iri)
            out.append("</data><data key=\"n_curie\">")
            out.appendText(e.curie)
            out.append("</data><data key=\"n_xref\">")
            out.appendText(JSONText.value(e.exactMatches))
            out.append("</data><data key=\"n_synonyms\">")
            out.appendText(JSONText.value(e.altLabels))
            out.append("</data><data key=\"n_mentions\">")
            out.append(Int64(node.mentions))
            out.append("</data><data key=\"n_mention_documents\">")
            out.append(Int64(node.documents))
            out.append("</data></node>")
            try out.flushIfFull(to: xml)
        }
        try out.flush(to: xml)
    }

    private func writeEdges(_ xml: XMLStreamWriter, store: GraphStore, subgraph: Subgraph?) throws -> Int {
        var documentList = RawMarkup(), supportingList = RawMarkup(), denyingList = RawMarkup()
        var scratch = NMToken.Scratch()
        var out = MarkupBuffer()
        var count = 0
        /// Appends a document to a JSON array being written, opening it if it is the first.
        func add(_ bytes: UnsafeBufferPointer<UInt8>, to list: inout RawMarkup, first: inout Bool) {
            list.append(first ? "[" : ",")
            list.appendJSONString(bytes)
            first = false
        }
        try store.forEachRawEdge { row, documents in
            if let subgraph, !subgraph.edges.contains(row.key) { return }
            documentList.clear()
            supportingList.clear()
            denyingList.clear()
            var firstDocument = true, firstSupporting = true, firstDenying = true
            try documents { bytes, affirms, denies in
                add(bytes, to: &documentList, first: &firstDocument)
                if affirms { add(bytes, to: &supportingList, first: &firstSupporting) }
                if denies { add(bytes, to: &denyingList, first: &firstDenying) }
            }
            documentList.append(firstDocument ? "[]" : "]")
            supportingList.append(firstSupporting ? "[]" : "]")
            denyingList.append(firstDenying ? "[]" : "]")
            let support = row.supportingDocuments, denied = row.denyingDocuments
            // Values from the store (predicate, documents) are escaped; ids are NMTOKENs,
            // which need none.
            out.append("\n    <edge id=\"e")
            out.append(Int64(count))
            out.append("\" source=\"")
            scratch.escaped(row.subject) { out.appendVerbatim($0) }
            out.append("\" target=\"")
            scratch.escaped(row.object) { out.appendVerbatim($0) }
            out.append("\"><data key=\"e_label\">")
            out.appendText(row.predicate)
            out.append("</data><data key=\"e_predicate\">")
            out.appendText(row.predicate)
            out.append("</data><data key=\"e_biolink\">")
            out.appendText(row.biolink)
            out.append("</data><data key=\"e_weight\">")
            out.append(support)
            out.append("</data><data key=\"e_support\">")
            out.append(support)
            out.append("</data><data key=\"e_denials\">")
            out.append(denied)
            out.append("</data><data key=\"e_hedged\">")
            out.append(row.hedgedClaims)
            out.append("</data><data key=\"e_claims\">")
            out.append(row.claimCount)
            out.append(row.contested ? "</data><data key=\"e_contested\">true" : "</data><data key=\"e_contested\">false")
            out.append(support == 0 && denied > 0 ? "</data><data key=\"e_only_denied\">true" : "</data><data key=\"e_only_denied\">false")
            out.append("</data><data key=\"e_documents\">")
            documentList.bytes { out.appendText(UnsafeBufferPointer(start: $0, count: $1)) }
            out.append("</data><data key=\"e_supporting_documents\">")
            supportingList.bytes { out.appendText(UnsafeBufferPointer(start: $0, count: $1)) }
            out.append("</data><data key=\"e_denying_documents\">")
            denyingList.bytes { out.appendText(UnsafeBufferPointer(start: $0, count: $1)) }
            out.append("</data></edge>")
            try out.flushIfFull(to: xml)
            count += 1
        }
        try out.flush(to: xml)
        return count
    }
}

/// A reusable byte buffer in which an edge's documents are written as a JSON array, before
/// the array is escaped into the markup.
struct RawMarkup {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(512) }

    mutating func clear() { buffer.removeAll(keepingCapacity: true) }

    mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A JSON string for UTF-8 bytes, escaping as RFC 8259 asks.
    mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(byte)
            case UInt8(ascii: "\n"):
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"):
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"):
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                buffer.append(contentsOf: Array("\\u00".utf8))
                buffer.append(NMToken.hex[Int(byte >> 4)])
                buffer.append(NMToken.hex[Int(byte & 15)])
            default:
                buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    func bytes<T>(_ body: (UnsafePointer<UInt8>, Int) throws -> T) rethrows -> T {
        try buffer.withUnsafeBufferPointer { try body($0.baseAddress!, $0.count) }
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
