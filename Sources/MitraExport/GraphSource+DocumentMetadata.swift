import GRDB

/// What a document states about itself, as the exports show it.
struct DocumentMetadataRecord: Sendable {
    var title: String?
    var url: String?
    var date: String?
}

extension GraphSource {
    /// Document id → its title, URL and date, for the documents that state any.
    func documentMetadata() throws -> [String: DocumentMetadataRecord] {
        try store.read { db in
            var metadata: [String: DocumentMetadataRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT doc, title, url, date FROM document_metadata") {
                metadata[row[0]] = DocumentMetadataRecord(title: row[1], url: row[2], date: row[3])
            }
            return metadata
        }
    }
}
