import Foundation
import MitraModel

/// Reads a JSON-lines corpus: one document a line, `{"id": …, "text": …}` or `{"id": …, "html": …}`.
struct JSONLinesReader {
    /// The documents of `content`; `firstLine` is the number of the line before it, for
    /// reading a file a piece at a time.
    func documents(in content: String, fileID: String, path: String, firstLine: Int = 0) -> ([Document], [IngestError]) {
        var documents: [Document] = []
        var warnings: [IngestError] = []
        var lineNumber = firstLine
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber, message: "is not a JSON object; skipped"))
                continue
            }
            let idValue = object["id"].map { "\($0)" } ?? String(lineNumber)
            let id = "\(fileID)#\(idValue)"
            let text: String
            if let plain = object["text"] as? String {
                text = TextCleaner.clean(plain)
            } else if let html = object["html"] as? String {
                text = HTMLTextExtractor().text(of: html)
            } else {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber, message: "has neither \"text\" nor \"html\"; skipped"))
                continue
            }
            if text.allSatisfy(\.isWhitespace) {
                warnings.append(IngestError(kind: .empty, path: path, line: lineNumber, message: "holds no text; skipped"))
                continue
            }
            documents.append(Document(id: id, text: text, format: InputFormat.jsonLines.rawValue))
        }
        return (documents, warnings)
    }
}
