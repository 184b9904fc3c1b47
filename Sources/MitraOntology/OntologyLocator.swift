import Foundation

/// Finds the ontology shipped with the tool when the user names none.
public enum OntologyLocator {
    /// `$MITRAGRAPH_ONTOLOGY`, else `./ontology`, else an `ontology/` folder beside or above
    /// the executable (the repository a development build lives in).
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? ""
    ) -> String? {
        if let configured = environment["MITRAGRAPH_ONTOLOGY"], !configured.isEmpty { return configured }
        let fm = FileManager.default
        // Relative, so that messages name `ontology/entities/drugs.ttl`, not a long absolute path.
        if fm.fileExists(atPath: "ontology/schema.ttl") { return "ontology" }
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("ontology")
            if fm.fileExists(atPath: candidate.path + "/schema.ttl") { return candidate.path }
            url.deleteLastPathComponent()
        }
        let shared = "/usr/local/share/mitragraph/ontology"
        return fm.fileExists(atPath: shared + "/schema.ttl") ? shared : nil
    }
}
