import MitraOntology
import MitraTestSupport

/// Small Turtle ontologies the ontology tests build on: a header, a three-class schema with
/// one predicate and one cue of each kind, and helpers to write and load them.
enum OntologyFixtures {
    static let header = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        @prefix mge: <https://w3id.org/mitragraph/entity/> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix biolink: <https://w3id.org/biolink/vocab/> .
        @prefix MESH: <http://id.nlm.nih.gov/mesh/> .
        @prefix CHEBI: <http://purl.obolibrary.org/obo/CHEBI_> .

        """

    static let schema = header + """
        mg:Plant a owl:Class ; mg:biolinkCategory biolink:OrganismTaxon .
        mg:Condition a owl:Class ; mg:biolinkCategory biolink:DiseaseOrPhenotypicFeature .
        mg:AdverseEffect a owl:Class ; rdfs:subClassOf mg:Condition ; mg:biolinkCategory biolink:PhenotypicFeature .
        mg:HedgeCue a owl:Class .
        mg:NegationCue a owl:Class .
        mg:CommonWordList a owl:Class .
        mg:treats a owl:ObjectProperty ; mg:subjectClass mg:Plant ; mg:objectClass mg:Condition ;
            mg:biolinkPredicate biolink:treats_or_applied_or_studied_to_treat ; mg:trigger "relief from" .
        mg:neg a mg:NegationCue ; mg:phrase "without" ; mg:scope "following" .
        mg:hedge a mg:HedgeCue ; mg:phrase "may" .
        mg:words a mg:CommonWordList ; mg:phrase "the", "stress", "who" .
        mge:kratom a skos:Concept, mg:Plant ; skos:prefLabel "kratom" .

        """

    /// Writes `files` (name → content) into a new folder and returns the folder.
    static func folder(_ files: [String: String]) -> String {
        let dir = Fixtures.temporaryDirectory("mitragraph-ontology")
        for (name, content) in files { Fixtures.write(content, to: name, in: dir) }
        return dir
    }

    /// Loads `files` (written into one new folder) strictly.
    static func load(_ files: [String: String]) throws -> Ontology {
        try OntologyLoader().load(directories: [folder(files)])
    }

    /// The message of the error that loading `files` throws, or nil when they load.
    static func loadError(_ directories: [String]) -> OntologyError? {
        do {
            _ = try OntologyLoader().load(directories: directories)
            return nil
        } catch let error as OntologyError {
            return error
        } catch {
            return nil
        }
    }
}
