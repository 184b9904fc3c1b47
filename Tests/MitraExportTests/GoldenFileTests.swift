import Foundation
@testable import MitraExport
import MitraRDF
import Testing

/// Every export format of the fixture graph, compared byte for byte with the files in
/// `Golden/`. After an intended change of an exporter, regenerate them with
/// `MITRAGRAPH_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests` and review the diff.
@Suite struct GoldenFileTests {
    static let update = ProcessInfo.processInfo.environment["MITRAGRAPH_UPDATE_GOLDEN"] == "1"

    /// Golden file name → how to write it from the fixture store into a path.
    static let outputs: [String] = [
        "fixture.dot", "fixture.graphml", "fixture.nt", "fixture.ttl", "fixture.json", "csv/nodes.csv",
        "csv/edges.csv", "kgx/nodes.jsonl", "kgx/edges.jsonl", "kgx/mentions.jsonl",
        "kgx/prefixes.json",
    ]

    @Test(arguments: outputs)
    func matchesTheGoldenFile(_ name: String) throws {
        let (store, dir) = try ExportFixture.store()
        switch name {
        case "fixture.dot": try DOTExporter().export(store: store, to: dir + "/" + name)
        case "fixture.graphml": try GraphMLExporter().export(store: store, to: dir + "/" + name)
        case "fixture.nt": try RDFExporter(syntax: .ntriples).export(store: store, to: dir + "/" + name)
        case "fixture.ttl": try RDFExporter(syntax: .turtle).export(store: store, to: dir + "/" + name)
        case "fixture.json": try TableExporter(format: .json).export(store: store, to: dir + "/" + name)
        case _ where name.hasPrefix("csv/"): try TableExporter(format: .csv).export(store: store, to: dir + "/csv")
        case _ where name.hasPrefix("kgx/"): try KGXExporter().export(store: store, to: dir + "/kgx")
        default: Issue.record("no exporter for \(name)")
        }
        let actual = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        let golden = ExportFixture.goldenDirectory + "/" + name
        if Self.update {
            try FileManager.default.createDirectory(
                atPath: (golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(to: URL(fileURLWithPath: golden))
            return
        }
        let expected = try Data(contentsOf: URL(fileURLWithPath: golden))
        #expect(actual == expected, "\(name) differs from Golden/\(name); see GoldenFileTests to regenerate")
    }
}
