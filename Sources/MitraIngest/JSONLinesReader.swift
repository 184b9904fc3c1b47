import Foundation
import MitraModel

/// Reads a JSON-lines corpus: one document a line, `{"id": …, "text": …}` or `{"id": …, "html": …}`,
/// with optional `title`, `url` and `date`.
struct JSONLinesReader {
    func documents(in content: String, fileID: String, path: String) -> ([Document], [IngestError]) {
        var documents: [Document] = []
        var warnings: [IngestError] = []
        var lineNumber = 0
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
            // The record's own fields first; an "html" record's head fills what they leave out.
            var metadata = DocumentMetadata.record(object)
            if let html = object["html"] as? String {
                let page = DocumentMetadata.html(html)
                metadata = DocumentMetadata(title: metadata.title ?? page.title, url: metadata.url ?? page.url,
                                            date: metadata.date ?? page.date)
            }
            documents.append(Document(id: id, text: text, format: InputFormat.jsonLines.rawValue, title: metadata.title,
                                      url: metadata.url, date: metadata.date))
        }
        return (documents, warnings)
    }
}
