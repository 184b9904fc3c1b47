import ArgumentParser
import Foundation
import MitraExtraction
import MitraIngest
import MitraModel

/// `mitragraph extract`: mentions and claims as JSON lines, without a store.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract mentions and claims to JSON lines, without a store.",
        discussion: """
            Each line is one claim ({"type": "claim", ...}) or, with --mentions, one mention.
            --count prints only totals and a rate, which is what the benchmark measures.

            Examples:
              mitragraph extract article.html
              mitragraph extract --mentions corpus/ > extracted.jsonl
              mitragraph extract --count big-corpus/
            """)

    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Also print mentions.")
    var mentions = false

    @Flag(name: .long, help: "Print only counts (documents, bytes, mentions, claims, seconds, MB/s).")
    var count = false

    @Argument(help: ArgumentHelp("Files or folders to read; - reads standard input.", valueName: "input"))
    var inputs: [String]

    func run() throws {
        try reportingErrors {
            let extractor = Extractor(ontology: try ontologyOptions.load())
            let batch = try DocumentReader().read(paths: inputs)
            for warning in batch.warnings { note("warning: \(warning)") }
            let started = Date()
            var totals = (bytes: 0, mentions: 0, claims: 0)
            var out = ""
            for document in batch.documents {
                let result = extractor.extract(document)
                totals.bytes += document.text.utf8.count
                totals.mentions += result.mentions.count
                totals.claims += result.claims.count
                if count { continue }
                if mentions {
                    for m in result.mentions { out += ExtractLine.mention(m, in: document.id) }
                }
                for c in result.claims { out += ExtractLine.claim(c) }
                if out.utf8.count > 1 << 20 {
                    FileHandle.standardOutput.write(Data(out.utf8))
                    out = ""
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
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

/// One JSON line per mention or claim.
enum ExtractLine {
    static func mention(_ m: Mention, in doc: String) -> String {
        "{\"type\": \"mention\", \"doc\": \(JSONString.quoted(doc)), \"entity\": \(JSONString.quoted(m.entityID)), "
            + "\"start\": \(m.span.start), \"end\": \(m.span.end), \"text\": \(JSONString.quoted(m.text))}\n"
    }

    static func claim(_ c: Claim) -> String {
        "{\"type\": \"claim\", \"doc\": \(JSONString.quoted(c.documentID)), \"subject\": \(JSONString.quoted(c.subject)), "
            + "\"predicate\": \(JSONString.quoted(c.predicate)), \"object\": \(JSONString.quoted(c.object)), "
            + "\"negated\": \(c.negated), \"hedged\": \(c.hedged), \"sentence\": \(JSONString.quoted(c.sentence)), "
            + "\"rule\": \(JSONString.quoted(c.rule)), \"confidence\": \(c.confidence)}\n"
    }
}
