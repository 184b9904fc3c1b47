import Foundation
import MitraModel

/// Reads a JSON-lines corpus: one document a line, `{"id": …, "text": …}` or `{"id": …, "html": …}`.
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
            let blocks: [Block]
            if let plain = object["text"] as? String {
                (text, blocks) = DocumentReader.structured(plain, html: false, markdown: false)
            } else if let html = object["html"] as? String {
                (text, blocks) = DocumentReader.structured(html, html: true, markdown: false)
            } else {
                warnings.append(IngestError(kind: .malformedJSONLine, path: path, line: lineNumber, message: "has neither \"text\" nor \"html\"; skipped"))
                continue
            }
            if text.allSatisfy(\.isWhitespace) {
                warnings.append(IngestError(kind: .empty, path: path, line: lineNumber, message: "holds no text; skipped"))
                continue
            }
            var document = Document(id: id, text: text, format: InputFormat.jsonLines.rawValue)
            document.blocks = blocks
            documents.append(document)
        }
        return (documents, warnings)
    }
}
