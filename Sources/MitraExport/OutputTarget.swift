import Foundation

/// Where an output goes, decided once from what its path names.
///
/// `-` is standard output; a path naming something that is not a regular file (a device such
/// as `/dev/stdout` or `/dev/full`, a pipe, a socket) is written as a stream, in place, so the
/// device is never replaced; a regular file, or a path that does not exist yet, is written as a
/// temporary sibling that `commit()` renames over it, so a failed export never leaves a
/// half-written file. Symbolic links are written through: the file they point at is the one
/// replaced, and the link stays. A missing folder is created.
public struct OutputTarget: Sendable {
    public enum Kind: Sendable, Equatable {
        case standardOutput
        case stream
        case file
    }

    /// The path as given, for messages.
    public let path: String
    public let kind: Kind
    /// The regular file a `.file` target replaces (symbolic links resolved).
    public let finalPath: String
    /// What is opened for writing: the temporary sibling of a `.file`, the stream's own path.
    public let writePath: String

    public init(path: String) throws {
        self.path = path
        if path == "-" {
            kind = .standardOutput
            finalPath = path
            writePath = path
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw ExportError(kind: .cannotWrite, path: path, message: "is a folder; name a file")
            }
            if (info.st_mode & S_IFMT) != S_IFREG {
                kind = .stream
                finalPath = path
                writePath = path
                return
            }
            kind = .file
            finalPath = Self.resolvingLinks(path)
        } else {
            kind = .file
            finalPath = Self.resolvingLinks(path)
            let folder = (finalPath as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw ExportError(kind: .cannotWrite, path: path, message: "its folder cannot be created: \(error.localizedDescription)")
                }
            }
        }
        writePath = finalPath + ".part-\(getpid())"
    }

    /// The file a chain of symbolic links ends at (the path itself when it is no link);
    /// a dangling link names the file to create.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return current
    }

    /// Opens the stream to write to (the caller closes it with `close(_:)`).
    public func open() throws -> UnsafeMutablePointer<FILE> {
        let handle: UnsafeMutablePointer<FILE>?
        switch kind {
        case .standardOutput:
            fflush(nil)  // what print buffered goes first
            let fd = dup(STDOUT_FILENO)
            handle = fd >= 0 ? fdopen(fd, "wb") : nil
        case .stream:
            handle = fopen(writePath, "wb")
        case .file:
            handle = fopen(writePath, "wb")
            if let handle {
                // A replaced file keeps its permissions.
                var info = stat()
                if stat(finalPath, &info) == 0 { fchmod(fileno(handle), info.st_mode & 0o7777) }
            }
        }
        guard let handle else {
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be created: \(String(cString: strerror(errno)))")
        }
        return handle
    }

    /// Closes a stream `open()` returned, failing when anything written did not reach it.
    public func close(_ handle: UnsafeMutablePointer<FILE>) throws {
        let flushed = fflush(handle) == 0 && ferror(handle) == 0
        let reason = errno
        let closed = fclose(handle) == 0
        if !flushed || !closed {
            discard()
            throw Self.writeError(path, flushed ? errno : reason)
        }
    }

    /// The error for a write that failed with `code`; a full disk says so.
    public static func writeError(_ path: String, _ code: Int32) -> ExportError {
        let reason = code == ENOSPC ? "no space left on device" : String(cString: strerror(code))
        return ExportError(kind: .cannotWrite, path: path == "-" ? "standard output" : path, message: "cannot be written: \(reason)")
    }

    /// Puts a finished file in place; streams need nothing.
    public func commit() throws {
        guard kind == .file else { return }
        if rename(writePath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be put in place: \(reason)")
        }
    }

    /// Removes the temporary file of an abandoned output.
    public func discard() {
        if kind == .file { unlink(writePath) }
    }
}

extension OutputTarget {
    /// Writes `bytes` to `path` (`-`: standard output) the way its target needs.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try OutputFile.write(bytes, to: path)
    }
}

/// Standard output written with `write(2)` after what `print` buffered, so a write that fails
/// (a full disk, `/dev/full`, a closed pipe) is an error, not a crash or silent loss.
public enum StandardOutput {
    public static func write(_ text: String) throws {
        try flush()
        var text = text
        try text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(STDOUT_FILENO, base + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputTarget.writeError("standard output", errno)
                }
                offset += n
            }
        }
    }

    /// Pushes out what `print` buffered; fails when it could not be written.
    public static func flush() throws {
        if fflush(nil) != 0 { throw OutputTarget.writeError("standard output", errno) }
    }
}
