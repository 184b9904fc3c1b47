import Foundation
import MitraModel
import MitraTestSupport

/// A deterministic random number generator, so generated corpora and kill moments repeat.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes corpora of many small articles built from the sample corpus's sentences and the
/// ontology's labels, so they carry real claims, affirmed, hedged and denied.
enum GeneratedCorpus {
    /// Sentences of the bundled corpus's plain-text and Markdown articles.
    static let sentences: [String] = {
        var all: [String] = []
        let dir = Fixtures.corpusDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        where (name.hasSuffix(".txt") || name.hasSuffix(".md")) && name != "README.md" {
            let text = (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                for part in line.split(separator: ".") where part.count > 30 && !part.hasPrefix("#") {
                    all.append(part.trimmingCharacters(in: .whitespaces) + ".")
                }
            }
        }
        return all
    }()

    static let templates = [
        "Kratom may relieve %@.", "Kratom does not cause %@.", "Users report that kratom treats %@.",
        "Kratom is believed to reduce %@.", "Kratom contains %@.", "Kratom can cause %@.",
    ]

    /// Writes `count` articles into `directory`; `version` changes the text (and so the
    /// claims) of every article whose number is divisible by `changeEvery`.
    @discardableResult
    static func write(
        count: Int, into directory: String, seed: UInt64 = 1, version: Int = 0, changeEvery: Int = 3,
        sentencesPerDocument: Int = 8
    ) -> [String] {
        let labels = Fixtures.ontology.sortedEntities.map(\.prefLabel)
        var names: [String] = []
        for n in 0..<count {
            var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(n) &+ (n % changeEvery == 0 ? UInt64(version) &* 7919 : 0))
            var lines: [String] = []
            for _ in 0..<sentencesPerDocument {
                if Bool.random(using: &rng) {
                    lines.append(sentences.randomElement(using: &rng)!)
                } else {
                    let template = templates.randomElement(using: &rng)!
                    lines.append(template.replacingOccurrences(of: "%@", with: labels.randomElement(using: &rng)!))
                }
            }
            let name = String(format: "part-%02d/article-%05d.txt", n % 17, n)
            Fixtures.write(lines.joined(separator: " ") + "\n", to: name, in: directory)
            names.append(name)
        }
        return names
    }
}
