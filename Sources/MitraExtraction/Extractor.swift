import MitraModel
import MitraOntology

/// Finds the mentions and claims of a document, driven by the ontology's labels and cue
/// lexicons. Deterministic, built once per ontology, and a `Sendable` value that several
/// threads may use at once; copies share one set of tables.
public struct Extractor: Sendable {
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
