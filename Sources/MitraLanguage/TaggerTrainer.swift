import Foundation

/// Trains the averaged-perceptron tagger (Honnibal, "A good part-of-speech tagger in about 200
/// lines of Python", 2013): greedy left-to-right tagging, a weight update on each mistake,
/// weights averaged over every step, and a dictionary of frequent unambiguous words that skips
/// the scoring. Deterministic: the shuffle is seeded and the output sorted.
public struct TaggerTrainer: Sendable {
    /// Passes over the training data.
    public var iterations = 8
    /// Seed of the per-pass shuffle.
    public var seed: UInt64 = 0x6D69_7472_61
    /// An averaged weight smaller than this (in absolute value) is dropped; a feature left
    /// with no weight is dropped whole. At 1.0 about 56,000 features stay (a 0.9 MB file, a
    /// 4 MB table that tags about a third faster than at 0.5) for 0.2–0.3 points of accuracy.
    public var pruneBelow: Float = 1.0
    /// A word joins the tag dictionary when seen this often, with one tag this large a share.
    /// The bar is high because the dictionary ignores context, and health writing uses as
    /// verbs words the web treebank has mostly as nouns ("experiences", "reports").
    public var dictionaryMinimumCount = 20
    public var dictionaryMinimumShare = 0.97
    /// The lower bar for function words (determiners, pronouns, adpositions, conjunctions,
    /// auxiliaries, particles, punctuation), whose part of speech does not change with the topic.
    public var closedClassMinimumCount = 5
    public var closedClassMinimumShare = 0.99
    /// Train also on each sentence as mitragraph's tokenizer would cut it.
    public var augmentWithExtractorStyle = true
    /// Train also on every `lowercasedEvery`-th sentence lowercased (0: none), so that text
    /// written without capitals (forums, chats) is not all read as common nouns.
    public var lowercasedEvery = 2

    public init() {}

    /// A UPOS tagger trained on `sentences`; `progress` hears about each pass (pass, accuracy
    /// on the training data during it).
    public func train(
        _ sentences: [TreebankSentence], progress: (Int, Double) -> Void = { _, _ in }
    ) -> Trained<PartOfSpeechTagger> {
        let model = trainModel(sentences, tags: .universal, labels: { $0.tags.map(\.rawValue) }, progress: progress)
        return Trained(model: model, tagger: PartOfSpeechTagger(model: model))
    }

    /// A Penn Treebank tagger trained on the `xpos` of `sentences` (those without are skipped).
    public func trainPenn(
        _ sentences: [TreebankSentence], progress: (Int, Double) -> Void = { _, _ in }
    ) -> Trained<PennTagger> {
        let tags = TagSet.penn(of: sentences)
        let index = Dictionary(uniqueKeysWithValues: tags.names.enumerated().map { ($1, UInt8($0)) })
        let model = trainModel(sentences, tags: tags, labels: { s in
            let labels = s.xpos.compactMap { index[$0] }
            return labels.count == s.words.count ? labels : nil
        }, progress: progress)
        return Trained(model: model, tagger: PennTagger(model: model))
    }

    func trainModel(
        _ sentences: [TreebankSentence], tags tagSet: TagSet, labels: (TreebankSentence) -> [UInt8]?,
        progress: (Int, Double) -> Void
    ) -> TaggerModel {
        var data = sentences
        if augmentWithExtractorStyle { data += sentences.compactMap { $0.extractorStyle() } }
        if lowercasedEvery > 0 {
            data += stride(from: 0, to: sentences.count, by: lowercasedEvery).map { i in
                var lower = sentences[i]
                lower.words = lower.words.map { $0.lowercased() }
                return lower
            }
        }
        let examples = data.compactMap { s in labels(s).map { (keys: s.words.map { WordKeys.of($0) }, tags: $0) } }
        let dictionary = makeDictionary(examples, tags: tagSet)
        var dictionaryIndex = KeyIndex(capacity: dictionary.count)
        for entry in dictionary { dictionaryIndex.insert(entry.key, value: Int32(entry.tag)) }

        var state = TrainingState(classCount: tagSet.names.count)
        var order = Array(examples.indices)
        var random = SplitMix64(seed: seed)
        var features = [UInt64](repeating: 0, count: FeatureTemplates.maximumCount)
        for pass in 1...max(iterations, 1) {
            var correct = 0
            var total = 0
            for example in order.map({ examples[$0] }) {
                var p1 = FeatureTemplates.startTag
                var p2 = FeatureTemplates.start2Tag
                var verbSeen = false
                example.keys.withUnsafeBufferPointer { keys in
                    for i in 0..<keys.count {
                        let truth = example.tags[i]
                        let known = dictionaryIndex.value(of: keys[i].exact)
                        let guess: UInt8
                        if known >= 0 {
                            guess = UInt8(known)
                        } else {
                            let n = features.withUnsafeMutableBufferPointer {
                                FeatureTemplates.features(at: i, keys: keys, previous: p1, p2, verbSeen: verbSeen, into: $0.baseAddress!)
                            }
                            guess = state.predict(features, count: n)
                            state.update(truth: truth, guess: guess, features: features, count: n)
                        }
                        if guess == truth { correct += 1 }
                        total += 1
                        p2 = p1
                        p1 = guess
                        verbSeen = verbSeen || tagSet.verbal[Int(guess)]
                    }
                }
            }
            progress(pass, total == 0 ? 0 : Double(correct) / Double(total))
            random.shuffle(&order)
        }
        return TaggerModel(
            tagNames: tagSet.names, dictionary: dictionary, features: state.averaged(pruneBelow: pruneBelow))
    }

    private func makeDictionary(_ examples: [(keys: [WordKeys], tags: [UInt8])], tags tagSet: TagSet) -> [(key: UInt64, tag: UInt8)] {
        var counts: [UInt64: [Int]] = [:]
        for example in examples {
            for (k, t) in zip(example.keys, example.tags) {
                counts[k.exact, default: Array(repeating: 0, count: tagSet.names.count)][Int(t)] += 1
            }
        }
        var out: [(key: UInt64, tag: UInt8)] = []
        for (key, tagCounts) in counts {
            let total = tagCounts.reduce(0, +)
            guard total >= min(dictionaryMinimumCount, closedClassMinimumCount), let best = tagCounts.indices.max(by: { tagCounts[$0] < tagCounts[$1] })
            else { continue }
            let share = Double(tagCounts[best]) / Double(total)
            let closed = tagSet.closed[best]
            if share >= dictionaryMinimumShare && total >= dictionaryMinimumCount
                || closed && share >= closedClassMinimumShare && total >= closedClassMinimumCount
            {
                out.append((key, UInt8(best)))
            }
        }
        return out.sorted { $0.key < $1.key }
    }
}

/// The perceptron's weights while it learns, with the bookkeeping that averages them lazily.
private struct TrainingState {
    let classCount: Int
    var rowOf: [UInt64: Int] = [:]
    var keys: [UInt64] = []
    var weights: [Float] = []
    var totals: [Double] = []
    var stamps: [Int] = []
    var step = 0

    init(classCount: Int) { self.classCount = classCount }

    func predict(_ features: [UInt64], count: Int) -> UInt8 {
        var scores = [Float](repeating: 0, count: classCount)
        for f in 0..<count {
            guard let row = rowOf[features[f]] else { continue }
            for c in 0..<classCount { scores[c] += weights[row * classCount + c] }
        }
        var best = 0
        for c in 1..<classCount where scores[c] > scores[best] { best = c }
        return UInt8(best)
    }

    mutating func update(truth: UInt8, guess: UInt8, features: [UInt64], count: Int) {
        step += 1
        guard truth != guess else { return }
        for f in 0..<count {
            let row = self.row(features[f])
            bump(row * classCount + Int(truth), by: 1)
            bump(row * classCount + Int(guess), by: -1)
        }
    }

    private mutating func row(_ key: UInt64) -> Int {
        if let row = rowOf[key] { return row }
        let row = keys.count
        rowOf[key] = row
        keys.append(key)
        weights.append(contentsOf: repeatElement(0, count: classCount))
        totals.append(contentsOf: repeatElement(0, count: classCount))
        stamps.append(contentsOf: repeatElement(0, count: classCount))
        return row
    }

    private mutating func bump(_ index: Int, by delta: Float) {
        totals[index] += Double(step - stamps[index]) * Double(weights[index])
        stamps[index] = step
        weights[index] += delta
    }

    /// Each feature's averaged non-zero weights of at least `pruneBelow`, sorted by key.
    func averaged(pruneBelow: Float) -> [(key: UInt64, weights: [(tag: UInt8, weight: Float)])] {
        var out: [(key: UInt64, weights: [(tag: UInt8, weight: Float)])] = []
        let steps = Double(max(step, 1))
        for (row, key) in keys.enumerated() {
            var kept: [(tag: UInt8, weight: Float)] = []
            for c in 0..<classCount {
                let i = row * classCount + c
                let average = Float((totals[i] + Double(step - stamps[i]) * Double(weights[i])) / steps)
                if abs(average) >= pruneBelow { kept.append((UInt8(c), average)) }
            }
            if !kept.isEmpty { out.append((key, kept)) }
        }
        return out.sorted { $0.key < $1.key }
    }
}

/// A freshly trained tagger together with the model it can write.
public struct Trained<Tagger: Sendable>: Sendable {
    let model: TaggerModel
    public let tagger: Tagger

    /// How many features (rows of weights) the model kept.
    public var featureCount: Int { model.features.count }

    /// How many words the tag dictionary holds.
    public var dictionaryCount: Int { model.dictionary.count }

    /// The model file's bytes.
    public func encoded() -> [UInt8] { model.encoded() }

    /// Writes the model file to `path` (what `make tagger-model` ships).
    public func write(to path: String) throws(LanguageError) {
        do { try Data(model.encoded()).write(to: URL(fileURLWithPath: path)) } catch {
            throw .io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}

/// A small seeded generator (SplitMix64), so that training shuffles the same way everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        // SplitMix64 is a counter run through the same finaliser the feature hashes use.
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return Hashing.mix(state)
    }

    /// Fisher–Yates with this generator (the standard library's `shuffle` may change its use of
    /// the generator between releases).
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}
