import Foundation
import MitraModel

/// Reads a JSON-lines corpus: one document a line, `{"id": …, "text": …}` or `{"id": …, "html": …}`,
/// with optional `title`, `url` and `date`.
struct JSONLinesReader {
    /// The longest line read: a document, not a corpus, so memory stays bounded by it.
    static let maximumLineBytes = 16 << 20

    /// The documents of `content`; `startingLine` is the number of the line before it, for
    /// reading a file a piece at a time.
    func documents(in content: String, fileID: String, path: String, startingLine: Int = 0) -> ([Document], [IngestError]) {
        var documents: [Document] = []
        var warnings: [IngestError] = []
        var lineNumber = startingLine
        var firstLine: [String: Int] = [:]
        // "\r\n" is one Character in Swift, so CRLF files are split on either ending.
        for line in content.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.utf8.count > Self.maximumLineBytes {
                warnings.append(IngestError(kind: .tooLarge, path: path, line: lineNumber,
                                            message: "is longer than \(Self.maximumLineBytes >> 20) MB; skipped"))
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber, message: "is not a JSON object; skipped"))
                continue
            }
            let idValue = object["id"].map { "\($0)" } ?? String(lineNumber)
            let id = "\(fileID)#\(idValue)"
            if let first = firstLine[id] {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber,
                                            message: "repeats the id \(JSONString.quoted(idValue)) of line \(first); skipped"))
                continue
            }
            firstLine[id] = lineNumber
            let text: String
            let blocks: [Block]
            if let plain = object["text"] as? String {
                text = TextCleaner.clean(plain)
                blocks = []
            } else if let html = object["html"] as? String {
                let (extracted, htmlBlocks, problem) = HTMLTextExtractor().readBlocks(html)
                if let problem { warnings.append(IngestError(kind: .tooLarge, path: path, line: lineNumber, message: problem)) }
                text = extracted
                blocks = htmlBlocks
            } else {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber, message: "has neither \"text\" nor \"html\"; skipped"))
                continue
            }
            if text.unicodeScalars.contains("\0") {
                warnings.append(IngestError(kind: .binary, path: path, line: lineNumber, message: "holds a NUL character (\\u0000); skipped (the text would be cut there)"))
                continue
            }
            if text.allSatisfy(\.isWhitespace) {
                warnings.append(IngestError(kind: .empty, path: path, line: lineNumber, message: "holds no text; skipped"))
                continue
            }
            // The record's own fields first; an "html" record's head fills what they leave out.
            var metadata = DocumentMetadata.record(object)
            if let html = object["html"] as? String {
                let page = DocumentMetadata.html(html)
                metadata = DocumentMetadata(title: metadata.title ?? page.title, url: metadata.url ?? page.url,
                                            date: metadata.date ?? page.date)
            }
            var document = Document(id: id, text: text, format: InputFormat.jsonLines.rawValue, title: metadata.title,
                                    url: metadata.url, date: metadata.date)
            document.blocks = blocks
            documents.append(document)
        }
        if documents.isEmpty && warnings.isEmpty {
            warnings.append(IngestError(kind: .empty, path: path, message: "holds no documents; skipped"))
        }
        return (documents, warnings)
    }
}
