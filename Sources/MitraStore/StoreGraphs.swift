import Foundation
import MitraModel

/// The named graphs the store keeps its quads in, and the IRIs it mints for them.
public enum StoreGraphs {
    /// The ontology's own statements.
    public static let ontology = "https://w3id.org/mitragraph/graph/ontology"
    /// Prefix of graphs named after an imported file when the user names none.
    public static let importPrefix = "https://w3id.org/mitragraph/graph/"

    /// The graph of one document's claims; also the document's own IRI.
    public static func document(_ id: String) -> String { Namespace.document + encode(id) }

    /// The graph an imported file goes to by default: its name without the extension.
    public static func importGraph(forFile path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return importPrefix + encode(name.isEmpty ? "import" : name)
    }

    /// Whether `iri` is one the store writes itself, which an import must not take over.
    public static func isReserved(_ iri: String) -> Bool {
        iri == ontology || iri.hasPrefix(Namespace.document)
    }

    /// Percent-encodes whatever may not stand in an IRI path, keeping `/` so document ids
    /// that are paths stay readable.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~/")
        return set
    }()
}
