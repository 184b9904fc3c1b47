import MitraModel
import MitraOntology
import MitraTestSupport
import Testing

@Suite struct OntologyLoaderTests {
    static let header = """
        @prefix mg: <https://w3id.org/mitragraph/ontology#> .
        @prefix mge: <https://w3id.org/mitragraph/entity/> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix biolink: <https://w3id.org/biolink/vocab/> .
        @prefix MESH: <http://id.nlm.nih.gov/mesh/> .

        """

    static let schema = header + """
        mg:Plant a owl:Class ; mg:biolinkCategory biolink:OrganismTaxon .
        mg:Condition a owl:Class ; mg:biolinkCategory biolink:DiseaseOrPhenotypicFeature .
        mg:AdverseEffect a owl:Class ; rdfs:subClassOf mg:Condition ; mg:biolinkCategory biolink:PhenotypicFeature .
        mg:treats a owl:ObjectProperty ; mg:subjectClass mg:Plant ; mg:objectClass mg:Condition ;
            mg:biolinkPredicate biolink:treats_or_applied_or_studied_to_treat ; mg:trigger "relief from" .
        mg:neg a mg:NegationCue ; mg:phrase "without" ; mg:scope "following" .
        """

    func load(_ files: [String: String]) throws -> Ontology {
        let dir = Fixtures.temporaryDirectory()
        for (name, content) in files { Fixtures.write(content, to: name, in: dir) }
        return try OntologyLoader().load(directories: [dir])
    }

    @Test func schemaAloneHasClassesPredicatesAndCues() throws {
        let o = try load(["schema.ttl": Self.schema])
        #expect(o.entities.isEmpty)
        #expect(o.classes.count == 3)
        #expect(o.isSubclass(.adverseEffect, of: .condition))
        #expect(o.predicates["treats"]?.biolink == "biolink:treats_or_applied_or_studied_to_treat")
        #expect(o.cues.triggers["treats"] == ["relief from"])
        #expect(o.cues.negations == [NegationCue(phrase: "without", scope: .following)])
    }

    @Test func oneEntityWithLabelsAndCURIEs() throws {
        let o = try load(["schema.ttl": Self.schema, "e.ttl": Self.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea"@en ;
                skos:altLabel "queasiness"@en ; skos:hiddenLabel "nausia"@en ; skos:exactMatch MESH:D009325 .
            """])
        let nausea = try #require(o.entities["nausea"])
        #expect(nausea.allLabels == ["nausea", "queasiness", "nausia"])
        #expect(nausea.exactMatches == ["MESH:D009325"])
        #expect(nausea.curie == "mge:nausea")
        #expect(o.resolve("NAUSIA")?.id == "nausea")
        #expect(o.resolve("MESH:D009325")?.id == "nausea")
        #expect(o.fits(predicate: "treats", subject: .plant, object: .adverseEffect))
        #expect(!o.fits(predicate: "treats", subject: .adverseEffect, object: .plant))
    }

    @Test func layeredFoldersAddLabels() throws {
        let base = Fixtures.temporaryDirectory()
        Fixtures.write(Self.schema + "\nmge:kratom a skos:Concept, mg:Plant ; skos:prefLabel \"kratom\" .\n", to: "s.ttl", in: base)
        let mine = Fixtures.temporaryDirectory()
        Fixtures.write(Self.header + "mge:kratom skos:altLabel \"biak\" .\n", to: "mine.ttl", in: mine)
        let o = try OntologyLoader().load(directories: [base, mine])
        #expect(o.entities["kratom"]?.altLabels == ["biak"])
    }

    @Test func malformedFileNamesFileLineAndColumn() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(Self.header + "mge:x a skos:Concept ;\n  skos:prefLabel \"x\" \n mge:y .\n", to: "bad.ttl", in: dir)
        do {
            _ = try OntologyLoader().load(directories: [dir])
            Issue.record("a malformed file must not load")
        } catch let error as OntologyError {
            #expect(error.kind == .syntax)
            #expect(error.file == path)
            #expect(error.line == 10)
            #expect(error.description.hasPrefix("\(path):10:"))
        }
    }

    @Test func unknownClassIsAnError() throws {
        #expect(throws: OntologyError.self) {
            try load(["schema.ttl": Self.schema, "e.ttl": Self.header + "mge:x a skos:Concept, mg:Fungus ; skos:prefLabel \"x\" ."])
        }
    }
}

@Suite struct ShippedOntologyTests {
    static let core: [(String, [String])] = [
        ("Plant", ["kratom"]),
        ("Alkaloid", ["mitragynine", "7-hydroxymitragynine", "speciogynine", "paynantheine", "speciociliatine", "mitraphylline"]),
        ("Receptor", ["opioid receptor", "mu-opioid receptor", "delta-opioid receptor", "kappa-opioid receptor",
                      "adrenergic receptor", "serotonin receptor", "dopamine receptor", "cannabinoid receptor"]),
        ("Neurotransmitter", ["serotonin", "norepinephrine", "dopamine"]),
        ("Drug", ["opioid", "morphine", "buprenorphine", "naloxone", "heroin", "methadone", "fentanyl"]),
        ("Condition", ["pain", "chronic pain", "fibromyalgia", "arthritis", "lower back pain", "nerve damage",
                       "neuropathic pain", "inflammation", "anxiety", "depression", "stress", "insomnia", "fatigue",
                       "opioid use disorder", "opioid withdrawal", "musculoskeletal disorder"]),
        ("AdverseEffect", ["dependence", "tolerance", "withdrawal", "addiction", "abuse", "nausea", "dizziness",
                           "constipation", "respiratory depression", "sedation", "overdose", "seizure", "liver injury", "death"]),
        ("Therapy", ["physical therapy", "acupuncture", "mindfulness", "cognitive behavioral therapy", "exercise",
                     "diet", "massage", "psychotherapy"]),
        ("Agency", ["FDA", "DEA", "WHO", "CDC", "NIDA"]),
    ]

    @Test func everyCoreInventoryNameHasItsClass() {
        let byPrefLabel = Dictionary(grouping: Fixtures.ontology.entities.values, by: \.prefLabel)
        for (className, names) in Self.core {
            for name in names {
                let found = byPrefLabel[name] ?? []
                #expect(found.count == 1, "\(name) should be the preferred label of exactly one entity")
                #expect(found.first?.entityClass.name == className, "\(name) should be a \(className)")
            }
        }
    }

    @Test func everyCoreClassHasABiolinkCategory() {
        for c in EntityClass.core {
            #expect(Fixtures.ontology.classes[c]?.biolinkCategory?.hasPrefix("biolink:") == true, "\(c)")
        }
    }

    @Test func everyPredicateOfTheSpecIsThere() {
        let names = ["contains", "interacts_with", "modulates", "treats", "has_adverse_effect", "complements",
                     "alternative_to", "warns_about", "regulates"]
        for name in names { #expect(Fixtures.ontology.predicates[name] != nil, "\(name)") }
    }
}
