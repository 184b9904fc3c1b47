import MitraModel
import MitraOntology

/// Finds the mentions and claims of a document, driven by the ontology's labels and cue
/// lexicons. Deterministic, built once per ontology, and a `Sendable` value that several
/// threads may use at once; copies share one set of tables.
public struct Extractor: Sendable {
    /// The version of the rules' code. A store keeps it with the ontology's fingerprint, so
    /// changing the code (bump this) re-extracts stored documents on the next build just as
    /// changing the ontology does; otherwise unchanged documents would keep stale claims.
    public static let codeVersion = "2026-12-02.2"

    /// The version of the rules: a hash of the code version and the rule data (rule
    /// settings, triggers, list cues, negation, hedge, advice and attribution cues).
    public var rulesVersion: String { Self.rulesVersion(of: engine.ontology.cues) }

    public static func rulesVersion(of cues: CueLexicon) -> String {
        var text = "code \(codeVersion)\n"
        for (p, phrases) in cues.triggers.sorted(by: { $0.key < $1.key }) { text += "trigger \(p) \(phrases)\n" }
        for (p, phrases) in cues.listCues.sorted(by: { $0.key < $1.key }) { text += "list \(p) \(phrases)\n" }
        for r in cues.rules.values.sorted(by: { $0.id < $1.id }) { text += "rule \(r.id) \(r.order) \(r.window) \(r.confidence)\n" }
        for p in cues.patterns { text += "pattern \(p)\n" }
        text += "negations \(cues.negations.map { "\($0.phrase)/\($0.scope.rawValue)/\($0.maxScope)" })\n"
        text += "pseudo \(cues.pseudoNegations)\nterminators \(cues.terminators)\n"
        text += "scope terminators \(cues.scopeTerminators.map { "\($0.coordinators)/\($0.verbTags)/\($0.nonFiniteTags)/\($0.skipTags)/\($0.ends.map(\.rawValue).sorted())" })\nhedges \(cues.hedges)\n"
        text += "anaphors \(cues.plantAnaphors)\nimplicit \(cues.implicitSubjects)\nadvice \(cues.advice)\n"
        text += "symptom sources \(cues.symptomSources)\noptions \(cues.optionCues)\n"
        text += "disclaimers \(cues.disclaimers)\nattributions \(cues.attributions)\nholders \(cues.holders)\n"
        return String(ContentHash.hex(of: text).prefix(16))
    }

    let engine: ExtractionEngine

    /// The ids of the extractor's rule types, which the ontology's rule data must describe.
    public static var ruleIDs: [String] { RuleRegistry.ids }

    public init(ontology: Ontology) {
        engine = ExtractionEngine(ontology: ontology)
    }

    /// Loads the tagger models the rules consult, and says whether they are installed.
    ///
    /// They load by themselves the first time a sentence needs them; a caller that has other
    /// start-up work (reading the corpus) calls this on another thread first, so that the
    /// load overlaps that work instead of stalling the first documents.
    @discardableResult
    public static func loadModels() -> Bool {
        modelLoads.allSatisfy { $0() }
    }

    /// The loads `loadModels` makes, one per model, each saying whether its model is
    /// installed: independent, so a caller with cores to spare runs them on separate threads.
    public static let modelLoads: [@Sendable () -> Bool] = [{ SyntaxLayer.shipped != nil }, { SyntaxLayer.penn != nil }]

    /// The ontology the extractor was built from.
    public var ontology: Ontology { engine.ontology }

    /// The sentences, mentions and claims of one document; with `explain`, also why each
    /// claim was made (`ExtractionResult.explanations`), which costs time.
    public func extract(_ document: Document, explain: Bool = false) -> ExtractionResult {
        engine.extract(document, explain: explain)
    }
}
