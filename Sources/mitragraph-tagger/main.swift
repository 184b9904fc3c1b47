// Trains and measures the part-of-speech tagger: `make tagger-model` and `make tagger-eval`.
import Foundation
import MitraLanguage

let usage = """
    usage: mitragraph-tagger train TRAIN.conllu MODEL [--penn] [--supplement FILE] [--iterations N] [--prune W]
             [--dictionary-count N] [--dictionary-share X] [--lowercased-every N]
           mitragraph-tagger evaluate MODEL FILE.conllu... [--penn PENN_MODEL] [--seconds S]
           mitragraph-tagger lemma-errors FILE.conllu [--top N]
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

/// CPU time of this thread, not wall time: the machine is shared, and the figure wanted is
/// what one core does.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Tags all `words` round after round until `seconds` are up and prints the median round's
/// speed and the best's (other work on the machine only ever slows a round down).
func measureSpeed(_ label: String, words: [[String]], seconds: Double, tag: ([String]) -> UInt8) {
    let tokens = words.reduce(0) { $0 + $1.count }
    var roundSeconds: [Double] = []
    var checksum = 0
    let start = cpuSeconds()
    while cpuSeconds() - start < seconds || roundSeconds.count < 3 {
        let roundStart = cpuSeconds()
        for w in words { checksum &+= Int(tag(w)) }
        roundSeconds.append(cpuSeconds() - roundStart)
    }
    roundSeconds.sort()
    let median = Double(tokens) / roundSeconds[roundSeconds.count / 2] / 1e6
    let best = Double(tokens) / roundSeconds[0] / 1e6
    print(String(format: "%@: %.2f million tokens/s median, %.2f best (%d tokens × %d rounds, one thread, CPU time; checksum %d)",
                 label, median, best, tokens, roundSeconds.count, checksum))
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
        if let n = option("--lowercased-every", &arguments) { trainer.lowercasedEvery = number(n, "--lowercased-every") }
        if let n = option("--dictionary-count", &arguments) { trainer.dictionaryMinimumCount = number(n, "--dictionary-count") }
        if let x = option("--dictionary-share", &arguments) { trainer.dictionaryMinimumShare = number(x, "--dictionary-share") }
        let penn = arguments.contains("--penn")
        arguments.removeAll { $0 == "--penn" }
        let supplement = try option("--supplement", &arguments).map { try Treebank.readTagged(path: $0) } ?? []
        guard arguments.count == 2 else { fail(usage) }
        let treebank = try Treebank.read(path: arguments[0])
        // The supplement is small; seen three times a pass it weighs as much as its share of
        // the text the tagger is for.
        let sentences = treebank + supplement + supplement + supplement
        let start = ContinuousClock.now
        let report = { (pass: Int, accuracy: Double) in
            print(String(format: "pass %2d: %.2f%% on the training data", pass, accuracy * 100))
        }
        // Each kind of tagger writes its own model; the counts are the model's either way.
        let (written, features, dictionary): (Int, Int, Int)
        if penn {
            let trained = trainer.trainPenn(sentences, progress: report)
            try trained.write(to: arguments[1])
            (written, features, dictionary) = (trained.encoded().count, trained.featureCount, trained.dictionaryCount)
        } else {
            let trained = trainer.train(sentences, progress: report)
            try trained.write(to: arguments[1])
            (written, features, dictionary) = (trained.encoded().count, trained.featureCount, trained.dictionaryCount)
        }
        print("trained on \(treebank.count) + 3 × \(supplement.count) sentences in \(ContinuousClock.now - start);",
              "\(features) features, \(dictionary) dictionary words,",
              "\(written) bytes written to \(arguments[1])")
    case "evaluate":
        let seconds: Double = number(option("--seconds", &arguments) ?? "3", "--seconds")
        let penn = try option("--penn", &arguments).map { try PennTagger(contentsOf: $0) }
        guard arguments.count >= 2 else { fail(usage) }
        let tagger = try PartOfSpeechTagger(contentsOf: arguments[0])
        var all: [TreebankSentence] = []
        for path in arguments.dropFirst() {
            let sentences = try Treebank.read(path: path)
            all += sentences
            let name = URL(fileURLWithPath: path).lastPathComponent
            print("\(name): UPOS \(percent(TaggerEvaluation.accuracy(of: tagger, on: sentences)));",
                  "cut as mitragraph cuts: \(percent(TaggerEvaluation.extractorStyleAccuracy(of: tagger, on: sentences)));",
                  "lowercased: \(percent(TaggerEvaluation.lowercasedAccuracy(of: tagger, on: sentences)));",
                  "lemmas (gold tags) \(percent(TaggerEvaluation.lemmaAccuracy(on: sentences)))"
                  + (penn.map { "; Penn tags \(percent(TaggerEvaluation.accuracy(of: $0, on: sentences)))" } ?? ""))
        }
        let words = all.map(\.words)
        measureSpeed("speed", words: words, seconds: seconds) { tagger.tag($0).last?.rawValue ?? 0 }
        if let penn {
            measureSpeed("Penn speed", words: words, seconds: seconds) { UInt8(penn.tag($0).last?.utf8.count ?? 0) }
        }
    case "lemma-errors":
        // The lemmatizer's most frequent mistakes against a treebank's lemmas (gold tags).
        let top: Int = number(option("--top", &arguments) ?? "40", "--top")
        guard arguments.count == 1 else { fail(usage) }
        var errors: [String: Int] = [:]
        for s in try Treebank.read(path: arguments[0]) {
            for i in s.words.indices where [.noun, .verb, .auxiliary, .adjective, .adverb].contains(s.tags[i]) {
                let ours = Lemmatizer.lemma(of: s.words[i], tag: s.tags[i])
                if ours != s.lemmas[i].lowercased() {
                    errors["\(s.words[i].lowercased())/\(s.tags[i]) → \(ours), not \(s.lemmas[i].lowercased())", default: 0] += 1
                }
            }
        }
        for (error, n) in errors.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(top) { print(n, error) }
    default:
        fail(usage)
    }
} catch {
    fail("mitragraph-tagger: \(error)")
}
