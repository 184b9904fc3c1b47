import Foundation
import MitraExtraction
import MitraIngest
import MitraModel
import MitraOntology
import MitraStore

/// What a build did.
public struct BuildReport: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var removed = 0
    /// The documents removed, each because it is gone from an input root that was listed
    /// (or, with `--prune`, because it was not among the inputs).
    public var removedIDs: [String] = []
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

/// Reads inputs, extracts what changed, and writes it to the store in one transaction: the
/// layer above ingest, extraction and the store that orchestrates an incremental build.
///
/// Documents stream through in batches: each batch is read and extracted on all cores, then
/// written in input order, so memory holds one batch rather than the corpus, and a killed
/// build leaves the store as it was.
public struct GraphBuilder {
    public let store: GraphStore
    public let extractor: Extractor
    /// Files read and extracted together; large enough to keep every core busy.
    public var batchSize = 64
    /// A first build of more documents than this loads in bulk (`StoreWriter.beginBulkLoad`).
    public var bulkThreshold = 1_000
    /// ...and of no more than this: re-creating the claims' index after a larger load makes
    /// SQLite's sorter map gigabytes of temporary runs into memory, while keeping the index
    /// up claim by claim holds memory flat at any corpus size.
    public var bulkLimit = 20_000
    /// The `--ontology` folders this build layers over the shipped ontology, remembered in
    /// the store so a later build without them can keep their entities (nil: leave as is).
    public var ontologyLayers: [String]?

    public init(store: GraphStore, ontology: Ontology) {
        self.store = store
        self.extractor = Extractor(ontology: ontology)
    }

    /// Builds from `paths` (`-`: standard input, as the document `stdinID`). Documents whose
    /// content hash is unchanged are skipped (unless the ontology changed). Which stored
    /// documents absent from the inputs are removed is `pruning`'s to say: by default only
    /// those whose own input root was listed and that are gone from it; a file or folder that
    /// cannot be read never counts as gone. `progress` is called after each document is
    /// written with (files done, files in all, document id).
    @discardableResult
    public func build(
        paths: [String], pruning: PruneMode = .goneFromListedRoots, stdinID: String = "stdin",
        progress: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> BuildReport {
        let reader = DocumentReader()
        let listed = try reader.inputs(paths, stdinID: stdinID)
        let inputs = listed.files
        return try store.update(firstLoad: inputs.count > bulkThreshold) { writer in
            var report = BuildReport()
            report.warnings = listed.warnings
            var roots = listed.roots.map { ListedRoot(key: $0.key, unreadable: $0.unreadable) }
            let storedRoots = try writer.documentRoots()
            let hadOntology = try writer.hasOntology()
            let known = try writer.documentHashes()
            // Documents stored before the store kept an ontology fingerprint are extracted
            // again too, as if the ontology had changed.
            let ontologyStored = try writer.holdsOntology(extractor.ontology, rulesVersion: extractor.rulesVersion)
            report.ontologyChanged = !ontologyStored && (hadOntology || !known.isEmpty)

            // While one batch is written, the next is read and extracted on the other cores;
            // the first while the ontology is written.
            let prepare = Preparation(reader: reader, extractor: extractor, known: known,
                                      reextractAll: report.ontologyChanged)
            let batches = stride(from: 0, to: inputs.count, by: batchSize).map {
                Array(inputs[$0..<min($0 + batchSize, inputs.count)])
            }
            var upcoming = batches.first.map { prepare.start($0) }
            if !ontologyStored { try writer.writeOntology(extractor.ontology, rulesVersion: extractor.rulesVersion) }
            if known.isEmpty && inputs.count > bulkThreshold && inputs.count <= bulkLimit { try writer.beginBulkLoad() }
            var seen: Set<String> = []
            var done = 0
            for number in batches.indices {
                guard let pending = upcoming else { break }
                let prepared = pending.wait()
                upcoming = number + 1 < batches.count ? prepare.start(batches[number + 1]) : nil
                for (fileIndex, batch) in prepared.enumerated() {
                    report.warnings += batch.warnings
                    let input = batches[number][fileIndex]
                    if !batch.warnings.isEmpty, let root = input.root, let at = roots.firstIndex(where: { $0.key == root }) {
                        // A file that could not be read (or only in part) is not gone.
                        roots[at].unreadable.append(input.id)
                    }
                    for (doc, extracted) in batch.documents {
                        let firstTime = seen.insert(doc.id).inserted
                        // Stored after the document's row, which it refers to.
                        let noteRoot = {
                            if let root = input.root, storedRoots[doc.id] != root { try writer.setRoot(root, of: doc.id) }
                        }
                        switch known[doc.id] {
                        case nil where firstTime: report.added += 1
                        case doc.contentHash? where firstTime && !report.ontologyChanged:
                            report.unchanged += 1
                            try noteRoot()
                            continue
                        case doc.contentHash? where firstTime: report.reextracted += 1
                        default: report.changed += 1
                        }
                        // A repeated id whose text matches the store was not extracted ahead.
                        let result = extracted ?? extractor.extract(doc)
                        try writer.replace(result)
                        try noteRoot()
                        report.mentions += result.mentions.count
                        report.claims += result.claims.count
                        progress(done + fileIndex + 1, inputs.count, doc.id)
                    }
                }
                done += prepared.count
                try writer.trimCaches()
            }

            let stored = Dictionary(uniqueKeysWithValues: known.keys.map { ($0, storedRoots[$0]) })
            let removing = PruneDecision.documentsToRemove(stored: stored, roots: roots, seen: seen, mode: pruning)
            for id in removing where try writer.remove(id) {
                report.removed += 1
                report.removedIDs.append(id)
            }
            if report.ontologyChanged {
                let gone = Set(removing)
                try reextractStored(known.keys.filter { !seen.contains($0) && !gone.contains($0) }.sorted(),
                                    with: writer, into: &report)
            }
            if let ontologyLayers { try writer.setOntologyLayers(ontologyLayers) }
            return report
        }
    }

    /// Fails, before anything is opened or written, when an input does not exist.
    public static func checkInputsExist(_ paths: [String]) throws {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
        }
    }

    /// Extracts again, from the text the store kept, documents that are not among the inputs
    /// but stay (`--keep-missing`), so a changed ontology reaches them too.
    private func reextractStored(_ ids: [String], with writer: StoreWriter, into report: inout BuildReport) throws {
        var start = 0
        while start < ids.count {
            let slice = ids[start..<min(start + batchSize, ids.count)]
            start += slice.count
            let documents = try slice.compactMap { try writer.document($0) }
            let extractor = self.extractor
            for result in Parallel.map(documents, { extractor.extract($0) }) {
                try writer.replace(result)
                report.mentions += result.mentions.count
                report.claims += result.claims.count
                report.reextracted += 1
            }
        }
    }
}

extension GraphStore {
    /// Writes extraction results directly, in one transaction: the ontology (when it differs
    /// from the stored one), then each document (replacing any stored one of the same id),
    /// then the edges they touch. Tests use it to lay down a fixture graph without running
    /// the extractor.
    public func write(ontology: Ontology, results: [ExtractionResult]) throws {
        try update { writer in
            try writer.writeOntology(ontology, rulesVersion: Extractor.rulesVersion(of: ontology.cues))
            for result in results { try writer.replace(result) }
        }
    }
}

extension StoreWriter {
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

    func start(_ inputs: [DocumentReader.Input]) -> Pending {
        let pending = Pending()
        DispatchQueue.global().async { pending.finish(prepare(inputs)) }
        return pending
    }

    func prepare(_ inputs: [DocumentReader.Input]) -> [File] {
        let batches: [DocumentReader.Batch] = Parallel.map(inputs) { input in
            var batch = DocumentReader.Batch()
            reader.read(input, into: &batch)
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
