import Foundation
import GRDB
import MitraExtraction
import MitraIngest
import MitraModel
import MitraOntology

/// What a build did.
public struct BuildReport: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var removed = 0
    public var mentions = 0
    public var claims = 0
    public var warnings: [IngestError] = []

    public init() {}
}

/// Reads inputs, extracts what changed, and writes it to the store in one transaction.
public struct GraphBuilder {
    public let store: GraphStore
    public let extractor: Extractor

    public init(store: GraphStore, ontology: Ontology) {
        self.store = store
        self.extractor = Extractor(ontology: ontology)
    }

    /// Builds from `paths`. Documents whose content hash is unchanged are skipped; with
    /// `removeMissing`, stored documents absent from the inputs are removed.
    /// `progress` is called after each document is extracted with (done, total, id).
    public func build(
        paths: [String], removeMissing: Bool = true, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> BuildReport {
        let batch = try DocumentReader().read(paths: paths)
        var report = BuildReport()
        report.warnings = batch.warnings
        let known = try store.documentHashes()
        var seen: Set<String> = []
        var results: [ExtractionResult] = []
        let pending = batch.documents.filter { doc in
            seen.insert(doc.id)
            if known[doc.id] == doc.contentHash {
                report.unchanged += 1
                return false
            }
            if known[doc.id] == nil { report.added += 1 } else { report.changed += 1 }
            return true
        }
        for (n, doc) in pending.enumerated() {
            results.append(extractor.extract(doc))
            progress(n + 1, pending.count, doc.id)
        }
        let missing = removeMissing ? known.keys.filter { !seen.contains($0) }.sorted() : []
        report.removed = missing.count
        let time = ISO8601DateFormatter().string(from: Date())
        let ontology = extractor.ontology
        try store.write { db in
            try GraphStore.writeOntology(ontology, to: db)
            for id in missing { try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id]) }
            for result in results { try GraphStore.replace(result, in: db, at: time) }
            try GraphStore.deriveEdges(in: db)
        }
        report.mentions = results.reduce(0) { $0 + $1.mentions.count }
        report.claims = results.reduce(0) { $0 + $1.claims.count }
        return report
    }
}

extension GraphStore {
    /// Writes extraction results directly, in one transaction: the ontology, then each
    /// document (replacing any stored one of the same id), then the edges. Tests use it to
    /// lay down a fixture graph without running the extractor.
    public func write(ontology: Ontology, results: [ExtractionResult]) throws {
        let time = ISO8601DateFormatter().string(from: Date())
        try write { db in
            try GraphStore.writeOntology(ontology, to: db)
            for result in results { try GraphStore.replace(result, in: db, at: time) }
            try GraphStore.deriveEdges(in: db)
        }
    }
}
