import Foundation

/// A file written through a buffer, so exporters can emit many small pieces cheaply.
///
/// Where the bytes go is an `OutputTarget`: a regular file is written as a temporary sibling
/// and put in place by `close()` (or `finish()` then `commit()`, when several files must
/// appear together); standard output and devices are written in place.
final class OutputFile {
    let target: OutputTarget
    var path: String { target.path }
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let flushSize = 1 << 16

    init(path: String) throws {
        target = try OutputTarget(path: path)
        handle = try target.open()
        buffer.reserveCapacity(flushSize * 2)
    }

    deinit {
        if let handle { fclose(handle) }
        // After a commit the temporary name is gone and this does nothing.
        target.discard()
    }

    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushSize { try flush() }
    }

    func write(bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushSize { try flush() }
    }

    private func flush() throws {
        guard let handle else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != buffer.count {
            throw OutputTarget.writeError(path, errno)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file, not yet in place.
    func finish() throws {
        try flush()
        guard let handle else { return }
        self.handle = nil
        try target.close(handle)
    }

    /// Moves a finished file to its name.
    func commit() throws {
        try target.commit()
    }

    /// Flushes, closes and moves the finished file to its name.
    func close() throws {
        try finish()
        try commit()
    }

    /// Writes a whole file at once, by the same path.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        try bytes.withUnsafeBytes { try file.write(bytes: $0) }
        try file.close()
    }
}
