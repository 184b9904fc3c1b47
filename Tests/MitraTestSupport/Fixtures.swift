import Foundation
import MitraModel
import MitraOntology

/// Paths and small helpers the test targets share.
public enum Fixtures {
    /// The repository's root folder.
    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The shipped ontology folder.
    public static var ontologyDirectory: String { repositoryRoot + "/ontology" }

    /// The bundled sample corpus.
    public static var corpusDirectory: String { repositoryRoot + "/corpus" }

    /// `../shared` beside the repository, when present (evaluation seeds and gold).
    public static var sharedDirectory: String? {
        let path = (repositoryRoot as NSString).deletingLastPathComponent + "/shared"
        return FileManager.default.fileExists(atPath: path + "/gold") ? path : nil
    }

    /// The shipped ontology, loaded once.
    public static let ontology: Ontology = {
        do {
            return try OntologyLoader().load(directories: [ontologyDirectory])
        } catch {
            fatalError("the shipped ontology does not load: \(error)")
        }
    }()

    /// A new empty folder under the system's temporary folder.
    public static func temporaryDirectory(_ name: String = "mitragraph-test") -> String {
        let path = NSTemporaryDirectory() + name + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `content` to `name` inside `directory` and returns the file's path.
    @discardableResult
    public static func write(_ content: String, to name: String, in directory: String) -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
