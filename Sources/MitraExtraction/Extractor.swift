import MitraModel
import MitraOntology

/// Finds the mentions and claims of a document, driven by the ontology's labels and cue
/// lexicons. Deterministic, built once per ontology, and a `Sendable` value that several
/// threads may use at once; copies share one set of tables.
public struct Extractor: Sendable {
    /// The version of the extraction rules. A store keeps it with the ontology's fingerprint,
    /// so changing the rules (bump this) re-extracts stored documents on the next build just
    /// as changing the ontology does; otherwise unchanged documents would keep stale claims.
    public static let rulesVersion = "2026-11-21.1"

    let engine: ExtractionEngine

    public init(ontology: Ontology) {
        engine = ExtractionEngine(ontology: ontology)
    }

    /// The ontology the extractor was built from.
    public var ontology: Ontology { engine.ontology }

    /// The sentences, mentions and claims of one document.
    public func extract(_ document: Document) -> ExtractionResult {
        engine.extract(document)
    }
}
