import Foundation
import MitraModel

/// Documents one at a time from files, folders and standard input, for work that must not
/// hold a corpus in memory (`extract --format nquads` as a map step). A JSON-lines file or
/// stream is read a line at a time; any other file whole, as `DocumentReader` reads it.
public struct DocumentStream: Sendable {
    /// How standard input (`-`) is read: one text document, or JSON lines.
    public var standardInputFormat: InputFormat = .text
    /// What standard input's documents are named after: `stdin`, or `NAME#id` for JSON lines.
    public var standardInputName = "stdin"
    /// When set, a named file's id is its path relative to this folder, as a build of that
    /// folder would name it; otherwise its file name.
    public var root: String?

    public init() {}

    /// Calls `body` with each document in input order, and `warning` with each input skipped.
    public func forEach(paths: [String], warning: (IngestError) -> Void, _ body: (Document) throws -> Void) throws {
        let reader = DocumentReader()
        for path in paths {
            if path == "-" {
                if standardInputFormat == .jsonLines {
                    try lines(of: FileHandle.standardInput, fileID: standardInputName, path: "<stdin>", warning: warning, body)
                } else {
                    var batch = DocumentReader.Batch()
                    reader.add(data: FileHandle.standardInput.readDataToEndOfFile(), id: standardInputName, path: "<stdin>",
                               format: standardInputFormat, into: &batch)
                    try deliver(batch, warning: warning, body)
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                for relative in try reader.files(under: path) {
                    try file((path as NSString).appendingPathComponent(relative), id: relative, warning: warning, body)
                }
            } else {
                try file(path, id: id(of: path), warning: warning, body)
            }
        }
    }

    private func id(of path: String) -> String {
        guard let root else { return (path as NSString).lastPathComponent }
        let base = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : (path as NSString).lastPathComponent
    }

    private func file(_ path: String, id: String, warning: (IngestError) -> Void, _ body: (Document) throws -> Void) throws {
        if InputFormat(path: path) == .jsonLines, let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            try lines(of: handle, fileID: id, path: path, warning: warning, body)
            return
        }
        var batch = DocumentReader.Batch()
        DocumentReader().readFile(at: path, id: id, into: &batch)
        try deliver(batch, warning: warning, body)
    }

    private func deliver(_ batch: DocumentReader.Batch, warning: (IngestError) -> Void, _ body: (Document) throws -> Void) throws {
        batch.warnings.forEach(warning)
        for document in batch.documents { try body(document) }
    }

    /// Reads JSON lines a chunk at a time, so memory holds one chunk and one line.
    private func lines(of handle: FileHandle, fileID: String, path: String, warning: (IngestError) -> Void,
                       _ body: (Document) throws -> Void) throws {
        var pending = Data()
        var lineNumber = 0
        func emit(_ line: Data) throws {
            lineNumber += 1
            guard let text = String(validatingUTF8Data: line) else {
                warning(IngestError(kind: .notUTF8, path: path, line: lineNumber, message: "is not valid UTF-8; skipped"))
                return
            }
            let (documents, warnings) = JSONLinesReader().documents(in: text, fileID: fileID, path: path, startingLine: lineNumber - 1)
            warnings.forEach(warning)
            for document in documents { try body(document) }
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try emit(Data(pending[start..<newline]))
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try emit(pending) }
    }
}
