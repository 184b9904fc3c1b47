import Foundation
@testable import MitraExport
import Testing

@Suite struct GraphvizRendererTests {
    @Test func rendersTheFixtureAsSVGThatParsesAsXMLWithEveryLabel() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        let svg = try GraphvizRenderer().render(dot: dot, format: .svg, layout: .dot)
        let xml = try XMLCheck(bytes: svg, collecting: ["text", "title"])
        #expect(xml.root == "svg")
        let texts = Set(xml.texts["text"] ?? [])
        for label in ["Kratom \"the leaf\" \\ <b>&</b>", "mitragynine", "line two", "慢性疼痛 chronic pain 'q'",
                      "nausea & vomiting <severe>", "μ-opioid receptor", "odd\\\"id", "x", "Legend"] {
            #expect(texts.contains(label), "missing \(label)")
        }
        #expect(svg.count > 5_000)
    }

    @Test func rendersPNGAndPDFWithTheirMagicBytes() throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter().dot(store: store)
        let renderer = try GraphvizRenderer()
        let png = try renderer.render(dot: dot, format: .png, layout: .dot)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 10_000)
        let pdf = try renderer.render(dot: dot, format: .pdf, layout: .dot)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        #expect(pdf.count > 5_000)
        #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
    }

    @Test(arguments: GraphLayout.allCases)
    func laysOutWithEveryEngine(_ layout: GraphLayout) throws {
        let (store, _) = try ExportFixture.store()
        let dot = try DOTExporter(layout: layout).dot(store: store)
        let svg = try GraphvizRenderer().render(dot: dot, format: .svg, layout: layout)
        #expect(try XMLCheck(bytes: svg, collecting: []).root == "svg")
    }

    @Test func writesTheImageToAFile() throws {
        let dir = NSTemporaryDirectory() + "render-" + UUID().uuidString
        try GraphvizRenderer().render(dot: "digraph { a -> b }", format: .svg, layout: .dot, to: dir + "/out/g.svg")
        let text = try String(contentsOfFile: dir + "/out/g.svg", encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/g.svg.part"))
    }

    @Test func turnsAGraphvizSyntaxErrorIntoAnExportError() throws {
        let renderer = try GraphvizRenderer()
        let error = try #require(throws: ExportError.self) {
            try renderer.render(dot: "digraph { a -> ; }", format: .svg, layout: .dot, name: "broken.dot")
        }
        #expect(error.kind == .renderFailed)
        #expect(error.path == "broken.dot")
        #expect(error.message.hasPrefix("is not valid DOT"))
        #expect(error.message.contains("syntax error"), "\(error.message)")
        // The renderer is still usable after a failure.
        let svg = try renderer.render(dot: "digraph { a -> b }", format: .svg, layout: .dot)
        #expect(try XMLCheck(bytes: svg, collecting: []).root == "svg")
    }
}
