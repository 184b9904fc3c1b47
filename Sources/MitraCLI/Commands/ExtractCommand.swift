import ArgumentParser
import Foundation
import MitraExport
import MitraExtraction
import MitraIngest
import MitraModel

/// `mitragraph extract`: mentions and claims as JSON lines, without a store.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract mentions and claims to JSON lines, without a store.",
        discussion: """
            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one mention. \
            --count prints only totals and a rate, which is what the benchmark measures. \
            --explain prints, for each claim, the rule, the trigger, the tokens of each end \
            and why they were chosen, as text.

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/
              echo "Kratom may cause nausea." | mitragraph extract --explain -
            """)

    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Also print mentions.")
    var mentions = false

    @Flag(name: .long, help: "Print only counts (documents, bytes, mentions, claims, seconds, MB/s).")
    var count = false

    @Flag(name: .long, help: "Explain each claim as text: rule, trigger, ends and why.")
    var explain = false

    @Argument(help: ArgumentHelp("Files or folders to read; - reads standard input.", valueName: "input"))
    var inputs: [String]

    func run() throws {
        try reportingErrors {
            let extractor = Extractor(ontology: try ontologyOptions.load())
            let batch = try DocumentReader().read(paths: inputs)
            for warning in batch.warnings { note("warning: \(warning)") }
            let started = Date()
            var totals = (bytes: 0, mentions: 0, claims: 0)
            // Documents are extracted on every core, a window at a time, and printed in input
            // order; the window bounds how much output waits in memory.
            let documents = batch.documents
            let window = 256
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

    static func claim(_ c: Claim) -> String {
        "{\"type\": \"claim\", \"doc\": \(JSONString.quoted(c.documentID)), \"subject\": \(JSONString.quoted(c.subject)), "
            + "\"predicate\": \(JSONString.quoted(c.predicate)), \"object\": \(JSONString.quoted(c.object)), "
            + "\"negated\": \(c.negated), \"hedged\": \(c.hedged), "
            + (c.holder.map { "\"holder\": \(JSONString.quoted($0)), " } ?? "")
            + "\"sentence\": \(JSONString.quoted(c.sentence)), "
            + "\"rule\": \(JSONString.quoted(c.rule)), \"confidence\": \(c.confidence)}\n"
    }
}
