import MitraExtraction
import MitraModel
import MitraOntology
import MitraTestSupport

/// A tiny ontology for rule fixtures: the shipped schema and rule data, a dozen entities and
/// a few cues of each kind, so each rule's test depends on nothing else of the shipped data.
enum TinyOntology {
    static let entities = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        @prefix mge: <https://w3id.org/mitragraph/entity/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        mge:kratom a skos:Concept, mg:Plant ; skos:prefLabel "kratom"@en .
        mge:mitragynine a skos:Concept, mg:Alkaloid ; skos:prefLabel "mitragynine"@en .
        mge:opioid-receptor a skos:Concept, mg:Receptor ; skos:prefLabel "opioid receptor"@en .
        mge:morphine a skos:Concept, mg:Drug ; skos:prefLabel "morphine"@en .
        mge:pain a skos:Concept, mg:Condition ; skos:prefLabel "pain"@en .
        mge:insomnia a skos:Concept, mg:Condition ; skos:prefLabel "insomnia"@en .
        mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea"@en .
        mge:sedation a skos:Concept, mg:AdverseEffect ; skos:prefLabel "sedation"@en .
        mge:addiction a skos:Concept, mg:AdverseEffect ; skos:prefLabel "addiction"@en ; skos:altLabel "addictive"@en .
        mge:withdrawal a skos:Concept, mg:AdverseEffect ; skos:prefLabel "withdrawal"@en ;
            skos:altLabel "withdrawal symptom"@en .
        mge:fda a skos:Concept, mg:Agency ; skos:prefLabel "FDA"@en .
        mge:yoga a skos:Concept, mg:Therapy ; skos:prefLabel "yoga"@en .
        """

    static let cues = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        mg:treats mg:trigger "relieve", "help with" ; mg:listCue "uses" .
        mg:has_adverse_effect mg:trigger "cause", "side effects" ; mg:listCue "side effects", "symptoms" .
        mg:interacts_with mg:trigger "bind to" .
        mg:warns_about mg:trigger "warn" .
        mg:alternative_to mg:trigger "replace" .
        mg:regulates mg:trigger "ban" .
        mg:neg-not a mg:NegationCue ; mg:phrase "not", "no", "does not", "without" ; mg:scope "following" .
        mg:neg-prefix a mg:NegationCue ; mg:phrase "non-addictive" ; mg:scope "clause" .
        mg:hedge a mg:HedgeCue ; mg:phrase "may" .
        mg:anaphor a mg:PlantAnaphor ; mg:phrase "it", "the herb" .
        mg:implicit a mg:ImplicitSubjectCue ; mg:phrase "use" .
        mg:pseudo a mg:PseudoNegationCue ; mg:phrase "not only" .
        mg:terminator a mg:TerminatorCue ; mg:phrase "but" .
        mg:sources a mg:SymptomSourceCue ; mg:phrase "withdrawal" .
        mg:options a mg:OptionCue ; mg:phrase "options", "other options" .
        mg:coordinated a mg:ScopeTerminatorCue ; mg:phrase "and" ; mg:verbTag "VERB", "AUX" ;
            mg:nonFiniteTag "VB", "VBG" ; mg:skipTag "ADV" .
        mg:advice a mg:AdviceCue ; mg:phrase "do not use" .
        mg:disclaimer a mg:DisclaimerCue ; mg:phrase "not intended to treat" .
        mg:attribution a mg:AttributionCue ; mg:phrase "say", "report", "according to" .
        mg:holders a mg:HolderCue ; mg:phrase "users", "sellers" .
        """

    /// The tiny ontology, with `rules` in place of the shipped rule data when given.
    static func load(rules: String? = nil) throws -> Ontology {
        let dir = Fixtures.temporaryDirectory("mitragraph-tiny")
        var files = [
            Fixtures.ontologyDirectory + "/schema.ttl", Fixtures.write(entities, to: "entities.ttl", in: dir),
            Fixtures.write(cues, to: "cues.ttl", in: dir),
        ]
        files.append(rules.map { Fixtures.write($0, to: "rules.ttl", in: dir) } ?? Fixtures.ontologyDirectory + "/rules.ttl")
        return try OntologyLoader().load(files: files)
    }

    static let extractor: Extractor = {
        do { return Extractor(ontology: try load()) } catch { fatalError("the tiny ontology does not load: \(error)") }
    }()

    static func result(_ text: String, format: String = "text") -> ExtractionResult {
        extractor.extract(Document(id: "tiny.txt", text: text, format: format))
    }

    /// Claims as "s p o [rule]" with " (denied)" when negated.
    static func claims(_ text: String, format: String = "text") -> [String] {
        result(text, format: format).claims.map {
            "\($0.subject) \($0.predicate) \($0.object)" + ($0.negated ? " (denied)" : "") + " [\($0.rule)]"
        }
    }
}
