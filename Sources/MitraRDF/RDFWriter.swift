import CSerd
import Foundation
import MitraModel

/// Writes RDF statements as N-Triples or Turtle through serd, to a file or to memory.
///
/// serd does the escaping of IRIs and literals; Turtle output declares the given prefixes and
/// abbreviates IRIs under them to CURIEs and consecutive statements about one subject to
/// `;` lists. Call `finish()` once at the end: it flushes serd's pending punctuation and
/// closes the file.
public final class RDFWriter {
    public let syntax: RDFSyntax
    /// The file written to, or a name for the memory buffer in error messages.
    public let destination: String
    public private(set) var statementCount = 0
    private let env: OpaquePointer
    private var writer: OpaquePointer?
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private var firstError: RDFError?
    private var finished = false

    /// A writer into a file, created or truncated.
    public convenience init(syntax: RDFSyntax, path: String, prefixes: [(name: String, namespace: String)] = []) throws {
        guard let handle = fopen(path, "wb") else {
            throw RDFError(kind: .writeFailed, source: path, message: "cannot be created: \(String(cString: strerror(errno)))")
        }
        try self.init(syntax: syntax, file: handle, destination: path, prefixes: prefixes)
    }

    /// A writer into an open stream, which `finish()` (or the writer's end) closes.
    public init(syntax: RDFSyntax, file handle: UnsafeMutablePointer<FILE>, destination: String,
                prefixes: [(name: String, namespace: String)] = []) throws {
        self.syntax = syntax
        self.destination = destination
        self.env = serd_env_new(nil)
        file = handle
        writer = serd_writer_new(syntax.serd, Self.style(syntax), env, nil, serd_file_sink, handle)
        try declare(prefixes)
    }

    /// A writer into memory; read the result from `text` or `bytes` after `finish()`.
    public init(syntax: RDFSyntax, prefixes: [(name: String, namespace: String)] = []) throws {
        self.syntax = syntax
        self.destination = "<memory>"
        self.env = serd_env_new(nil)
        let me = Unmanaged.passUnretained(self).toOpaque()
        writer = serd_writer_new(syntax.serd, Self.style(syntax), env, nil, Self.memorySink, me)
        try declare(prefixes)
    }

    deinit {
        if let writer { serd_writer_free(writer) }
        if let file { fclose(file) }
        serd_env_free(env)
    }

    /// What was written to memory.
    public var bytes: [UInt8] { buffer }
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    private static func style(_ syntax: RDFSyntax) -> SerdStyle {
        syntax == .turtle ? SerdStyle(SERD_STYLE_ABBREVIATED.rawValue | SERD_STYLE_CURIED.rawValue) : SerdStyle(0)
    }

    private static let memorySink: SerdSink = { bytes, count, stream in
        let writer = Unmanaged<RDFWriter>.fromOpaque(stream).takeUnretainedValue()
        let raw = UnsafeRawBufferPointer(start: bytes, count: count)
        writer.buffer.append(contentsOf: raw)
        return count
    }

    private static let onError: SerdErrorSink = { handle, error in
        let writer = Unmanaged<RDFWriter>.fromOpaque(handle!).takeUnretainedValue()
        guard writer.firstError == nil else { return SERD_SUCCESS }
        var text = [CChar](repeating: 0, count: 512)
        _ = mitra_serd_format_error(error, &text, text.count)
        let message = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        writer.firstError = RDFError(
            kind: .writeFailed, source: writer.destination,
            message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        return SERD_SUCCESS
    }

    private func declare(_ prefixes: [(name: String, namespace: String)]) throws {
        guard let writer else {
            throw RDFError(kind: .writeFailed, source: destination, message: "serd could not create a writer")
        }
        serd_writer_set_error_sink(writer, Self.onError, Unmanaged.passUnretained(self).toOpaque())
        for (name, namespace) in prefixes {
            let status = Self.withNode(SERD_LITERAL, name) { nameNode in
                Self.withNode(SERD_URI, namespace) { uriNode in serd_writer_set_prefix(writer, &nameNode, &uriNode) }
            }
            try check(status, "cannot declare the prefix \(name):")
        }
    }

    /// Writes one statement.
    public func write(_ subject: Term, _ predicate: Term, _ object: Term) throws {
        guard let writer, !finished else {
            throw RDFError(kind: .writeFailed, source: destination, message: "the writer is already finished")
        }
        var datatype: String?
        var language: String?
        if case .literal(_, let d, let l) = object {
            datatype = d
            language = l
        }
        let status = Self.withNode(subject) { s in
            Self.withNode(predicate) { p in
                Self.withNode(object) { o in
                    Self.withOptionalNode(SERD_URI, datatype) { d in
                        Self.withOptionalNode(SERD_LITERAL, language) { l in
                            serd_writer_write_statement(writer, 0, nil, &s, &p, &o, d, l)
                        }
                    }
                }
            }
        }
        try check(status, "cannot write a statement about \(subject.value):")
        statementCount += 1
    }

    /// Flushes the output and closes the file; the writer takes no more statements after it.
    public func finish() throws {
        guard !finished, let writer else { return }
        finished = true
        let status = serd_writer_finish(writer)
        serd_writer_free(writer)
        self.writer = nil
        if let file {
            let failed = fflush(file) != 0 || ferror(file) != 0
            let reason = errno
            let closed = fclose(file)
            self.file = nil
            if failed || closed != 0 {
                let why = (failed ? reason : errno) == ENOSPC ? "no space left on device" : String(cString: strerror(failed ? reason : errno))
                throw RDFError(kind: .writeFailed, source: destination, message: "cannot be written: \(why)")
            }
        }
        try check(status, "cannot finish the output:")
    }

    private func check(_ status: SerdStatus, _ context: String) throws {
        if let firstError { throw firstError }
        if status != SERD_SUCCESS {
            throw RDFError(kind: .writeFailed, source: destination, message: "\(context) \(String(cString: serd_strerror(status)))")
        }
    }

    private static func withNode<T>(_ term: Term, _ body: (inout SerdNode) -> T) -> T {
        switch term {
        case .iri(let iri): withNode(SERD_URI, iri, body)
        case .blank(let label): withNode(SERD_BLANK, label, body)
        case .literal(let value, _, _): withNode(SERD_LITERAL, value, body)
        }
    }

    private static func withNode<T>(_ type: SerdType, _ text: String, _ body: (inout SerdNode) -> T) -> T {
        var copy = text
        return copy.withUTF8 { bytes in
            // The length is passed so a NUL inside a literal is kept; the terminator is there for
            // the parts of serd that still read nodes as C strings.
            let terminated = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            defer { terminated.deallocate() }
            if let base = bytes.baseAddress { terminated.initialize(from: base, count: bytes.count) }
            terminated[bytes.count] = 0
            var node = serd_node_from_substring(type, terminated, bytes.count)
            // serd measures up to the first NUL; a literal may hold one, which serd escapes.
            node.n_bytes = bytes.count
            return body(&node)
        }
    }

    private static func withOptionalNode<T>(
        _ type: SerdType, _ text: String?, _ body: (UnsafePointer<SerdNode>?) -> T
    ) -> T {
        guard let text else { return body(nil) }
        return withNode(type, text) { node in withUnsafePointer(to: &node) { body($0) } }
    }
}
