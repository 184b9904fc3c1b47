@testable import MitraCLI
import ArgumentParser
import Foundation
import MitraExport
import MitraTestSupport
import Testing

/// `--format` and the `--output` extension: the extension decides when `--format` is absent,
/// and a `--format` that contradicts it is refused.
@Suite struct OutputFormatTests {
    let images: [String: ImageFormat] = ["svg": .svg, "png": .png, "pdf": .pdf]

    @Test func theExtensionDecides() throws {
        #expect(try formatFor(given: nil, output: "out/graph.PNG", extensions: images) == .png)
        #expect(try formatFor(given: nil, output: "out/graph", extensions: images) == nil)
        #expect(try formatFor(given: .pdf, output: "out/graph.pdf", extensions: images) == .pdf)
        #expect(try formatFor(given: .pdf, output: "out/graph.eps", extensions: images) == .pdf)
        #expect(try formatFor(given: .png, output: nil, extensions: images) == .png)
    }

    @Test func aContradictionIsRefused() {
        #expect(throws: ValidationError.self) { try formatFor(given: .png, output: "graph.svg", extensions: images) }
    }

    @Test func renderExportAndQueryAsProcesses() throws {
        guard let store = QueryCommandTests.store else {
            print("skipped: needs \(Fixtures.executable) (run swift build first)")
            return
        }
        let dir = Fixtures.temporaryDirectory("mitragraph-formats")
        let refused = try Fixtures.run(Fixtures.executable, ["render", "--store", store, "--format", "png", "-o", dir + "/a.svg"])
        #expect(refused.status == 64)
        #expect(refused.err.hasPrefix("Error: --format png contradicts --output \(dir)/a.svg, whose extension is svg;"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.svg"))

        #expect(try Fixtures.run(Fixtures.executable, ["render", "--store", store, "-o", dir + "/a.png"]).status == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))

        #expect(try Fixtures.run(Fixtures.executable, ["export", "--store", store, "-o", dir + "/a.graphml"]).status == 0)
        #expect(try String(contentsOfFile: dir + "/a.graphml", encoding: .utf8).contains("<graphml"))
        let noFormat = try Fixtures.run(Fixtures.executable, ["export", "--store", store, "-o", dir + "/kgx"])
        #expect(noFormat.status == 64)
        #expect(noFormat.err.hasPrefix("Error: give --format, or an --output ending in .dot, .graphml, .nt, .ttl or .json"))
        #expect(try Fixtures.run(Fixtures.executable, ["export", "--store", store, "--format", "kgx", "-o", dir + "/k.json"]).status == 64)

        #expect(try Fixtures.run(Fixtures.executable, ["query", "--store", store, "-o", dir + "/q.csv", "kratom contains ?a"]).status == 0)
        #expect(try String(contentsOfFile: dir + "/q.csv", encoding: .utf8) == "a,support\nmitragynine,1\npaynantheine,1\n")
    }
}
