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
    /// The `--ontology` folders this build layers over the shipped ontology, remembered in
    /// the store so a later build without them can keep their entities (nil: leave as is).
    public var ontologyLayers: [String]?

    public init(store: GraphStore, ontology: Ontology) {
        self.store = store
        self.extractor = Extractor(ontology: ontology)
    }

    /// One input file (or standard input), the document id it gets, and the key of the input
    /// root it was listed under (nil for standard input).
    struct Input: Sendable {
        var path: String
        var id: String
        var root: String?
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
        let (inputs, listed, listingWarnings) = try listInputs(paths, stdinID: stdinID)
        let time = ISO8601DateFormatter().string(from: Date())
        return try store.write { db in
            var report = BuildReport()
            report.warnings = listingWarnings
            var roots = listed
            let writer = try GraphWriter(db, time: time)
            let storedRoots = try DocumentRoots.fetch(db)
            let hadOntology = try GraphWriter.meta("ontology_hash", in: db) != nil
            var known: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, hash FROM documents") { known[row[0]] = row[1] }
            // Documents stored before the store kept an ontology fingerprint (or quads) are
            // extracted again too, as if the ontology had changed.
            report.ontologyChanged = try writer.writeOntology(extractor.ontology) && (hadOntology || !known.isEmpty)
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
                    let input = batches[number][fileIndex]
                    if !batch.warnings.isEmpty, let root = input.root, let at = roots.firstIndex(where: { $0.key == root }) {
                        // A file that could not be read (or only in part) is not gone.
                        roots[at].unreadable.append(input.id)
                    }
                    for (doc, extracted) in batch.documents {
                        let firstTime = seen.insert(doc.id).inserted
                        // Stored after the document's row, which it refers to.
                        let noteRoot = {
                            if let root = input.root, storedRoots[doc.id] != root { try DocumentRoots.set(doc.id, root: root, in: db) }
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
                writer.terms.trimCache(above: 200_000)
            }

            let stored = Dictionary(uniqueKeysWithValues: known.keys.map { ($0, storedRoots[$0]) })
            let removing = PruneDecision.documentsToRemove(stored: stored, roots: roots, seen: seen, mode: pruning)
            for id in removing where try writer.remove(id) {
                report.removed += 1
                report.removedIDs.append(id)
            }
            if report.ontologyChanged {
                let kept = Set(removing)
                try reextractStored(known.keys.filter { !seen.contains($0) && !kept.contains($0) }.sorted(),
                                    with: writer, into: &report)
            }
            if let ontologyLayers {
                try GraphWriter.setMeta(GraphStore.ontologyLayersKey, GraphStore.encodeLayers(ontologyLayers), in: db)
            }
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
                    writer.db, sql: "SELECT text, format FROM documents WHERE id = ?", arguments: [id]) else { continue }
                pending.append((Document(id: id, text: row[0], format: row[1]), 0))
                report.reextracted += 1
            }
            try extractAndWrite(pending, with: writer, into: &report) { _, _ in }
        }
    }

    /// Fails, before anything is opened or written, when an input does not exist.
    public static func checkInputsExist(_ paths: [String]) throws {
        for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
            throw IngestError(kind: .notFound, path: path, message: "no such file or folder")
        }
    }

    /// The files to read, in order, with their document ids, and the input roots listed;
    /// fails before anything is written when an input does not exist.
    func listInputs(_ paths: [String], stdinID: String = "stdin") throws -> ([Input], [ListedRoot], [IngestError]) {
        try Self.checkInputsExist(paths)
        var inputs: [Input] = []
        var roots: [ListedRoot] = []
        var warnings: [IngestError] = []
        let reader = DocumentReader()
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: "-", id: stdinID, root: nil))
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if isDirectory.boolValue {
                let listing = reader.listing(under: path)
                roots.append(ListedRoot(key: key, unreadable: listing.unreadable))
                warnings += listing.warnings
                for relative in listing.files {
                    inputs.append(Input(path: (path as NSString).appendingPathComponent(relative), id: relative, root: key))
                }
            } else {
                roots.append(ListedRoot(key: key))
                inputs.append(Input(path: path, id: (path as NSString).lastPathComponent, root: key))
            }
        }
        return (inputs, roots, warnings)
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
            var batch = DocumentReader.Batch()
            if input.path == "-" {
                reader.readStandardInput(id: input.id, into: &batch)
            } else {
                reader.readFile(at: input.path, id: input.id, into: &batch)
            }
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

/// Which input root each stored document was read from, so a build removes only documents
/// gone from a root it listed. Kept beside the documents (made on first use, rows removed
/// with their document); documents stored before it, or read from standard input, have none.
enum DocumentRoots {
    static let create = """
        CREATE TABLE IF NOT EXISTS document_roots (
            doc TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            root TEXT NOT NULL
        ) WITHOUT ROWID
        """

    static func fetch(_ db: Database) throws -> [String: String] {
        try db.execute(sql: create)
        var roots: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT doc, root FROM document_roots") { roots[row[0]] = row[1] }
        return roots
    }

    static func set(_ id: String, root: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO document_roots (doc, root) VALUES (?, ?)", arguments: [id, root])
    }
}
