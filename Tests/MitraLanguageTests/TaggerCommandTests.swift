import Foundation
import MitraTestSupport
import Testing

/// `mitragraph-tagger`, the tool behind `make tagger-model` and `make tagger-eval`.
@Suite struct TaggerCommandTests {
    static let tool = Fixtures.repositoryRoot + "/.build/debug/mitragraph-tagger"

    @Test func withoutACommandItPrintsItsUsage() throws {
        let result = try Fixtures.run(Self.tool, [])
        #expect(result.status == 2)
        #expect(result.err == """
            usage: mitragraph-tagger train TRAIN.conllu MODEL [--penn] [--supplement FILE] [--iterations N] [--prune W]
                     [--dictionary-count N] [--dictionary-share X] [--lowercased-every N]
                   mitragraph-tagger evaluate MODEL FILE.conllu... [--penn PENN_MODEL] [--seconds S]
                   mitragraph-tagger lemma-errors FILE.conllu [--top N]

            """)
    }

    @Test func trainsAModelThatEvaluateScores() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mitra-tagger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let treebank = directory.appendingPathComponent("mini.conllu").path
        let model = directory.appendingPathComponent("mini.bin").path
        try miniTreebank.write(toFile: treebank, atomically: true, encoding: .utf8)
        let trained = try Fixtures.run(Self.tool, ["train", treebank, model, "--iterations", "3", "--prune", "0"])
        #expect(trained.status == 0, "\(trained.err)")
        #expect(trained.out.hasPrefix("pass  1: "))
        #expect(trained.out.contains("trained on 3 + 3 × 0 sentences in "))
        let penn = directory.appendingPathComponent("penn.bin").path
        let pennTrained = try Fixtures.run(Self.tool, ["train", treebank, penn, "--penn", "--iterations", "3", "--prune", "0"])
        #expect(pennTrained.status == 0, "\(pennTrained.err)")
        let scored = try Fixtures.run(Self.tool, ["evaluate", model, treebank, "--penn", penn, "--seconds", "0"])
        #expect(scored.status == 0, "\(scored.err)")
        #expect(scored.out.hasPrefix("mini.conllu: UPOS 100.00% (15/15); "))
        #expect(scored.out.contains("; Penn tags 100.00% (15/15)\n"))
        #expect(scored.out.contains("\nspeed: "))
        let bad = try Fixtures.run(Self.tool, ["evaluate", treebank, treebank])
        #expect(bad.status == 2 && bad.err.hasPrefix("mitragraph-tagger: \(treebank): not a tagger model"))
    }
}
