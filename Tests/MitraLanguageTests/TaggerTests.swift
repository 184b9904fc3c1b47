import Foundation
@testable import MitraLanguage
import Testing

/// A tiny treebank in CoNLL-U, written for these tests.
let miniTreebank = """
    # text = Kratom eases pain.
    1\tKratom\tkratom\tNOUN\tNN\t_\t2\tnsubj\t_\t_
    2\teases\tease\tVERB\tVBZ\t_\t0\troot\t_\t_
    3\tpain\tpain\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
    4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    # text = Users don't sleep.
    1\tUsers\tuser\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tsleep\tsleep\tVERB\tVB\t_\t0\troot\t_\t_

    # text = The herb's leaf-like smell.
    1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
    2\therb\therb\tNOUN\tNN\t_\t6\tnmod:poss\t_\tSpaceAfter=No
    3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\t_
    4\tleaf\tleaf\tNOUN\tNN\t_\t6\tcompound\t_\tSpaceAfter=No
    5\t-\t-\tPUNCT\tHYPH\t_\t6\tpunct\t_\tSpaceAfter=No
    6\tlike\tlike\tADJ\tJJ\t_\t7\tamod\t_\t_
    7\tsmell\tsmell\tNOUN\tNN\t_\t0\troot\t_\t_

    """

@Suite struct TaggerTests {
    @Test func noWordsNoTags() throws {
        #expect(try PartOfSpeechTagger.shipped().tag([String]()).isEmpty)
    }

    @Test func oneWordOneTag() throws {
        #expect(try PartOfSpeechTagger.shipped().tag(["pain"]) == [.noun])
    }

    @Test func theShippedModelTagsPlainSentences() throws {
        let tagger = try PartOfSpeechTagger.shipped()
        let words = ["The", "leaves", "may", "relieve", "chronic", "pain", ",", "but", "they", "can", "cause", "nausea", "."]
        #expect(tagger.tag(words) == [.determiner, .noun, .auxiliary, .verb, .adjective, .noun, .punctuation,
                                      .coordinatingConjunction, .pronoun, .auxiliary, .verb, .noun, .punctuation])
        #expect(tagger.tag(["She", "stopped", "taking", "it", "because", "it", "made", "her", "sick", "."])
                == [.pronoun, .verb, .verb, .pronoun, .subordinatingConjunction, .pronoun, .verb, .pronoun, .adjective, .punctuation])
        // Case matters: the month is a proper noun, the modal an auxiliary.
        #expect(tagger.tag(["It", "may", "help", "."])[1] == .auxiliary)
    }

    /// Health writing: a substance name, then a verb in "-s" (the supplement's reason to be).
    @Test func theShippedModelReadsClaimSentences() throws {
        let tagger = try PartOfSpeechTagger.shipped()
        #expect(tagger.tag(["Kratom", "triggers", "headaches", "and", "vomiting", "."])
                == [.noun, .verb, .noun, .coordinatingConjunction, .noun, .punctuation])
        #expect(tagger.tag(["Kratom", "worsens", "insomnia", "in", "older", "adults", "."])
                == [.noun, .verb, .noun, .adposition, .adjective, .noun, .punctuation])
        #expect(tagger.tag(["The", "leaves", "contain", "mitragynine", ",", "which", "acts", "on", "opioid", "receptors", "."])
                == [.determiner, .noun, .verb, .noun, .punctuation, .pronoun, .verb, .adposition, .noun, .noun, .punctuation])
    }

    @Test func knownTagsAreKeptAndInformTheRest() throws {
        let tagger = try PartOfSpeechTagger.shipped()
        let words = ["Zorblax", "reduces", "cravings", "."]
        #expect(tagger.tag(words, known: [.noun]) == [.noun, .verb, .noun, .punctuation])
        #expect(tagger.tag(words, known: [nil, .noun])[1] == .noun)
        // Longer than the words is fine; nil leaves the tagger's choice.
        let constrained = tagger.tag(words, known: [nil, nil, nil, .symbol, .symbol])
        #expect(constrained.prefix(3) == tagger.tag(words).prefix(3) && constrained[3] == .symbol)
        // A drug name fixed as a noun makes the coordinated one a noun too.
        #expect(tagger.tag(["Hydrocodone", "and", "oxymorphone", "are", "opioids", "."], known: [.noun])
                == [.noun, .coordinatingConjunction, .noun, .auxiliary, .noun, .punctuation])
    }

    @Test func oddWordsGetTagsToo() throws {
        let words = ["", "🙂", "µ", "Ärzte", String(repeating: "x", count: 5000), "7-OH", "\u{2019}s"]
        let tagger = try PartOfSpeechTagger.shipped()
        #expect(tagger.tag(words).count == words.count)
        #expect(tagger.tag(words.map { Substring($0) }) == tagger.tag(words))
        #expect(Lemmatizer.lemmas(of: words, tags: tagger.tag(words)).count == words.count)
        #expect(Lemmatizer.lemma(of: "Ärzte", tag: .noun) == "ärzte")
    }

    @Test func taggingIsDeterministicAndThreadSafe() async throws {
        let tagger = try PartOfSpeechTagger.shipped()
        let words = ["Kratom", "is", "a", "tree", "native", "to", "Southeast", "Asia", "."]
        let first = tagger.tag(words)
        let results = await withTaskGroup(of: [UniversalTag].self) { group in
            for _ in 0..<8 { group.addTask { tagger.tag(words) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == first })
    }

    @Test func treebankReaderKeepsMultiwordTokens() throws {
        let sentences = try Treebank.parse(miniTreebank)
        #expect(sentences.map(\.words) == [["Kratom", "eases", "pain", "."], ["Users", "do", "n't", "sleep"],
                                          ["The", "herb", "'s", "leaf", "-", "like", "smell"]])
        #expect(sentences[1].tags == [.noun, .auxiliary, .particle, .verb])
        #expect(sentences[1].lemmas == ["user", "do", "not", "sleep"])
        #expect(sentences[0].extractorStyle() == nil)
        #expect(sentences[1].extractorStyle()?.words == ["Users", "don't", "sleep"])
        #expect(sentences[2].extractorStyle()?.words == ["The", "herb", "leaf", "like", "smell"])
    }

    @Test func aBadTreebankLineIsReportedWithItsPlace() {
        #expect(throws: LanguageError.malformedTreebank(path: "x.conllu", line: 2, reason: "unknown UPOS NOUNY")) {
            try Treebank.parse("# c\n1\tw\tw\tNOUNY\t_\t_\t0\troot\t_\t_\n", path: "x.conllu")
        }
        #expect(throws: LanguageError.malformedTreebank(path: "x.conllu", line: 1, reason: "2 fields, not 10")) {
            try Treebank.parse("1\tw\n", path: "x.conllu")
        }
    }

    @Test func trainingIsReproducibleAndLearnsItsData() throws {
        let sentences = try Treebank.parse(miniTreebank)
        var trainer = TaggerTrainer()
        trainer.pruneBelow = 0
        let a = trainer.train(sentences)
        let b = trainer.train(sentences)
        #expect(a.encoded() == b.encoded())
        #expect(a.tagger.tag(["Kratom", "eases", "pain", "."]) == [.noun, .verb, .noun, .punctuation])
        #expect(TaggerEvaluation.accuracy(of: a.tagger, on: sentences).accuracy == 1)
    }

    @Test func pennTagsFromTheShippedModel() throws {
        let penn = try PennTagger.shipped()
        #expect(penn.tag([String]()).isEmpty)
        #expect(penn.tag(["It", "was", "linked", "to", "more", "deaths", "."]) == ["PRP", "VBD", "VBN", "IN", "JJR", "NNS", "."])
        #expect(penn.tagNames.contains("VBZ") && penn.tagNames == penn.tagNames.sorted())
        // A UPOS model is not a Penn one, nor the other way round.
        #expect(throws: LanguageError.self) {
            try PartOfSpeechTagger(contentsOf: ModelLocator.locate(PennTagger.modelFile))
        }
    }

    @Test func pennTrainingSkipsSentencesWithoutPennTags() throws {
        let sentences = try Treebank.parse(miniTreebank) + Treebank.parseTagged("Kratom/NOUN helps/VERB")
        var trainer = TaggerTrainer()
        trainer.pruneBelow = 0
        let trained = trainer.trainPenn(sentences)
        #expect(trained.tagger.tag(["Users", "do", "n't", "sleep"]) == ["NNS", "VBP", "RB", "VB"])
        #expect(!trained.tagger.tagNames.contains("_"))
        #expect(TaggerEvaluation.accuracy(of: trained.tagger, on: sentences).total == 15)
    }

    @Test func aModelRoundTripsThroughItsFile() throws {
        let trained = TaggerTrainer().train(try Treebank.parse(miniTreebank))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mitra-tagger-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try trained.write(to: path)
        let loaded = try PartOfSpeechTagger(contentsOf: path)
        let words = ["Users", "don't", "sleep", "."]
        #expect(loaded.tag(words) == trained.tagger.tag(words))
        let decoded = try TaggerModel(decoding: trained.encoded(), path: path)
        #expect(decoded.encoded() == trained.encoded())
    }

    @Test func aDamagedModelIsRefused() throws {
        let bytes = TaggerTrainer().train(try Treebank.parse(miniTreebank)).encoded()
        #expect(throws: LanguageError.malformedModel(path: "m", reason: "it does not start with MITRAPOS")) {
            try TaggerModel(decoding: Array("not a model".utf8), path: "m")
        }
        #expect(throws: LanguageError.self) { try TaggerModel(decoding: Array(bytes.dropLast(3)), path: "m") }
        var otherFeatures = bytes
        otherFeatures[12] &+= 1  // the feature set's version, after the magic and the format version
        #expect(throws: LanguageError.malformedModel(
            path: "m", reason: "trained on feature set \(TaggerModel.featureSetVersion + 1); this build uses \(TaggerModel.featureSetVersion) (run make tagger-model)")
        ) { try TaggerModel(decoding: otherFeatures, path: "m") }
    }

    @Test func theShippedModelIsFoundFromTheEnvironmentFirst() throws {
        let places = ModelLocator.candidates(for: "x.bin", environment: ["MITRAGRAPH_MODELS": "/opt/m"], executable: "/a/b/c/tool")
        #expect(places.first == "/opt/m/x.bin")
        #expect(places[1] == "models/x.bin")
        #expect(places.contains("/a/b/models/x.bin") && places.last == "/usr/local/share/mitragraph/models/x.bin")
        #expect(throws: LanguageError.self) { try ModelLocator.locate("no-such-model.bin", environment: [:], executable: "/nowhere/x") }
    }
}
