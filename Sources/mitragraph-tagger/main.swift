// Trains and measures the part-of-speech tagger: `make tagger-model` and `make tagger-eval`.
import Foundation
import MitraLanguage

let usage = """
    usage: mitragraph-tagger train TRAIN.conllu MODEL [--supplement FILE] [--iterations N] [--prune W]
           mitragraph-tagger evaluate MODEL FILE.conllu... [--seconds S]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func percent(_ score: TaggerEvaluation.Score) -> String {
    String(format: "%.2f%% (%d/%d)", score.accuracy * 100, score.correct, score.total)
}

/// `text` read as a number, or the end of the program.
func number<T: LosslessStringConvertible>(_ text: String, _ name: String) -> T {
    guard let value = T(text) else { fail("bad \(name) \(text)\n\(usage)") }
    return value
}

/// The value after `--name`, removed from `arguments`.
func option(_ name: String, _ arguments: inout [String]) -> String? {
    guard let i = arguments.firstIndex(of: name) else { return nil }
    guard i + 1 < arguments.count else { fail("\(name) needs a value\n\(usage)") }
    defer { arguments.removeSubrange(i...i + 1) }
    return arguments[i + 1]
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail(usage) }
arguments.removeFirst()

do {
    switch command {
    case "train":
        var trainer = TaggerTrainer()
        if let n = option("--iterations", &arguments) { trainer.iterations = number(n, "--iterations") }
        if let w = option("--prune", &arguments) { trainer.pruneBelow = number(w, "--prune") }
        let supplement = try option("--supplement", &arguments).map { try Treebank.readTagged(path: $0) } ?? []
        guard arguments.count == 2 else { fail(usage) }
        let treebank = try Treebank.read(path: arguments[0])
        // The supplement is small; seen three times a pass it weighs as much as its share of
        // the text the tagger is for.
        let sentences = treebank + supplement + supplement + supplement
        let start = ContinuousClock.now
        let trained = trainer.train(sentences) { pass, accuracy in
            print(String(format: "pass %2d: %.2f%% on the training data", pass, accuracy * 100))
        }
        try trained.write(to: arguments[1])
        let size = trained.encoded().count
        print("trained on \(treebank.count) + 3 × \(supplement.count) sentences in \(ContinuousClock.now - start);",
              "\(trained.featureCount) features, \(trained.dictionaryCount) dictionary words,",
              "\(size) bytes written to \(arguments[1])")
    case "evaluate":
        let seconds: Double = number(option("--seconds", &arguments) ?? "3", "--seconds")
        guard arguments.count >= 2 else { fail(usage) }
        let tagger = try PartOfSpeechTagger(contentsOf: arguments[0])
        var all: [TreebankSentence] = []
        for path in arguments.dropFirst() {
            let sentences = try Treebank.read(path: path)
            all += sentences
            let name = URL(fileURLWithPath: path).lastPathComponent
            print("\(name): UPOS \(percent(TaggerEvaluation.accuracy(of: tagger, on: sentences)));",
                  "cut as mitragraph cuts: \(percent(TaggerEvaluation.extractorStyleAccuracy(of: tagger, on: sentences)));",
                  "lemmas (gold tags) \(percent(TaggerEvaluation.lemmaAccuracy(on: sentences)))")
        }
        let words = all.map(\.words)
        let tokens = words.reduce(0) { $0 + $1.count }
        // CPU time of this thread, not wall time: the machine is shared, and the figure wanted
        // is what one core does.
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        var rounds = 0
        var checksum = 0
        let start = cpuSeconds()
        while cpuSeconds() - start < seconds {
            for w in words { checksum &+= Int(tagger.tag(w).last?.rawValue ?? 0) }
            rounds += 1
        }
        let perSecond = Double(tokens * rounds) / (cpuSeconds() - start)
        print(String(format: "speed: %.2f million tokens/s (%d tokens × %d rounds, one thread, CPU time; checksum %d)",
                     perSecond / 1e6, tokens, rounds, checksum))
    default:
        fail(usage)
    }
} catch {
    fail("mitragraph-tagger: \(error)")
}
