import MitraModel
import MitraOntology
import MitraTestSupport
import Testing

@Suite struct OntologyLoaderTests {
    typealias F = OntologyFixtures

    @Test func schemaAloneHasClassesPredicatesAndCues() throws {
        let o = try F.load(["schema.ttl": F.schema])
        #expect(o.entities.keys.sorted() == ["kratom"])
        #expect(o.classes.keys.map(\.name).sorted() == ["AdverseEffect", "Condition", "Plant"])
        #expect(o.vocabularyClasses == ["CommonWordList", "HedgeCue", "NegationCue"])
        #expect(o.isSubclass(.adverseEffect, of: .condition))
        #expect(o.predicates["treats"]?.biolink == "biolink:treats_or_applied_or_studied_to_treat")
        #expect(o.cues.triggers["treats"] == ["relief from"])
        #expect(o.cues.negations == [NegationCue(phrase: "without", scope: .following)])
        #expect(o.cues.hedges == ["may"])
        #expect(o.commonWords == ["the", "stress", "who"])
    }

    @Test func aSubclassOfAnEntityClassIsAnEntityClassToo() throws {
        let o = try F.load(["schema.ttl": F.schema + "mg:Poisoning a owl:Class ; rdfs:subClassOf mg:AdverseEffect .\n"])
        #expect(o.classes[EntityClass("Poisoning")]?.parent == .adverseEffect)
        #expect(o.biolinkCategory(of: EntityClass("Poisoning")) == "biolink:PhenotypicFeature")
    }

    @Test func oneEntityWithLabelsAndCURIEs() throws {
        let o = try F.load(["schema.ttl": F.schema, "e.ttl": F.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea"@en ;
                skos:altLabel "queasiness"@en ; skos:hiddenLabel "nausia"@en ; skos:exactMatch MESH:D009325 .
            """])
        let nausea = try #require(o.entities["nausea"])
        #expect(nausea.allLabels == ["nausea", "queasiness", "nausia"])
        #expect(nausea.exactMatches == ["MESH:D009325"])
        #expect(nausea.curie == "mge:nausea")
        #expect(o.sources["nausea"]?.file.hasSuffix("/e.ttl") == true)
        #expect(o.fits(predicate: "treats", subject: .plant, object: .adverseEffect))
        #expect(!o.fits(predicate: "treats", subject: .adverseEffect, object: .plant))
    }

    @Test func malformedFileNamesFileLineAndColumn() throws {
        let dir = F.folder([:])
        let path = Fixtures.write(F.header + "mge:x a skos:Concept ;\n  skos:prefLabel \"x\" \n mge:y .\n", to: "bad.ttl", in: dir)
        let error = try #require(F.loadError([dir]))
        #expect(error.kind == .syntax)
        #expect(error.description == "\(path):11:1: error: missing ';' or '.'")
    }

    @Test func anUndefinedPrefixNamesTheFile() throws {
        let dir = F.folder([:])
        let path = Fixtures.write("mge:x a mg:Plant .\n", to: "bare.ttl", in: dir)
        let error = try #require(F.loadError([dir]))
        #expect(error.kind == .syntax)
        #expect(error.description.hasPrefix("\(path):"))
    }

    @Test func unknownClassNamesTheEntityTheClassAndTheKnownOnes() throws {
        let dir = F.folder(["schema.ttl": F.schema])
        let path = Fixtures.write(F.header + "\nmge:x a skos:Concept, mg:Fungus ; skos:prefLabel \"x\" .\n", to: "e.ttl", in: dir)
        let error = try #require(F.loadError([dir]))
        #expect(error.kind == .unknownClass)
        #expect(error.description == "\(path):10:1: error: entity 'x' has the unknown class 'mg:Fungus'; "
            + "known classes: AdverseEffect, Condition, Plant")
    }

    @Test func anEntityTypedOnlyWithAnUnknownClassIsReportedAsSuch() throws {
        let dir = F.folder(["schema.ttl": F.schema, "e.ttl": F.header + "mge:x a mg:Fungus ; skos:prefLabel \"x\" .\n"])
        #expect(F.loadError([dir])?.message
            == "entity 'x' has the unknown class 'mg:Fungus'; known classes: AdverseEffect, Condition, Plant")
    }

    @Test func aCueClassIsNotAnEntityClass() throws {
        let dir = F.folder(["schema.ttl": F.schema])
        let path = Fixtures.write(F.header + "mge:x a skos:Concept, mg:HedgeCue ; skos:prefLabel \"x\" .\n", to: "e.ttl", in: dir)
        let error = try #require(F.loadError([dir]))
        #expect(error.description == "\(path):9:1: error: entity 'x' has the class 'mg:HedgeCue', which is not an entity "
            + "class (it has no mg:biolinkCategory); known classes: AdverseEffect, Condition, Plant")
    }

    @Test func anEntityNeedsAClassAndAPreferredLabel() throws {
        let noClass = F.folder(["schema.ttl": F.schema, "e.ttl": F.header + "mge:x a skos:Concept ; skos:prefLabel \"x\" .\n"])
        #expect(F.loadError([noClass])?.message
            == "entity 'x' has no class (add `a mg:SomeClass`); known classes: AdverseEffect, Condition, Plant")
        let noLabel = F.folder(["schema.ttl": F.schema, "e.ttl": F.header + "mge:x a skos:Concept, mg:Plant .\n"])
        #expect(F.loadError([noLabel])?.message == "entity 'x' has no skos:prefLabel")
        #expect(F.loadError([noLabel])?.kind == .missingLabel)
    }

    @Test func aPredicateNamingAMissingClassIsAnError() throws {
        let dir = F.folder(["schema.ttl": F.schema + "mg:cures a owl:ObjectProperty ; mg:subjectClass mg:Plant ; mg:objectClass mg:Disease .\n"])
        let error = try #require(F.loadError([dir]))
        #expect(error.kind == .unknownClass)
        #expect(error.message == "predicate 'cures' names the unknown class 'mg:Disease' as mg:objectClass; "
            + "known classes: AdverseEffect, Condition, Plant")
    }

    @Test func negationCuesNeedExactlyOneKnownScope() throws {
        let bad = F.folder(["schema.ttl": F.schema, "c.ttl": F.header + "mg:neg2 a mg:NegationCue ; mg:phrase \"no\" ; mg:scope \"after\" .\n"])
        #expect(F.loadError([bad])?.message == "negation cue mg:neg2 has scope 'after'; expected one of following, preceding, clause, own")
        let none = F.folder(["schema.ttl": F.schema, "c.ttl": F.header + "mg:neg2 a mg:NegationCue ; mg:phrase \"no\" .\n"])
        #expect(F.loadError([none])?.message == "negation cue mg:neg2 has no mg:scope; expected one of following, preceding, clause, own")
        let two = F.folder(["schema.ttl": F.schema, "c.ttl": F.header
            + "mg:neg2 a mg:NegationCue ; mg:phrase \"no\" ; mg:scope \"clause\", \"following\" .\n"])
        #expect(F.loadError([two])?.message
            == "negation cue mg:neg2 has 2 scopes (clause, following); expected exactly one of following, preceding, clause, own")
    }

    @Test func aTriggerOnSomethingThatIsNotAPredicateIsAnError() throws {
        let dir = F.folder(["schema.ttl": F.schema, "c.ttl": F.header + "mg:treat mg:trigger \"cures\" .\n"])
        #expect(F.loadError([dir])?.message == "mg:treat has mg:trigger phrases but is not a predicate; predicates: treats")
    }

    @Test func labelsForAnUndeclaredEntityAreAnError() throws {
        let dir = F.folder(["schema.ttl": F.schema, "mine.ttl": F.header + "mge:kratum skos:altLabel \"biak\" .\n"])
        let error = try #require(F.loadError([dir]))
        #expect(error.kind == .undeclaredEntity)
        #expect(error.message == "mge:kratum has skos:altLabel but no file declares it an entity "
            + "(`a skos:Concept, mg:SomeClass` with a skos:prefLabel); check the name")
    }
}

@Suite struct OntologyLayeringTests {
    typealias F = OntologyFixtures

    @Test func aLaterFolderAddsLabelsAndIdentifiersToAnEntity() throws {
        let base = F.folder(["schema.ttl": F.schema])
        let mine = F.folder(["mine.ttl": F.header + """
            mge:kratom skos:altLabel "biak" ; skos:hiddenLabel "kratum" ; skos:closeMatch MESH:D032065 ;
                skos:exactMatch CHEBI:1 ; rdfs:comment "mine" .
            """])
        let o = try OntologyLoader().load(directories: [base, mine])
        let kratom = try #require(o.entities["kratom"])
        #expect(kratom.altLabels == ["biak"])
        #expect(kratom.hiddenLabels == ["kratum"])
        #expect(kratom.closeMatches == ["MESH:D032065"])
        #expect(kratom.exactMatches == ["CHEBI:1"])
        #expect(kratom.comment == "mine")
        #expect(o.sources["kratom"]?.files.map { $0.hasSuffix("mine.ttl") } == [false, true])
        #expect(o.resolve("biak")?.id == "kratom")
    }

    @Test func aLaterFolderAddsEntitiesAndRestatingTheSameClassIsFine() throws {
        let base = F.folder(["schema.ttl": F.schema])
        let mine = F.folder(["mine.ttl": F.header + """
            mge:kratom a skos:Concept, mg:Plant ; skos:prefLabel "kratom" .
            mge:pruritus a skos:Concept, mg:AdverseEffect ; skos:prefLabel "pruritus" ; skos:altLabel "itching" .
            mg:treats mg:trigger "soothes" .
            """])
        let o = try OntologyLoader().load(directories: [base, mine])
        #expect(o.entities.keys.sorted() == ["kratom", "pruritus"])
        #expect(o.entities["kratom"]?.altLabels == [])
        #expect(o.cues.triggers["treats"] == ["relief from", "soothes"])
    }

    @Test func anEntityGivenAnotherClassByAnotherFileNamesBothFiles() throws {
        let base = F.folder(["schema.ttl": F.schema])
        let mine = F.folder([:])
        let path = Fixtures.write(F.header + "mge:kratom a skos:Concept, mg:Condition .\n", to: "mine.ttl", in: mine)
        let error = try #require(F.loadError([base, mine]))
        #expect(error.kind == .conflict)
        #expect(error.description == "\(path):9:1: error: entity 'kratom' is a Condition here but a Plant in "
            + "\(base)/schema.ttl; an entity has one class")
    }

    @Test func aPredicateGivenAnotherDomainByAnotherFileNamesBothFiles() throws {
        let base = F.folder(["schema.ttl": F.schema])
        let mine = F.folder([:])
        let path = Fixtures.write(F.header + "mg:treats mg:subjectClass mg:Condition .\n", to: "mine.ttl", in: mine)
        let error = try #require(F.loadError([base, mine]))
        #expect(error.kind == .conflict)
        #expect(error.description == "\(path):9:1: error: predicate 'treats' has mg:subjectClass Condition here but "
            + "Plant in \(base)/schema.ttl; define it in one file")
    }

    @Test func aSecondPreferredLabelIsAnError() throws {
        let base = F.folder(["schema.ttl": F.schema])
        let mine = F.folder([:])
        let path = Fixtures.write(F.header + "mge:kratom skos:prefLabel \"ketum\" .\n", to: "mine.ttl", in: mine)
        let error = try #require(F.loadError([base, mine]))
        #expect(error.description == "\(path):9:27: error: entity 'kratom' has a second skos:prefLabel \"ketum\"; it "
            + "already has \"kratom\" in \(base)/schema.ttl. Keep one and make the other a skos:altLabel")
    }
}

@Suite struct OntologyResolveTests {
    typealias F = OntologyFixtures

    static func ontology() throws -> Ontology {
        try F.load(["schema.ttl": F.schema, "e.ttl": F.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea" ; skos:altLabel "queasiness" ;
                skos:hiddenLabel "nausia" ; skos:exactMatch MESH:D009325 ; skos:closeMatch CHEBI:1 .
            mge:vomiting a skos:Concept, mg:AdverseEffect ; skos:prefLabel "vomiting" ; skos:altLabel "emesis" ;
                skos:exactMatch CHEBI:1 ; skos:closeMatch MESH:D014839 .
            mge:mu-opioid-receptor a skos:Concept, mg:Condition ; skos:prefLabel "mu-opioid receptor" .
            """])
    }

    @Test func idsLabelsAndCURIEsResolve() throws {
        let o = try Self.ontology()
        #expect(o.resolve("nausea")?.id == "nausea")
        #expect(o.resolve("NAUSIA")?.id == "nausea")
        #expect(o.resolve("  Queasiness ")?.id == "nausea")
        #expect(o.resolve("μ‑Opioid Receptor")?.id == "mu-opioid-receptor")
        #expect(o.resolve("mge:vomiting")?.id == "vomiting")
        #expect(o.resolve("MGE:Vomiting")?.id == "vomiting")
        #expect(o.resolve("mesh:d009325")?.id == "nausea")
        #expect(o.resolve("retching") == nil)
        #expect(o.resolve("MESH:D000001") == nil)
    }

    @Test func aCloseMatchResolvesOnlyWhenNoEntityHasItAsExactMatch() throws {
        let o = try Self.ontology()
        #expect(o.resolve("MESH:D014839")?.id == "vomiting")
        #expect(o.resolve("CHEBI:1")?.id == "vomiting")
    }

    @Test func theIndexFollowsChangesToTheEntities() throws {
        var o = try Self.ontology()
        #expect(o.resolve("emesis")?.id == "vomiting")
        o.entities["vomiting"]?.altLabels = ["throwing up"]
        #expect(o.resolve("emesis") == nil)
        #expect(o.resolve("throwing up")?.id == "vomiting")
    }

    @Test func theShippedOntologyResolvesAThousandNamesQuickly() {
        let o = Fixtures.ontology
        let names = o.sortedEntities.flatMap(\.allLabels)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<10 { for name in names { _ = o.resolve(name) } }
        }
        #expect(names.allSatisfy { o.resolve($0) != nil })
        // 12,600 lookups; a scan per lookup took seconds, the index takes milliseconds.
        #expect(elapsed < .seconds(1), "\(elapsed)")
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
                #expect(Fixtures.ontology.resolve(name)?.prefLabel == name, "\(name) should resolve to itself")
            }
        }
    }

    @Test func everyCoreClassHasABiolinkCategory() {
        for c in EntityClass.core {
            #expect(Fixtures.ontology.classes[c]?.biolinkCategory?.hasPrefix("biolink:") == true, "\(c)")
        }
    }

    @Test func theEntityClassesAreTheNineOfTheSpecAndCueClassesAreVocabulary() {
        #expect(Set(Fixtures.ontology.classes.keys) == Set(EntityClass.core))
        #expect(Fixtures.ontology.vocabularyClasses
            == ["AdviceCue", "AttributionCue", "ClaimPattern", "CommonWordList", "DisclaimerCue", "ExtractionRule", "HedgeCue", "HolderCue", "ImplicitSubjectCue", "NegationCue", "OptionCue",
                "PlantAnaphor", "PseudoNegationCue", "ScopeTerminatorCue", "SymptomSourceCue", "TerminatorCue"])
        #expect(Fixtures.ontology.classes[.adverseEffect]?.parent == .condition)
    }

    @Test func everyPredicateOfTheSpecIsThereWithItsDomainRangeAndBiolinkPredicate() {
        let spec: [(String, [String], [String], String)] = [
            ("contains", ["Plant"], ["Alkaloid"], "has_part"),
            ("interacts_with", ["Plant", "Alkaloid", "Drug"], ["Receptor"], "directly_physically_interacts_with"),
            ("modulates", ["Plant", "Alkaloid"], ["Neurotransmitter"], "affects"),
            ("treats", ["Plant", "Alkaloid", "Drug", "Therapy"], ["Condition"], "treats_or_applied_or_studied_to_treat"),
            ("has_adverse_effect", ["Plant", "Alkaloid", "Drug"], ["Condition"], "has_adverse_event"),
            ("complements", ["Plant", "Drug"], ["Therapy"], "related_to"),
            ("alternative_to", ["Plant", "Alkaloid"], ["Drug"], "related_to"),
            ("warns_about", ["Agency"], ["Plant", "Alkaloid", "Condition"], "related_to"),
            ("regulates", ["Agency"], ["Plant", "Alkaloid"], "related_to"),
        ]
        #expect(Fixtures.ontology.predicates.count == spec.count)
        for (name, domain, range, biolink) in spec {
            let p = Fixtures.ontology.predicates[name]
            #expect(p?.subjectClasses.map(\.name).sorted() == domain.sorted(), "\(name)")
            #expect(p?.objectClasses.map(\.name).sorted() == range.sorted(), "\(name)")
            #expect(p?.biolink == "biolink:" + biolink, "\(name)")
            #expect((Fixtures.ontology.cues.triggers[name]?.count ?? 0) >= 10, "\(name) needs trigger phrases")
        }
    }

    @Test func theBreadthTheIssueAsksFor() {
        let byClass = Dictionary(grouping: Fixtures.ontology.entities.values, by: \.entityClass)
        func count(_ c: EntityClass) -> Int { byClass[c]?.count ?? 0 }
        #expect(count(.alkaloid) >= 10)
        #expect(count(.drug) >= 30)
        #expect(count(.condition) + count(.adverseEffect) >= 80)
        #expect(count(.therapy) >= 20)
        #expect(count(.agency) >= 15)
        let receptors = (byClass[.receptor] ?? []).map(\.prefLabel)
        for (family, subtypes) in [("opioid", ["mu-opioid receptor", "delta-opioid receptor", "kappa-opioid receptor"]),
                                   ("adrenergic", ["alpha-2A adrenergic receptor"]), ("serotonin", ["5-HT1A receptor", "5-HT2A receptor"]),
                                   ("dopamine", ["dopamine D2 receptor"]), ("cannabinoid", ["cannabinoid receptor 1", "cannabinoid receptor 2"])] {
            for subtype in subtypes { #expect(receptors.contains(subtype), "\(family): \(subtype)") }
        }
        let agencies = Set((byClass[.agency] ?? []).map(\.prefLabel))
        for international in ["WHO", "UNODC", "EMA", "Health Canada", "TGA", "MHRA"] {
            #expect(agencies.contains(international), "\(international)")
        }
    }

    @Test func theCheckerIsCleanAndItsNotesAreTheAcknowledgedCommonWords() throws {
        let report = try OntologyChecker().check(directories: [Fixtures.ontologyDirectory])
        #expect(report.findings.filter { $0.severity != .note }.map(\.description) == [])
        let acknowledged = Fixtures.ontology.ambiguousLabels.values.flatMap { $0 }.sorted()
        #expect(acknowledged == [
            "WHO", "abuse", "alcohol", "anxiety", "confused", "death", "dependent", "depression", "diet", "exercise", "pain",
            "stress",
        ])
        #expect(report.count(.note) == acknowledged.count)
        #expect(Fixtures.ontology.commonWords.count > 4000)
    }

    @Test func theSpecsExampleIdentifiersResolve() {
        let o = Fixtures.ontology
        #expect(o.resolve("CHEBI:6956")?.id == "mitragynine")
        #expect(o.resolve("MESH:D005356")?.id == "fibromyalgia")
        #expect(o.resolve("HGNC:8156")?.id == "mu-opioid-receptor")
        #expect(o.resolve("mge:kratom")?.id == "kratom")
    }

    @Test(.enabled(if: Fixtures.sharedDirectory != nil))
    func everyIdentifierIsOneThatSharedOntologyIdsLists() throws {
        let listed = try String(contentsOfFile: Fixtures.sharedDirectory! + "/ontology-ids.md", encoding: .utf8).uppercased()
        for entity in Fixtures.ontology.sortedEntities {
            for id in entity.exactMatches + entity.closeMatches {
                #expect(listed.contains(id.uppercased()), "\(entity.id): \(id) is not in shared/ontology-ids.md")
            }
        }
    }
}

/// Issue 11 point 12: ontology faults are errors with file:line:column.
@Suite struct OntologyFaultTests {
    typealias F = OntologyFixtures

    func error(_ extra: String) -> OntologyError? {
        F.loadError([F.folder(["schema.ttl": F.schema, "bad.ttl": F.header + extra])])
    }

    @Test func point12_aSubClassOfCycleIsAnErrorWithItsPlace() throws {
        let e = try #require(error("mg:Alpha a owl:Class ; rdfs:subClassOf mg:Beta .\nmg:Beta a owl:Class ; rdfs:subClassOf mg:Alpha .\n"))
        #expect(e.message.contains("cycle") && e.file.hasSuffix("bad.ttl") && e.line == 9 && e.column == 1, "\(e)")
    }

    @Test func point12_anEmptyOrBlankPrefLabelIsAnError() throws {
        for label in ["", "   "] {
            let e = try #require(error("mge:zorb a skos:Concept, mg:Condition ;\n    skos:prefLabel \"\(label)\" .\n"))
            #expect(e.message.contains("empty skos:prefLabel") && e.line == 10 && e.column == 20, "\(e)")
        }
    }

    @Test func point12_aNULInALabelIsAnError() throws {
        let e = try #require(error("mge:zorb a skos:Concept, mg:Condition ;\n    skos:prefLabel \"zo\\u0000rb\" .\n"))
        #expect(e.message.contains("NUL") && e.line == 9, "\(e)")
    }

    @Test func point12_anUndefinedPrefixSaysWhere() throws {
        let e = try #require(error("mge:zorb a skos:Concept, mg:Condition ;\n    skos:prefLabel \"zorb\" ; skos:exactMatch nowhere:Z1 .\n"))
        #expect(e.message.contains("undefined prefix") && e.line == 10 && e.column == 45, "\(e)")
    }
}
