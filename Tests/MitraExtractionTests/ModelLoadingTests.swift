@testable import MitraExtraction
import Testing

/// Loading the tagger models ahead of the first sentence that needs them.
@Suite struct ModelLoadingTests {
    @Test func loadModelsReportsTheShippedTaggersAsInstalled() {
        // The repository ships both models, so the rules that depend on them can run.
        #expect(Extractor.loadModels())
        #expect(SyntaxLayer.shipped != nil && SyntaxLayer.penn != nil)
    }

    @Test func eachModelLoadsOnItsOwnAndTheyMakeUpLoadModels() {
        #expect(Extractor.modelLoads.count == 2)
        #expect(Extractor.modelLoads.map { $0() } == [true, true])
    }
}
