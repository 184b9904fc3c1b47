import Foundation
import MitraTestSupport
import Testing

private let executable = Fixtures.repositoryRoot + "/.build/debug/mitragraph"

/// `extract --format nquads|kgx` without a store gives what a build, then `export`, gives.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
struct ExtractStreamTests {
    @Test func kgxEdgeIdsAreTheExportsContentIds() throws {
        let folder = Fixtures.temporaryDirectory("mitragraph-extract-kgx")
        Fixtures.write("Kratom may relieve chronic pain. It does not cause constipation.\n", to: "a.txt", in: folder + "/corpus")
        let extracted = try Fixtures.run(executable, ["extract", "--format", "kgx", folder + "/corpus"], directory: Fixtures.repositoryRoot)
        #expect(extracted.status == 0)
        let built = try Fixtures.run(executable, ["build", "--quiet", "--store", folder + "/kg.sqlite", folder + "/corpus"],
                                     directory: Fixtures.repositoryRoot)
        let exported = try Fixtures.run(executable, ["export", "--store", folder + "/kg.sqlite", "--format", "kgx", "--output", folder + "/kgx"],
                                        directory: Fixtures.repositoryRoot)
        #expect(built.status == 0 && exported.status == 0)
        func ids(_ text: String) -> Set<String> {
            Set(text.split(separator: "\n").compactMap { line in
                guard let data = line.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
                return object["id"] as? String
            })
        }
        let edges = try String(contentsOfFile: folder + "/kgx/edges.jsonl", encoding: .utf8)
        #expect(ids(extracted.out).count == 2 && ids(extracted.out) == ids(edges))
        #expect(ids(edges).allSatisfy { $0.hasPrefix("mgc:a.txt/0-") || $0.hasPrefix("mgc:a.txt/1-") })
    }
}
