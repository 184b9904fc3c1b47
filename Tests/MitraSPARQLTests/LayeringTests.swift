import Foundation
import MitraTestSupport
import Testing

/// The compiler stands on the syntax tree and the vocabulary alone: no store, no HTTP.
@Suite struct SPARQLLayeringTests {
    @Test func theCompilerImportsOnlyTheModel() throws {
        let folder = Fixtures.repositoryRoot + "/Sources/MitraSPARQL"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 4)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            #expect(Set(imports).isSubset(of: ["Foundation", "MitraModel"]), "\(file) imports \(imports)")
        }
    }
}
