import ArgumentParser
import Foundation
import MitraExport
import MitraExtraction
import MitraIngest
import MitraModel
import MitraOntology
import MitraStore

/// `mitragraph extract`: mentions and claims as JSON lines, without a store.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract mentions and claims (JSON lines, N-Quads or KGX), without a store.",
        discussion: """
            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one mention. \
            --count prints only totals and a rate, which is what the benchmark measures. \
            --explain prints, for each claim, the rule, the trigger, the tokens of each end \
            and why they were chosen, as text.

            --format nquads prints each document's named graph as export and push \
            write it (docs/rdf.md), and kgx one KGX edge per claim; both stream \
            documents one at a time in bounded memory, so a sharding engine can run \
            extraction as a map step and a bulk loader can load the output \
            (docs/scale.md).

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/
              echo "Kratom may cause nausea." | mitragraph extract --explain -
              mitragraph extract --format nquads --with-ontology corpus/ > graph.nq
              zcat abstracts.jsonl.gz | mitragraph extract --format nquads \\
                --stdin-format jsonl --stdin-name abstracts.jsonl - > part.nq
            """)

    /// What `extract` prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, nquads, kgx
    }

    /// How standard input is read.
    enum StandardInput: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Also print mentions.")
    var mentions = false

    @Flag(name: .long, help: "Print only counts (documents, bytes, mentions, claims, seconds, MB/s).")
    var count = false

    @Option(name: .long, help: "What to print: claim JSON lines, N-Quads or KGX edges.")
    var format: Format = .jsonl

    @Flag(name: .long, help: "With --format nquads, print the ontology's graph first (once per load).")
    var withOntology = false

    @Option(name: .long, help: ArgumentHelp("Name files by their path below this folder, as a build of it does.", valueName: "dir"))
    var root: String?

    @Option(name: .long, help: "How - is read: one text document, or JSON lines of documents.")
    var stdinFormat: StandardInput = .text

    @Option(name: .long, help: ArgumentHelp("The name standard input's documents get (NAME, or NAME#id for JSON lines).", valueName: "name"))
    var stdinName = "stdin"

    @Flag(name: .long, help: "Explain each claim as text: rule, trigger, ends and why.")
    var explain = false

    @Argument(help: ArgumentHelp("Files or folders to read; - reads standard input.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty && !(format == .nquads && withOntology) {
            throw ValidationError("give files or folders to read, or - for standard input")
        }
        if withOntology && format != .nquads { throw ValidationError("--with-ontology goes with --format nquads") }
    }

    func run() throws {
        if format != .jsonl {
            try reportingErrors { try stream() }
            return
        }
        try reportingErrors {
            // The start-up jobs are independent: the corpus is read while the ontology's tables
            // are built and each tagger model loads, which a whole-corpus run waits for.
            let built = ParallelResults<Result<Extractor, Error>>(count: 1)
            let read = ParallelResults<Result<DocumentReader.Batch, Error>>(count: 1)
            let options = ontologyOptions, paths = inputs
            let models = Extractor.modelLoads
            DispatchQueue.concurrentPerform(iterations: 2 + models.count) { job in
                switch job {
                case 0: built.set(0, Result { Extractor(ontology: try options.load()) })
                case 1: read.set(0, Result { try DocumentReader().read(paths: paths) })
                default: _ = models[job - 2]()
                }
            }
            let extractor = try built.values[0].get()
            let batch = try read.values[0].get()
            for warning in batch.warnings { note("warning: \(warning)") }
            let started = Date()
            var totals = (bytes: 0, mentions: 0, claims: 0)
            // Documents are extracted on every core, a window at a time, and printed in input
            // order; the window bounds how much output waits in memory.
            let documents = batch.documents
            // With --count nothing is printed, so one window holds every document and no core
            // waits at a window's end for the slowest document.
            let window = count ? max(documents.count, 1) : 256
            var out = ""
            for windowStart in stride(from: 0, to: documents.count, by: window) {
                let slice = documents[windowStart..<min(windowStart + window, documents.count)]
                let results = ParallelResults<(bytes: Int, mentions: Int, claims: Int, text: String)>(count: slice.count)
                DispatchQueue.concurrentPerform(iterations: slice.count) { i in
                    let document = slice[slice.startIndex + i]
                    let result = extractor.extract(document, explain: explain)
                    var text = ""
                    if explain {
                        text = ClaimExplainer.text(of: result)
                    } else if !count {
                        if mentions {
                            for m in result.mentions { text += ExtractLine.mention(m, in: document.id) }
                        }
                        for c in result.claims { text += ExtractLine.claim(c) }
                    }
                    results.set(i, (document.text.utf8.count, result.mentions.count, result.claims.count, text))
                }
                for part in results.values {
                    totals.bytes += part.bytes
                    totals.mentions += part.mentions
                    totals.claims += part.claims
                    out += part.text
                }
                if out.utf8.count > 1 << 20 {
                    try StandardOutput.write(out)
                    out = ""
                }
            }
            try StandardOutput.write(out)
            if count {
                let seconds = Date().timeIntervalSince(started)
                print("""
                    {"documents": \(batch.documents.count), "bytes": \(totals.bytes), "mentions": \(totals.mentions), \
                    "claims": \(totals.claims), "seconds": \(String(format: "%.4f", seconds)), \
                    "mb_per_s": \(String(format: "%.2f", Double(totals.bytes) / 1e6 / max(seconds, 1e-9)))}
                    """)
            }
        }
    }
}

extension ExtractCommand {
    /// N-Quads or KGX, a window of documents at a time: read in order, extracted on every
    /// core, printed in order, then let go, so memory holds one window whatever the corpus.
    func stream() throws {
        let ontology = try ontologyOptions.load()
        let extractor = Extractor(ontology: ontology)
        var out = ""
        func flush(_ force: Bool) {
            if force || out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        if withOntology {
            try RDFProjection.ontologyQuads(ontology) { quad in
                out += NTriples.line(quad.subject, quad.predicate, quad.object, graph: quad.graph?.value)
            }
        }
        var reader = DocumentStream()
        reader.standardInputFormat = stdinFormat == .jsonl ? .jsonLines : .text
        reader.standardInputName = stdinName
        reader.root = root
        var window: [Document] = []
        let format = self.format
        func drain() {
            let results = ParallelResults<String>(count: window.count)
            let documents = window
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                results.set(i, Self.lines(extractor.extract(documents[i]), format: format, ontology: ontology))
            }
            for text in results.values { out += text }
            window.removeAll(keepingCapacity: true)
            flush(false)
        }
        try reader.forEach(paths: inputs, warning: { note("warning: \($0)") }) { document in
            window.append(document)
            if window.count == 64 { drain() }
        }
        drain()
        flush(true)
    }

    static func lines(_ result: ExtractionResult, format: Format, ontology: Ontology) -> String {
        var text = ""
        switch format {
        case .nquads:
            // The document's graph exactly as the store's projection (and so `push`) gives it.
            let d = result.document
            let document = ProjectedDocument(id: d.id, hash: d.contentHash, title: d.title, url: d.url, date: d.date)
            // The sink only appends to a string, so nothing in it can throw.
            try? RDFProjection.documentQuads(document, claims: result.claims, ontology: ontology) { quad in
                text += NTriples.line(quad.subject, quad.predicate, quad.object, graph: quad.graph?.value)
            }
        case .kgx:
            for c in result.claims { text += ExtractLine.kgx(c, ontology: ontology) }
        case .jsonl:
            for c in result.claims { text += ExtractLine.claim(c) }
        }
        return text
    }
}

/// Results that several threads fill, one slot each, read once they are all done.
final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value, in index order; call after all `set`s have returned.
    var values: [Value] { slots.map { $0! } }
}

/// One JSON line per mention or claim.
enum ExtractLine {
    static func mention(_ m: Mention, in doc: String) -> String {
        "{\"type\": \"mention\", \"doc\": \(JSONString.quoted(doc)), \"entity\": \(JSONString.quoted(m.entityID)), "
            + "\"start\": \(m.span.start), \"end\": \(m.span.end), \"text\": \(JSONString.quoted(m.text))}\n"
    }

    /// A KGX edge for one claim, with the fields `export --format kgx` writes; its id is the
    /// claim's content IRI as a CURIE (`mgc:DOC/SENTENCE-HASH`), as the export's is.
    static func kgx(_ c: Claim, ontology: Ontology) -> String {
        let predicate = ontology.predicates[c.predicate]
        func curie(_ id: String) -> String { ontology.entities[id]?.curie ?? Namespace.entityPrefix + ":" + id }
        return "{\"id\": \(JSONString.quoted("mgc:" + RDFProjection.claimIRI(c).dropFirst(Namespace.claim.count))), "
            + "\"subject\": \(JSONString.quoted(curie(c.subject))), "
            + "\"predicate\": \(JSONString.quoted(predicate?.biolink ?? "biolink:related_to")), "
            + "\"original_predicate\": \(JSONString.quoted(predicate?.curie ?? Namespace.ontologyPrefix + ":" + c.predicate)), "
            + "\"object\": \(JSONString.quoted(curie(c.object))), \"negated\": \(c.negated), \"hedged\": \(c.hedged), "
            + "\"publications\": [\(JSONString.quoted(c.documentID))], \"supporting_text\": [\(JSONString.quoted(c.sentence))], "
            + "\"subject_location_in_text\": [\(c.subjectSpan.start), \(c.subjectSpan.end)], "
            + "\"object_location_in_text\": [\(c.objectSpan.start), \(c.objectSpan.end)], \"sentence_index\": \(c.sentenceIndex), "
            + "\"knowledge_level\": \"knowledge_assertion\", \"agent_type\": \"text_mining_agent\", "
            + "\"extraction_rule\": \(JSONString.quoted(c.rule)), \"extraction_confidence\": \(c.confidence), "
            + "\"primary_knowledge_source\": \"infores:mitragraph\"}\n"
    }

    static func claim(_ c: Claim) -> String {
        "{\"type\": \"claim\", \"doc\": \(JSONString.quoted(c.documentID)), \"subject\": \(JSONString.quoted(c.subject)), "
            + "\"predicate\": \(JSONString.quoted(c.predicate)), \"object\": \(JSONString.quoted(c.object)), "
            + "\"negated\": \(c.negated), \"hedged\": \(c.hedged), "
            + (c.holder.map { "\"holder\": \(JSONString.quoted($0)), " } ?? "")
            + "\"sentence\": \(JSONString.quoted(c.sentence)), "
            + "\"rule\": \(JSONString.quoted(c.rule)), \"confidence\": \(c.confidence)}\n"
    }
}
