import CSerd
import Foundation
import MitraModel

/// Streams the statements of an RDF file or string through serd, one callback per quad.
///
/// Prefixed names and relative IRIs are expanded to absolute IRIs; the prefixes the input
/// declares are kept in `prefixes` (name → namespace), so a caller can turn IRIs back into
/// CURIEs with the input's own names.
public final class RDFReader {
    public private(set) var prefixes: [String: String] = [:]
    private let syntax: RDFSyntax
    private var env: OpaquePointer
    private var handler: ((Quad) throws -> Void)?
    private var nodeHandler: ((RDFNodeView, RDFNodeView, RDFNodeView, RDFNodeView?) throws -> Void)?
    private var handlerError: Error?
    private var firstError: RDFError?
    private var sourceName = ""

    public init(syntax: RDFSyntax) {
        self.syntax = syntax
        self.env = serd_env_new(nil)
    }

    deinit { serd_env_free(env) }

    /// Reads a whole file, calling `handler` for each statement.
    public func read(file path: String, handler: @escaping (Quad) throws -> Void) throws {
        guard let handle = fopen(path, "rb") else {
            throw RDFError(kind: .unreadableFile, source: path, message: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        try run(source: path, handler: handler) { reader in
            path.withCString { name in
                name.withMemoryRebound(to: UInt8.self, capacity: path.utf8.count + 1) {
                    serd_reader_read_file_handle(reader, handle, $0)
                }
            }
        }
    }

    /// Reads RDF text; `name` stands for the source in error messages.
    public func read(string text: String, name: String, handler: @escaping (Quad) throws -> Void) throws {
        try run(source: name, handler: handler) { reader in
            text.withCString { chars in
                chars.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) {
                    serd_reader_read_string(reader, $0)
                }
            }
        }
    }

    /// Reads a whole file, handing each statement over as views of serd's own buffers
    /// (subject, predicate, object, graph) without building `Term`s: the fast path for bulk
    /// loads. The views are valid only during the call.
    public func readNodes(
        file path: String, handler: @escaping (RDFNodeView, RDFNodeView, RDFNodeView, RDFNodeView?) throws -> Void
    ) throws {
        guard let handle = fopen(path, "rb") else {
            throw RDFError(kind: .unreadableFile, source: path, message: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        nodeHandler = handler
        defer { nodeHandler = nil }
        try run(source: path, handler: { _ in }, sink: RDFReader.onStatementNodes) { reader in
            path.withCString { name in
                name.withMemoryRebound(to: UInt8.self, capacity: path.utf8.count + 1) {
                    serd_reader_read_file_handle(reader, handle, $0)
                }
            }
        }
    }

    /// Reads a whole file into an array; convenient for small files such as the ontology.
    public func quads(file path: String) throws -> [Quad] {
        var all: [Quad] = []
        try read(file: path) { all.append($0) }
        return all
    }

    private func run(
        source: String, handler: @escaping (Quad) throws -> Void, sink: SerdStatementSink = RDFReader.onStatement,
        body: (OpaquePointer) -> SerdStatus
    ) throws {
        self.handler = handler
        self.handlerError = nil
        self.firstError = nil
        self.sourceName = source
        defer { self.handler = nil }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let reader = serd_reader_new(
            syntax.serd, me, nil, RDFReader.onBase, RDFReader.onPrefix, sink, nil)
        else {
            throw RDFError(kind: .syntax, source: source, message: "serd could not create a reader")
        }
        defer { serd_reader_free(reader) }
        serd_reader_set_error_sink(reader, RDFReader.onError, me)
        // Blank node labels are made unique per read so two files' `_:b0` never merge.
        let status = body(reader)
        if let handlerError { throw handlerError }
        if let firstError { throw firstError }
        if status.rawValue > SERD_FAILURE.rawValue {
            throw RDFError(kind: .syntax, source: source, message: String(cString: serd_strerror(status)))
        }
    }

    private static func me(_ handle: UnsafeMutableRawPointer?) -> RDFReader {
        Unmanaged<RDFReader>.fromOpaque(handle!).takeUnretainedValue()
    }

    private static let onBase: SerdBaseSink = { handle, uri in
        serd_env_set_base_uri(me(handle).env, uri)
    }

    private static let onPrefix: SerdPrefixSink = { handle, name, uri in
        let reader = me(handle)
        let status = serd_env_set_prefix(reader.env, name, uri)
        reader.prefixes[string(name)] = reader.expand(uri).map { $0.value } ?? string(uri)
        return status
    }

    private static let onStatement: SerdStatementSink = { handle, _, graph, subject, predicate, object, datatype, lang in
        let reader = me(handle)
        guard reader.handlerError == nil else { return SERD_FAILURE }
        guard let s = reader.term(subject), let p = reader.term(predicate) else {
            reader.noteUndefinedPrefix(subject, predicate)
            return SERD_FAILURE
        }
        let o: Term
        if object.pointee.type == SERD_LITERAL {
            let datatypeIRI = datatype.flatMap { reader.term($0) }.map(\.value)
            let language = lang.map { string($0) }
            o = .literal(string(object), datatype: datatypeIRI, language: language)
        } else {
            guard let term = reader.term(object) else {
                reader.noteUndefinedPrefix(object)
                return SERD_FAILURE
            }
            o = term
        }
        let g = graph.flatMap { reader.term($0) }
        do {
            try reader.handler?(Quad(s, p, o, graph: g))
        } catch {
            reader.handlerError = error
            return SERD_FAILURE
        }
        return SERD_SUCCESS
    }

    private static let onStatementNodes: SerdStatementSink = { handle, _, graph, subject, predicate, object, datatype, lang in
        let reader = me(handle)
        guard reader.handlerError == nil else { return SERD_FAILURE }
        // Expanded IRIs are serd allocations; they live until the handler returns.
        var owned: [SerdNode] = []
        defer { for i in owned.indices { serd_node_free(&owned[i]) } }
        func view(_ node: UnsafePointer<SerdNode>) -> RDFNodeView? {
            let n = node.pointee
            switch n.type {
            case SERD_URI where serd_uri_string_has_scheme(n.buf):
                return RDFNodeView(kind: .iri, value: UnsafeBufferPointer(start: n.buf, count: n.n_bytes))
            case SERD_URI, SERD_CURIE:
                let expanded = serd_env_expand_node(reader.env, node)
                guard expanded.buf != nil else {
                    return n.type == SERD_URI
                        ? RDFNodeView(kind: .iri, value: UnsafeBufferPointer(start: n.buf, count: n.n_bytes)) : nil
                }
                owned.append(expanded)
                return RDFNodeView(kind: .iri, value: UnsafeBufferPointer(start: expanded.buf, count: expanded.n_bytes))
            case SERD_BLANK:
                return RDFNodeView(kind: .blank, value: UnsafeBufferPointer(start: n.buf, count: n.n_bytes))
            default:
                return nil
            }
        }
        guard let s = view(subject), let p = view(predicate) else {
            reader.noteUndefinedPrefix(subject, predicate)
            return SERD_FAILURE
        }
        let o: RDFNodeView
        if object.pointee.type == SERD_LITERAL {
            let n = object.pointee
            var datatypeView = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            if let datatype {
                guard let d = view(datatype) else {
                    reader.noteUndefinedPrefix(datatype)
                    return SERD_FAILURE
                }
                datatypeView = d.value
            }
            let language = lang.map { UnsafeBufferPointer(start: $0.pointee.buf, count: $0.pointee.n_bytes) }
            o = RDFNodeView(
                kind: .literal, value: UnsafeBufferPointer(start: n.buf, count: n.n_bytes), datatype: datatypeView,
                language: language ?? UnsafeBufferPointer(start: nil, count: 0))
        } else {
            guard let term = view(object) else {
                reader.noteUndefinedPrefix(object)
                return SERD_FAILURE
            }
            o = term
        }
        let g = graph.flatMap { view($0) }
        do {
            try reader.nodeHandler?(s, p, o, g)
        } catch {
            reader.handlerError = error
            return SERD_FAILURE
        }
        return SERD_SUCCESS
    }

    private static let onError: SerdErrorSink = { handle, error in
        let reader = me(handle)
        guard reader.firstError == nil else { return SERD_SUCCESS }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = mitra_serd_format_error(error, &buffer, buffer.count)
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        reader.firstError = RDFError(
            kind: .syntax, source: reader.sourceName, line: Int(error.pointee.line), column: Int(error.pointee.col),
            message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        return SERD_SUCCESS
    }

    private func noteUndefinedPrefix(_ nodes: UnsafePointer<SerdNode>...) {
        guard firstError == nil else { return }
        let names = nodes.filter { $0.pointee.type == SERD_CURIE && expand($0) == nil }.map { RDFReader.string($0) }
        let place = names.first.flatMap { Self.position(of: $0, inFile: sourceName) }
        firstError = RDFError(
            kind: .syntax, source: sourceName, line: place?.line ?? 0, column: place?.column ?? 0,
            message: "undefined prefix in '\(names.first ?? "?")'; declare it with @prefix")
    }

    /// Where `needle` first stands in the file at `path` outside comments (1-based line and
    /// column in characters), for faults serd reports without a place.
    static func position(of needle: String, inFile path: String) -> (line: Int, column: Int)? {
        guard !needle.isEmpty, let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]
            if let range = code.range(of: needle) {
                return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    private func term(_ node: UnsafePointer<SerdNode>) -> Term? {
        switch node.pointee.type {
        case SERD_URI, SERD_CURIE:
            return expand(node)
        case SERD_BLANK:
            return .blank(RDFReader.string(node))
        case SERD_LITERAL:
            return .literal(RDFReader.string(node))
        default:
            return nil
        }
    }

    private func expand(_ node: UnsafePointer<SerdNode>) -> Term? {
        var expanded = serd_env_expand_node(env, node)
        defer { serd_node_free(&expanded) }
        guard expanded.buf != nil else {
            // An IRI serd cannot make absolute (no base) is kept as written.
            return node.pointee.type == SERD_URI ? .iri(RDFReader.string(node)) : nil
        }
        return .iri(RDFReader.string(&expanded))
    }

    private static func string(_ node: UnsafePointer<SerdNode>) -> String {
        guard let buf = node.pointee.buf else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buf, count: node.pointee.n_bytes), as: UTF8.self)
    }
}
