import Foundation
import MitraModel

/// Turns files, folders (recursively) and standard input into documents.
///
/// A file that cannot be used (unreadable, binary, not UTF-8, empty) does not stop the
/// others: it becomes a warning, and the caller decides how loud to be about it.
public struct DocumentReader: Sendable {
    /// File extensions read, lowercased.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "jsonl"]

    public init() {}

    /// The result of reading some inputs: the documents and what was skipped, and why.
    public struct Batch: Sendable {
        public var documents: [Document] = []
        public var warnings: [IngestError] = []

        public init() {}
    }

    /// Reads each input path; `-` is standard input. Document ids are paths relative to the
    /// input root (the folder named, or a named file's own folder).
    public func read(paths: [String]) throws -> Batch {
        var batch = Batch()
        for path in paths {
            if path == "-" {
                readStandardInput(id: "stdin", into: &batch)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                for relative in try files(under: path) {
                    readFile(at: (path as NSString).appendingPathComponent(relative), id: relative, into: &batch)
                }
            } else {
                readFile(at: path, id: (path as NSString).lastPathComponent, into: &batch)
            }
        }
        return batch
    }

    /// One input file (or standard input, path `-`), the document id it gets, and the key of
    /// the input root it was listed under (nil for standard input).
    public struct Input: Sendable, Equatable {
        public var path: String
        public var id: String
        public var root: String?

        public init(path: String, id: String, root: String? = nil) {
            self.path = path
            self.id = id
            self.root = root
        }
    }

    /// An input root as listed: its key (the real path of the folder or file named) and the
    /// document-id prefixes below it that could not be read ("" for the whole root).
    public struct Root: Sendable, Equatable {
        public var key: String
        public var unreadable: [String]
    }

    /// What `inputs` found: the files in order, the roots listed, and what could not be listed.
    public struct Inputs: Sendable {
        public var files: [Input] = []
        public var roots: [Root] = []
        public var warnings: [IngestError] = []
    }

    /// The files `paths` name, in order, with their document ids: a folder's readable files
    /// (ids relative to it), a named file (id its name), `-` for standard input (id `stdinID`).
    /// Fails before anything is read when an input does not exist.
    public func inputs(_ paths: [String], stdinID: String = "stdin") throws -> Inputs {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
        }
        var found = Inputs()
        for path in paths {
            if path == "-" {
                found.files.append(Input(path: "-", id: stdinID))
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if isDirectory.boolValue {
                let listing = listing(under: path)
                found.roots.append(Root(key: key, unreadable: listing.unreadable))
                found.warnings += listing.warnings
                for relative in listing.files {
                    found.files.append(Input(path: (path as NSString).appendingPathComponent(relative), id: relative, root: key))
                }
            } else {
                found.roots.append(Root(key: key, unreadable: []))
                found.files.append(Input(path: path, id: (path as NSString).lastPathComponent, root: key))
            }
        }
        return found
    }

    /// Reads one input: a file, or standard input when its path is `-`.
    public func read(_ input: Input, into batch: inout Batch) {
        if input.path == "-" {
            readStandardInput(id: input.id, into: &batch)
        } else {
            readFile(at: input.path, id: input.id, into: &batch)
        }
    }

    /// Reads standard input as one text document named `id`.
    public func readStandardInput(id: String, into batch: inout Batch) {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        add(data: data, id: id, path: "<stdin>", format: .text, into: &batch)
    }

    /// The files below a folder that have a readable extension, relative and sorted.
    public func files(under root: String) throws -> [String] {
        let found = listing(under: root)
        if found.unreadable == [""] {
            throw IngestError(kind: .unreadable, path: root, message: "the folder cannot be read")
        }
        return found.files
    }

    /// The files below a folder that have a readable extension, with what could not be read;
    /// symbolic links to folders are followed.
    public func listing(under root: String) -> FolderListing {
        FolderListing(root: root) { relative in
            let ext = (relative as NSString).pathExtension.lowercased()
            let name = (relative as NSString).lastPathComponent
            return Self.extensions.contains(ext) && !name.hasPrefix(".") && name.lowercased() != "readme.md"
        }
    }

    /// Reads one file, whatever its extension says it is.
    public func readFile(at path: String, id: String, into batch: inout Batch) {
        guard let format = InputFormat(path: path) else {
            batch.warnings.append(IngestError(kind: .unsupportedFormat, path: path, message: "not a .txt, .md, .html or .jsonl file; skipped"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            batch.warnings.append(IngestError(kind: .unreadable, path: path, message: "cannot be read; skipped"))
            return
        }
        add(data: data, id: id, path: path, format: format, into: &batch)
    }

    func add(data: Data, id: String, path: String, format: InputFormat, into batch: inout Batch) {
        // A NUL anywhere is refused: SQLite would cut the stored text there while the claims
        // came from the whole of it, so evidence would point past the text.
        let nul = data.withUnsafeBytes { bytes in
            bytes.baseAddress.flatMap { base in memchr(base, 0, bytes.count).map { base.distance(to: UnsafeRawPointer($0)) } }
        }
        if let nul {
            let message = nul < 8192 ? "looks binary (it holds NUL bytes); skipped"
                : "holds a NUL byte at byte \(nul); skipped (the text would be cut there)"
            batch.warnings.append(IngestError(kind: .binary, path: path, message: message))
            return
        }
        guard let raw = String(validatingUTF8Data: data) else {
            batch.warnings.append(IngestError(kind: .notUTF8, path: path, message: "is not valid UTF-8; skipped"))
            return
        }
        switch format {
        case .jsonLines:
            let (documents, warnings) = JSONLinesReader().documents(in: raw, fileID: id, path: path)
            batch.documents += documents
            batch.warnings += warnings
        case .text, .markdown, .html:
            var text = TextCleaner.clean(raw)
            var blocks: [Block] = []
            if format == .html {
                let (html, htmlBlocks, problem) = HTMLTextExtractor().readBlocks(raw)
                if let problem {
                    batch.warnings.append(IngestError(kind: .tooLarge, path: path, message: problem))
                    if html.isEmpty { return }
                }
                text = html
                blocks = htmlBlocks
            }
            if text.allSatisfy(\.isWhitespace) {
                batch.warnings.append(IngestError(kind: .empty, path: path, message: "holds no text; skipped"))
                return
            }
            let metadata = format == .html ? DocumentMetadata.html(raw) : format == .markdown ? DocumentMetadata.markdown(raw) : DocumentMetadata()
            var document = Document(id: id, text: text, format: format.rawValue, title: metadata.title, url: metadata.url,
                                    date: metadata.date)
            document.blocks = blocks
            batch.documents.append(document)
        }
    }
}

/// What kind of input a file is, by extension.
public enum InputFormat: String, Sendable {
    case text
    case markdown
    case html
    case jsonLines = "jsonl"

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "jsonl": self = .jsonLines
        default: return nil
        }
    }
}

extension String {
    /// The string the bytes spell in UTF-8, or nil when they are not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        self = s
    }
}
