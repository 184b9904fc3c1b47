/// What a document states about itself, as the exports show it.
struct DocumentMetadataRecord: Sendable {
    var title: String?
    var url: String?
    var date: String?
}

extension GraphSource {
    /// Document id → its title, URL and date, for the documents that state any.
    func documentMetadata() throws -> [String: DocumentMetadataRecord] {
        var metadata: [String: DocumentMetadataRecord] = [:]
        for d in try store.documents() where d.title != nil || d.url != nil || d.date != nil {
            metadata[d.id] = DocumentMetadataRecord(title: d.title, url: d.url, date: d.date)
        }
        return metadata
    }
}
