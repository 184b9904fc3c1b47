import Foundation

/// Statements read on a thread of their own and handed to the caller's thread in batches, as
/// copies of their nodes' bytes: parsing one batch overlaps with the caller's work on the
/// one before, so a bulk load spends the parser's time on another core.
final class StatementPipe: @unchecked Sendable {
    /// One node of a statement as ranges of its batch's bytes; kind 0 stands for no node
    /// (a triple's graph).
    struct Node {
        var kind: UInt8 = 0
        var value = 0..<0
        var datatype = 0..<0
        var language = 0..<0
    }

    /// Statements as four nodes each (subject, predicate, object, graph) over one byte buffer.
    final class Batch {
        var bytes: [UInt8] = []
        var nodes: [Node] = []
        var count: Int { nodes.count / 4 }

        func append(_ s: RDFNodeView, _ p: RDFNodeView, _ o: RDFNodeView, _ g: RDFNodeView?) {
            nodes.append(copy(s))
            nodes.append(copy(p))
            nodes.append(copy(o))
            nodes.append(g.map(copy) ?? Node())
        }

        private func copy(_ node: RDFNodeView) -> Node {
            func range(_ part: UnsafeBufferPointer<UInt8>) -> Range<Int> {
                let start = bytes.count
                bytes.append(contentsOf: part)
                return start..<bytes.count
            }
            return Node(kind: node.kind.rawValue, value: range(node.value), datatype: range(node.datatype),
                        language: range(node.language))
        }

        /// Calls `body` with each statement's nodes as views of this batch's bytes.
        func forEach(_ body: (RDFNodeView, RDFNodeView, RDFNodeView, RDFNodeView?) throws -> Void) throws {
            try bytes.withUnsafeBufferPointer { base in
                func view(_ node: Node) -> RDFNodeView? {
                    guard let kind = RDFNodeView.Kind(rawValue: node.kind) else { return nil }
                    func part(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                        r.isEmpty ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: base[r])
                    }
                    return RDFNodeView(kind: kind, value: part(node.value), datatype: part(node.datatype),
                                       language: part(node.language))
                }
                var i = 0
                while i + 3 < nodes.count {
                    if let s = view(nodes[i]), let p = view(nodes[i + 1]), let o = view(nodes[i + 2]) {
                        try body(s, p, o, view(nodes[i + 3]))
                    }
                    i += 4
                }
            }
        }
    }

    /// Raised in the parser's thread when the caller has stopped taking batches.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var finished = false
    private var stopped = false
    private var failure: Error?
    /// Batches parsed ahead of the caller, at most.
    private let depth: Int

    init(depth: Int = 4) { self.depth = depth }

    /// Hands a batch over, waiting while `depth` are pending; false once the caller stopped.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !stopped { condition.wait() }
        if stopped { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    /// Says the parser is done, with the error that ended it if any.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil when the parser finished, or the error it finished with.
    func take() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure, !(failure is Stopped) { throw failure }
        return nil
    }

    /// Tells the parser to stop (the caller failed or is done).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

extension RDFReader {
    /// Reads a whole file as `readNodes` does, but parses it on a thread of its own, a batch
    /// of statements ahead of `handler`, which runs on the calling thread in file order. A
    /// syntax error is thrown after the statements before it were handled; an error of
    /// `handler` stops the parser.
    public func readNodesInBackground(
        file path: String, batchSize: Int = 8_192,
        handler: (RDFNodeView, RDFNodeView, RDFNodeView, RDFNodeView?) throws -> Void
    ) throws {
        let pipe = StatementPipe()
        let done = DispatchSemaphore(value: 0)
        let parser = UncheckedReader(reader: self)
        let thread = Thread {
            var batch = StatementPipe.Batch()
            do {
                try parser.reader.readNodes(file: path) { s, p, o, g in
                    batch.append(s, p, o, g)
                    if batch.count >= batchSize {
                        guard pipe.put(batch) else { throw StatementPipe.Stopped() }
                        batch = StatementPipe.Batch()
                    }
                }
                if batch.count > 0 { _ = pipe.put(batch) }
                pipe.finish(nil)
            } catch {
                // The statements before a syntax error are handled before it is thrown.
                if !(error is StatementPipe.Stopped), batch.count > 0 { _ = pipe.put(batch) }
                pipe.finish(error)
            }
            done.signal()
        }
        // Turtle's nesting recurses in serd; give it the main thread's room.
        thread.stackSize = 8 << 20
        thread.start()
        defer {
            pipe.stop()
            done.wait()
        }
        while let batch = try pipe.take() { try batch.forEach(handler) }
    }
}

/// The reader, handed to the parsing thread; only that thread uses it until the read ends.
private struct UncheckedReader: @unchecked Sendable {
    let reader: RDFReader
}
