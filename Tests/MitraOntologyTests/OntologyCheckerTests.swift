import Foundation
import MitraModel
import MitraOntology
import MitraTestSupport
import Testing

@Suite struct OntologyCheckerTests {
    typealias F = OntologyFixtures

    func check(_ files: [String: String]) throws -> (OntologyReport, String) {
        let dir = F.folder(files)
        return (try OntologyChecker().check(directories: [dir]), dir)
    }

    @Test func aCleanOntologyHasNoFindings() throws {
        let (report, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea" ; skos:altLabel "queasiness" .
            """])
        #expect(report.findings == [])
        #expect(report.passed)
        let stats = try #require(report.statistics)
        #expect(stats.total.entities == 2)
        #expect(stats.total.labels == 3)
        #expect(stats.classes.map(\.entityClass) == ["AdverseEffect", "Condition", "Plant"])
        #expect(stats.classes.map(\.entities) == [1, 0, 1])
        #expect(report.text.hasSuffix("0 errors, 0 warnings, 0 notes\n"))
    }

    @Test func oneDuplicateLabelNamesBothEntitiesAndFiles() throws {
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea" ; skos:altLabel "Kratom" .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:9:87: error: label \"Kratom\" of 'nausea' (AdverseEffect, \(dir)/z.ttl) is also a label of "
                + "'kratom' (Plant, \(dir)/schema.ttl) as \"kratom\"; a label belongs to one entity",
        ])
        #expect(report.findings.first?.kind == .duplicateLabel)
        #expect(!report.passed)
        #expect(report.text.hasSuffix("1 error, 0 warnings, 0 notes\n"))
    }

    @Test func aLabelRepeatedWithinOneEntityIsNotShared() throws {
        let (report, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:mor a skos:Concept, mg:Condition ; skos:prefLabel "mu-opioid receptor" ; skos:altLabel "μ-opioid receptor" .
            """])
        #expect(report.findings == [])
    }

    @Test func manyFindingsComeInFileOrderWithTheirSeverities() throws {
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:stress a skos:Concept, mg:Condition ; skos:prefLabel "stress" .
            mge:who a skos:Concept, mg:Condition ; skos:prefLabel "WHO" ; mg:ambiguousLabel "WHO", "World Health" .
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea" ; skos:exactMatch MESH:D009325 .
            mge:vomiting a skos:Concept, mg:AdverseEffect ; skos:prefLabel "vomiting" ; skos:altLabel "nausea" ;
                skos:exactMatch MESH:D009325 .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:9:58: warning: label \"stress\" of 'stress' is a common English word and will match ordinary "
                + "prose; remove it, or acknowledge it with mg:ambiguousLabel \"stress\"",
            "\(dir)/z.ttl:10:55: note: label \"WHO\" of 'who' is a common English word (acknowledged with mg:ambiguousLabel)",
            "\(dir)/z.ttl:10:88: warning: 'who' acknowledges mg:ambiguousLabel \"World Health\" but has no such label",
            "\(dir)/z.ttl:12:91: error: label \"nausea\" of 'vomiting' (AdverseEffect, \(dir)/z.ttl) is also a label of "
                + "'nausea' (AdverseEffect, \(dir)/z.ttl); a label belongs to one entity",
            "\(dir)/z.ttl:13:21: error: identifier MESH:D009325 is the skos:exactMatch of 'nausea' (\(dir)/z.ttl) and "
                + "'vomiting' (\(dir)/z.ttl); make it the exactMatch of one and a skos:closeMatch of the other",
        ])
        #expect(report.count(.error) == 2 && report.count(.warning) == 2 && report.count(.note) == 1)
        #expect(report.text.hasSuffix("2 errors, 2 warnings, 1 note\n"))
    }

    @Test func aLabelThatIsAlsoACuePhraseIsAWarning() throws {
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:relief a skos:Concept, mg:Condition ; skos:prefLabel "pain relief" ; skos:altLabel "Relief-From" .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:9:88: warning: label \"Relief-From\" of 'relief' is also a trigger of 'treats'; "
                + "the same words would be read two ways",
        ])
        #expect(report.passed)
    }

    @Test func loaderErrorsAreFindingsAndDoNotStopTheCheck() throws {
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:x a skos:Concept, mg:Fungus ; skos:prefLabel "x" .
            mge:y a skos:Concept, mg:Plant .
            mge:z a skos:Concept, mg:Plant ; skos:prefLabel "kratom" .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:9:1: error: entity 'x' has the unknown class 'mg:Fungus'; known classes: AdverseEffect, Condition, Plant",
            "\(dir)/z.ttl:10:1: error: entity 'y' has no skos:prefLabel",
            "\(dir)/z.ttl:11:49: error: label \"kratom\" of 'z' (Plant, \(dir)/z.ttl) is also a label of 'kratom' "
                + "(Plant, \(dir)/schema.ttl); a label belongs to one entity",
        ])
    }

    @Test func aMalformedFileIsTheOnlyFinding() throws {
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + "mge:x a skos:Concept ;\n"])
        #expect(report.findings.map(\.description) == ["\(dir)/z.ttl:10:1: error: unexpected end of file"])
        #expect(report.statistics == nil)
        #expect(report.text == "\(dir)/z.ttl:10:1: error: unexpected end of file\n1 error, 0 warnings, 0 notes\n")
    }

    @Test func aMissingFolderThrows() {
        #expect(throws: OntologyError.self) { try OntologyChecker().check(directories: ["/nonexistent/ontology"]) }
    }

    @Test func theJSONReportHasTheFindingsAndTheCounts() throws {
        let (report, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:stress a skos:Concept, mg:Condition ; skos:prefLabel "stress" .
            """])
        let object = try #require(JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == true)
        #expect(object["warnings"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["kind"] as? String == "commonWord")
        #expect(findings.first?["severity"] as? String == "warning")
        let statistics = try #require(object["statistics"] as? [String: Any])
        let total = try #require(statistics["total"] as? [String: Any])
        #expect(total["entities"] as? Int == 2)
        let classes = try #require(statistics["classes"] as? [[String: Any]])
        #expect(classes.compactMap { $0["class"] as? String } == ["AdverseEffect", "Condition", "Plant"])
    }

    @Test func theCountsTableIsAlignedAndTotalled() throws {
        let (report, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mge:nausea a skos:Concept, mg:AdverseEffect ; skos:prefLabel "nausea" ; skos:altLabel "queasiness" ;
                skos:hiddenLabel "nausia" ; skos:exactMatch MESH:D009325 ; skos:closeMatch CHEBI:1 .
            """])
        let stats = try #require(report.statistics)
        #expect(stats.text == """
            class          entities  prefLabel  altLabel  hiddenLabel  labels  exactMatch  closeMatch
            AdverseEffect         1          1         1            1       3           1           1
            Condition             0          0         0            0       0           0           0
            Plant                 1          1         0            0       1           0           0
            total                 2          2         1            1       4           1           1
            4 distinct labels after normalization; exactMatch on 1 of 2 entities
            1 predicates, 1 trigger phrases, 1 negation, 1 hedge, 0 plant-anaphor and 0 implicit-subject phrases; 3 common words; 2 files

            """)
    }

    @Test func ruleDataMustNameRegisteredRulesAndEachRuleNeedsItsData() throws {
        let dir = F.folder(["schema.ttl": F.schema, "rules.ttl": F.header + """
            mg:rule-a a mg:ExtractionRule ; mg:ruleID "alpha" ; mg:order 10 ; mg:window 0 ; mg:confidence 0.5 .
            mg:rule-z a mg:ExtractionRule ; mg:ruleID "zeta" ; mg:order 20 ; mg:window 0 ; mg:confidence 0.5 .
            """])
        let report = try OntologyChecker(registeredRules: ["alpha", "beta"]).check(directories: [dir])
        #expect(report.findings.map(\.description) == [
            "\(dir)/rules.ttl: error: the extractor's rule 'beta' has no mg:ExtractionRule data (mg:ruleID \"beta\")",
            "\(dir)/rules.ttl:10:33: error: rule 'zeta' names no rule of the extractor; the rules are 'alpha', 'beta'",
        ])
        #expect(!report.passed)
        let matching = try OntologyChecker(registeredRules: ["alpha", "zeta"]).check(directories: [dir])
        #expect(matching.findings == [])
    }

    @Test func anOntologyWithoutRuleDataIsNotAskedForIt() throws {
        let dir = F.folder(["schema.ttl": F.schema])
        let report = try OntologyChecker(registeredRules: ["alpha"]).check(directories: [dir])
        #expect(report.findings == [])
    }

    @Test func aScopeTerminatorsTagsAreChecked() throws {
        let (clean, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mg:ScopeTerminatorCue a owl:Class .
            mg:stop a mg:ScopeTerminatorCue ; mg:phrase "and" ; mg:verbTag "VERB", "AUX" ; mg:nonFiniteTag "VB" ; mg:skipTag "ADV" .
            """])
        #expect(clean.findings == [])
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mg:ScopeTerminatorCue a owl:Class .
            mg:stop a mg:ScopeTerminatorCue ; mg:phrase "and" ; mg:verbTag "VERB", "VBZ" ; mg:nonFiniteTag "VERB" .
            mg:empty a mg:ScopeTerminatorCue ; mg:phrase "or" .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:10:1: error: scope terminator mg:stop: mg:verbTag and mg:skipTag take Universal Dependencies tags "
                + "(VERB, AUX, ADV, …), not VBZ; mg:nonFiniteTag takes Penn Treebank tags (VB, VBG, …), not VERB",
            "\(dir)/z.ttl:11:1: error: scope terminator mg:empty has no mg:verbTag",
        ])
    }

    @Test func theShippedScopeTerminatorLoads() {
        #expect(Fixtures.ontology.cues.scopeTerminators == [
            ScopeTerminator(
                coordinators: ["and", "or", "but"], verbTags: ["VERB", "AUX"], nonFiniteTags: ["VB", "VBG"], skipTags: ["ADV"],
                ends: [.negation, .hedge]),
        ])
    }

    @Test func aScopeTerminatorNamesWhoseScopesItEnds() throws {
        let (defaulted, _) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mg:ScopeTerminatorCue a owl:Class .
            mg:stop a mg:ScopeTerminatorCue ; mg:phrase "and" ; mg:verbTag "VERB" .
            """])
        #expect(defaulted.findings == [])
        let (report, dir) = try check(["schema.ttl": F.schema, "z.ttl": F.header + """
            mg:ScopeTerminatorCue a owl:Class .
            mg:stop a mg:ScopeTerminatorCue ; mg:phrase "and" ; mg:verbTag "VERB" ; mg:ends "hedge", "advice" .
            """])
        #expect(report.findings.map(\.description) == [
            "\(dir)/z.ttl:10:1: error: scope terminator mg:stop: mg:ends takes negation, hedge, not advice"
        ])
    }
}
