import Foundation

/// Finds the models shipped with the tool (the `models/` folder of the repository), as
/// `OntologyLocator` finds the ontology.
public enum ModelLocator {
    /// The places a model named `file` is looked for, in order: `$MITRAGRAPH_MODELS`, then
    /// `./models`, then a `models/` folder beside or up to seven levels above the executable (the
    /// repository a development or test build lives in), then `/usr/local/share/mitragraph/models`.
    public static func candidates(
        for file: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? ""
    ) -> [String] {
        var out: [String] = []
        if let configured = environment["MITRAGRAPH_MODELS"], !configured.isEmpty { out.append(configured + "/" + file) }
        out.append("models/" + file)
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<7 {
            out.append(url.appendingPathComponent("models").appendingPathComponent(file).path)
            url.deleteLastPathComponent()
        }
        out.append("/usr/local/share/mitragraph/models/" + file)
        return out
    }

    /// The first of `candidates(for:)` that exists.
    public static func locate(
        _ file: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? ""
    ) throws(LanguageError) -> String {
        let places = candidates(for: file, environment: environment, executable: executable)
        if let found = places.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw .modelNotFound(name: file, searched: places)
    }
}
