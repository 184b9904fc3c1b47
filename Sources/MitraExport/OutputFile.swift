import Foundation

/// A file written through a buffer, so exporters can emit many small pieces cheaply.
///
/// The file is written in place as a temporary sibling and renamed over `path` by
/// `close()`, so a failed export never leaves a half-written file under the final name.
final class OutputFile {
    let path: String
    private let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let flushSize = 1 << 16

    init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        temporaryPath = path + ".part"
        guard let handle = fopen(temporaryPath, "wb") else {
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be created: \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        buffer.reserveCapacity(flushSize * 2)
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporaryPath)
        }
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
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be written: \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and moves the finished file to its name.
    func close() throws {
        try flush()
        guard let handle else { return }
        self.handle = nil
        if fclose(handle) != 0 {
            unlink(temporaryPath)
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be written: \(String(cString: strerror(errno)))")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be put in place: \(reason)")
        }
    }

    /// Writes a whole file at once, by the same temporary-and-rename path.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        try bytes.withUnsafeBytes { try file.write(bytes: $0) }
        try file.close()
    }
}
