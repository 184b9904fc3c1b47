import CGraphviz
import Foundation

/// The image formats Graphviz renders for us.
public enum ImageFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
}

/// Lays out and renders DOT text in-process through libgvc, Graphviz's own library.
///
/// Owns one `GVC_t` for its lifetime. Graphviz keeps global state (its error buffer, the
/// graph reader), so every call into it takes one process-wide lock; its messages are caught
/// with `agseterrf` and turned into an `ExportError` that says what failed.
public final class GraphvizRenderer {
    private let context: OpaquePointer

    public init() throws {
        GraphvizRenderer.lock.lock()
        defer { GraphvizRenderer.lock.unlock() }
        guard let context = gvContext() else {
            throw ExportError(kind: .renderFailed, path: "graphviz", message: "cannot start Graphviz (gvContext failed)")
        }
        self.context = context
    }

    deinit {
        GraphvizRenderer.lock.lock()
        gvFreeContext(context)
        GraphvizRenderer.lock.unlock()
    }

    /// Renders `dot` as an image; `name` stands for the DOT text in error messages.
    public func render(dot: String, format: ImageFormat, layout: GraphLayout, name: String = "<dot>") throws -> [UInt8] {
        GraphvizRenderer.lock.lock()
        defer { GraphvizRenderer.lock.unlock() }
        GraphvizRenderer.messages = []
        agreseterrors()
        let previousHandler = agseterrf(GraphvizRenderer.collect)
        let previousLevel = agseterr(AGERR)
        defer {
            agseterrf(previousHandler)
            agseterr(previousLevel)
        }

        guard let graph = agmemread(dot) else {
            throw failure(name, "is not valid DOT")
        }
        defer { agclose(graph) }
        if GraphvizRenderer.messages.contains(where: { !$0.isEmpty }) && agerrors() > 0 {
            throw failure(name, "is not valid DOT")
        }
        guard gvLayout(context, graph, layout.rawValue) == 0 else {
            throw failure(name, "cannot be laid out with \(layout.rawValue)")
        }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format.rawValue, &data, &length) == 0, let data else {
            throw failure(name, "cannot be rendered as \(format.rawValue)")
        }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    /// Renders `dot` into the file at `path`.
    public func render(dot: String, format: ImageFormat, layout: GraphLayout, to path: String) throws {
        do {
            try OutputFile.write(try render(dot: dot, format: format, layout: layout), to: path)
        } catch var error as ExportError where error.kind == .renderFailed {
            error.path = path
            throw error
        }
    }

    private func failure(_ name: String, _ what: String) -> ExportError {
        let detail = GraphvizRenderer.messages
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let fallback = aglasterr().map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let reason = detail.isEmpty ? fallback : detail.joined(separator: "; ")
        return ExportError(kind: .renderFailed, path: name, message: what + (reason.isEmpty ? "" : ": " + reason))
    }

    private nonisolated(unsafe) static var messages: [String] = []
    private static let lock = NSLock()

    private static let collect: agusererrf = { message in
        if let message { GraphvizRenderer.messages.append(String(cString: message)) }
        return 0
    }
}
