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
    /// Documents whose text did not change but were extracted again because the ontology did.
    public var reextracted = 0
    /// The ontology differs from the one the store was built with, so every document was
    /// extracted again.
    public var ontologyChanged = false
    public var mentions = 0
    public var claims = 0
    public var warnings: [IngestError] = []

    public init() {}

    /// Documents the build extracted.
    public var extracted: Int { added + changed + reextracted }
}

/// Reads inputs, extracts what changed, and writes it to the store in one transaction.
///
/// Documents stream through in batches: each batch is read and extracted on all cores, then
/// written in input order, so memory holds one batch rather than the corpus, and a killed
/// build leaves the store as it was.
public struct GraphBuilder {
    public let store: GraphStore
    public let extractor: Extractor
    /// Files read and extracted together; large enough to keep every core busy.
    public var batchSize = 64

    public init(store: GraphStore, ontology: Ontology) {
        self.store = store
        self.extractor = Extractor(ontology: ontology)
    }

    /// One input file (or standard input) and the document id it gets.
    struct Input: Sendable {
        var path: String
        var id: String
    }

    /// Builds from `paths`. Documents whose content hash is unchanged are skipped (unless the
    /// ontology changed); with `removeMissing`, stored documents absent from the inputs are
    /// removed. `progress` is called after each document is written with (files done,
    /// files in all, document id).
    @discardableResult
    public func build(
        paths: [String], removeMissing: Bool = true, progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> BuildReport {
        let inputs = try listInputs(paths)
        let time = ISO8601DateFormatter().string(from: Date())
        return try store.write { db in
            var report = BuildReport()
            let writer = try GraphWriter(db, time: time)
            let hadOntology = try GraphWriter.meta("ontology_hash", in: db) != nil
            var known: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, hash FROM documents") { known[row[0]] = row[1] }
            // Documents stored before the store kept an ontology fingerprint (or quads) are
            // extracted again too, as if the ontology had changed.
            report.ontologyChanged = try writer.writeOntology(extractor.ontology) && (hadOntology || !known.isEmpty)
            // A first build of many documents is faster with the claims' edge-key index built
            // afterwards, by sorting, than kept up claim by claim; still one transaction.
            let bulk = known.isEmpty && inputs.count > 1_000
            if bulk { try db.execute(sql: "DROP INDEX IF EXISTS claims_spo") }
            try db.execute(sql: "PRAGMA cache_size = -131072")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var seen: Set<String> = []
            var done = 0

            // While one batch is written, the next is read and extracted on the other cores.
            let prepare = Preparation(reader: DocumentReader(), extractor: extractor, known: known,
                                      reextractAll: report.ontologyChanged)
            let batches = stride(from: 0, to: inputs.count, by: batchSize).map {
                Array(inputs[$0..<min($0 + batchSize, inputs.count)])
            }
            var upcoming = batches.first.map { prepare.start($0) }
            for (number, _) in batches.enumerated() {
                let prepared = upcoming!.wait()
                upcoming = number + 1 < batches.count ? prepare.start(batches[number + 1]) : nil
                for (fileIndex, batch) in prepared.enumerated() {
                    report.warnings += batch.warnings
                    for (doc, extracted) in batch.documents {
                        let firstTime = seen.insert(doc.id).inserted
                        switch known[doc.id] {
                        case nil where firstTime: report.added += 1
                        case doc.contentHash? where firstTime && !report.ontologyChanged:
                            report.unchanged += 1
                            continue
                        case doc.contentHash? where firstTime: report.reextracted += 1
                        default: report.changed += 1
                        }
                        // A repeated id whose text matches the store was not extracted ahead.
                        let result = extracted ?? extractor.extract(doc)
                        try writer.replace(result)
                        report.mentions += result.mentions.count
                        report.claims += result.claims.count
                        progress(done + fileIndex + 1, inputs.count, doc.id)
                    }
                }
                done += prepared.count
                writer.terms.trimCache(above: 200_000)
            }

            let missing = known.keys.filter { !seen.contains($0) }.sorted()
            if removeMissing {
                for id in missing where try writer.remove(id) { report.removed += 1 }
            } else if report.ontologyChanged {
                try reextractStored(missing, with: writer, into: &report)
            }
            if bulk { try db.execute(sql: Schema.claimIndexes[1]) }
            try writer.finish()
            return report
        }
    }

    /// Extracts documents on all cores, then writes them in order.
    private func extractAndWrite(
        _ pending: [(Document, Int)], with writer: GraphWriter, into report: inout BuildReport,
        progress: (Int, String) -> Void
    ) throws {
        let extractor = self.extractor
        let results = Parallel.map(pending) { extractor.extract($0.0) }
        for (result, (doc, fileNumber)) in zip(results, pending) {
            try writer.replace(result)
            report.mentions += result.mentions.count
            report.claims += result.claims.count
            progress(fileNumber, doc.id)
        }
    }

    /// Extracts again, from the text the store kept, documents that are not among the inputs
    /// but stay (`--keep-missing`), so a changed ontology reaches them too.
    private func reextractStored(_ ids: [String], with writer: GraphWriter, into report: inout BuildReport) throws {
        var start = 0
        while start < ids.count {
            let slice = ids[start..<min(start + batchSize, ids.count)]
            start += slice.count
            var pending: [(Document, Int)] = []
            for id in slice {
                guard let row = try Row.fetchOne(
                    writer.db, sql: "SELECT text, format, title, url, date FROM documents WHERE id = ?", arguments: [id])
                else { continue }
                pending.append((Document(id: id, text: row[0], format: row[1], title: row[2], url: row[3], date: row[4]), 0))
                report.reextracted += 1
            }
            try extractAndWrite(pending, with: writer, into: &report) { _, _ in }
        }
    }

    /// The files to read, in order, with their document ids; fails before anything is
    /// written when an input does not exist.
    func listInputs(_ paths: [String]) throws -> [Input] {
        var inputs: [Input] = []
        let reader = DocumentReader()
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: "-", id: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                for relative in try reader.files(under: path) {
                    inputs.append(Input(path: (path as NSString).appendingPathComponent(relative), id: relative))
                }
            } else {
                inputs.append(Input(path: path, id: (path as NSString).lastPathComponent))
            }
        }
        return inputs
    }
}

extension GraphStore {
    /// Writes extraction results directly, in one transaction: the ontology (when it differs
    /// from the stored one), then each document (replacing any stored one of the same id),
    /// then the edges they touch. Tests use it to lay down a fixture graph without running
    /// the extractor.
    public func write(ontology: Ontology, results: [ExtractionResult]) throws {
        try write { db in
            let writer = try GraphWriter(db)
            try writer.writeOntology(ontology)
            for result in results { try writer.replace(result) }
            try writer.finish()
        }
    }
}

extension GraphWriter {
    /// Replaces the stored document with one extraction's results.
    func replace(_ result: ExtractionResult) throws {
        try replace(document: result.document, sentences: result.sentences, mentions: result.mentions, claims: result.claims)
    }
}

/// Reads and extracts a batch of input files in the background, on all cores, skipping the
/// extraction of documents the store already holds unchanged.
struct Preparation: Sendable {
    let reader: DocumentReader
    let extractor: Extractor
    let known: [String: String]
    let reextractAll: Bool

    /// One file's documents, each with its extraction unless it is stored unchanged.
    struct File: Sendable {
        var documents: [(Document, ExtractionResult?)]
        var warnings: [IngestError]
    }

    /// A batch being prepared; `wait` blocks until it is ready.
    final class Pending: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        fileprivate var files: [File] = []

        func wait() -> [File] {
            ready.wait()
            return files
        }

        fileprivate func finish(_ files: [File]) {
            self.files = files
            ready.signal()
        }
    }

    func start(_ inputs: [GraphBuilder.Input]) -> Pending {
        let pending = Pending()
        DispatchQueue.global().async { pending.finish(prepare(inputs)) }
        return pending
    }

    func prepare(_ inputs: [GraphBuilder.Input]) -> [File] {
        let batches: [DocumentReader.Batch] = Parallel.map(inputs) { input in
            // Reading no paths is how a caller outside MitraIngest gets an empty batch.
            var batch = try! reader.read(paths: [])
            if input.path == "-" { return (try? reader.read(paths: ["-"])) ?? batch }
            reader.readFile(at: input.path, id: input.id, into: &batch)
            return batch
        }
        let documents = batches.flatMap(\.documents)
        let results: [ExtractionResult?] = Parallel.map(documents) { doc in
            !reextractAll && known[doc.id] == doc.contentHash ? nil : extractor.extract(doc)
        }
        var next = 0
        return batches.map { batch in
            let own = batch.documents.indices.map { i in (batch.documents[i], results[next + i]) }
            next += batch.documents.count
            return File(documents: own, warnings: batch.warnings)
        }
    }
}
