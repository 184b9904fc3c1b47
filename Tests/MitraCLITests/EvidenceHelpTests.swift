@testable import MitraCLI
import MitraModel
import MitraOntology
import MitraTestSupport
import Foundation
import Testing

@Suite struct EvidenceHelpTests {
    @Test func helpIsExactlyThis() {
        let help = MitragraphCommand.helpMessage(for: EvidenceCommand.self, columns: 80)
        #expect(help == """
            OVERVIEW: Show the sentences behind an edge: each claim's document, polarity,
            holder, rule and confidence.

            SUBJECT and OBJECT are entity names (any label, an id such as mge:kratom, or an
            external identifier such as MESH:D059350); PREDICATE is a predicate of the
            ontology (treats, has_adverse_effect, contains, ...), in any case, or spaced as
            the pictures show it ("has adverse effect"). Any of the three may be a
            ?variable, for the evidence behind every edge that fits; --where adds
            conditions (a source = … or holder = … there also picks the claims). A claim's
            holder is who the text says holds it ("the FDA says", "users report"), shown as
            "held by". An unknown name is an error (exit 65) that suggests the nearest
            names. --json prints the rows in the schema every evidence output shares:
            subject, predicate, object, document, title, url, sentence_index, polarity,
            certainty, holder, rule, confidence, subject_span, object_span, sentence.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence kratom "has adverse effect" nausea
              mitragraph evidence mitragynine interacts_with "mu-opioid receptor" --json
              mitragraph evidence mitragynine interacts_with ?r --where 'source = "a.txt"'
              mitragraph evidence kratom has_adverse_effect ?e --where 'holder = "FDA"'

            USAGE: mitragraph evidence [--store <file>] [--json] <subject> <predicate> <object> [--where <conditions>]

            ARGUMENTS:
              <subject>               The subject entity.
              <predicate>             The predicate.
              <object>                The object entity.

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --json                  Print the claims as JSON.
              --where <conditions>    Conditions on the edges and claims, as after a
                                      query's where (source = "a.txt", holder = "FDA",
                                      hedged, support >= 2).
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }

    @Test func rootHelpListsEvidence() {
        #expect(MitragraphCommand.helpMessage(columns: 100).contains("evidence"))
    }

    static let ontology = Ontology(entities: [
        "kratom": Entity(id: "kratom", iri: "mge:kratom", prefLabel: "kratom", altLabels: ["ketum"], entityClass: .plant),
        "chronic-pain": Entity(id: "chronic-pain", iri: "mge:chronic-pain", prefLabel: "chronic pain", entityClass: .condition),
        "fibromyalgia": Entity(id: "fibromyalgia", iri: "mge:fibromyalgia", prefLabel: "fibromyalgia", entityClass: .condition),
    ])

    @Test func knownNamesResolveByAnyLabel() throws {
        #expect(try EvidenceCommand.entity("Ketum", in: Self.ontology).id == "kratom")
    }

    @Test func unknownNameSuggestsTheNearest() {
        #expect(EvidenceCommand.nearestNames(to: "kratomm", in: Self.ontology) == ["kratom"])
        #expect(EvidenceCommand.nearestNames(to: "fibromyalga", in: Self.ontology) == ["fibromyalgia"])
        #expect(EvidenceCommand.nearestNames(to: "zzzzzzzzzz", in: Self.ontology).isEmpty)
        #expect(throws: CLIError.self) { try EvidenceCommand.entity("kratomm", in: Self.ontology) }
    }

    static let predicates = Ontology(predicates: [
        "treats": Relation(name: "treats", iri: "mge:treats", biolink: "biolink:treats", subjectClasses: [.plant], objectClasses: [.condition]),
        "has_adverse_effect": Relation(name: "has_adverse_effect", iri: "mge:has_adverse_effect", biolink: "biolink:has_adverse_event",
                                       subjectClasses: [.plant], objectClasses: [.condition]),
    ])

    /// Predicates as `query` takes them, and as the pictures label them.
    @Test func predicatesByNameSpacedOrNear() throws {
        #expect(try EvidenceCommand.predicateName("has adverse effect", in: Self.predicates) == "has_adverse_effect")
        #expect(try EvidenceCommand.predicateName("Has-Adverse-Effect", in: Self.predicates) == "has_adverse_effect")
        #expect(try EvidenceCommand.predicateName("mge:treats", in: Self.predicates) == "treats")
        #expect(throws: CLIError.self) { try EvidenceCommand.predicateName("treat", in: Self.predicates) }
        do {
            _ = try EvidenceCommand.predicateName("treat", in: Self.predicates)
        } catch {
            #expect("\(error)" == "unknown predicate \"treat\"; did you mean \"treats\"?")
        }
    }

    /// The holder in the text `evidence` prints, and `--where 'holder = …'` picking the claims.
    @Test func evidenceTextShowsTheHolder() throws {
        let binary = QueryCommandTests.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("skipped: needs \(binary) (run swift build first)")
            return
        }
        let dir = Fixtures.temporaryDirectory("mitragraph-holder-cli")
        Fixtures.write("The FDA says kratom can cause seizures.\nKratom can cause seizures.\n", to: "corpus/a.txt", in: dir)
        Fixtures.write("Users report that kratom causes seizures.\n", to: "corpus/b.txt", in: dir)
        let store = dir + "/kg.sqlite"
        #expect(try QueryCommandTests.run(["build", "--quiet", "--store", store, dir + "/corpus"]).0 == 0)
        let all = try QueryCommandTests.run(["evidence", "--store", store, "kratom", "has_adverse_effect", "seizure"])
        #expect(all.1 == """
            kratom has_adverse_effect seizure: 3 claims (3 affirmed, 0 denied)

            [1] a.txt, sentence 0: affirmed, held by FDA; rule trigger-between, confidence 0.80
                The FDA says kratom can cause seizures.

            [2] a.txt, sentence 1: affirmed; rule trigger-between, confidence 0.80
                Kratom can cause seizures.

            [3] b.txt, sentence 0: affirmed, hedged, held by users; rule trigger-between, confidence 0.80
                Users report that kratom causes seizures.

            """)
        let fda = try QueryCommandTests.run(["evidence", "--store", store, "kratom", "has_adverse_effect", "?e", "--where", "holder = \"FDA\""])
        #expect(fda.1 == """
            kratom has_adverse_effect seizure: 1 claim (1 affirmed, 0 denied)

            [1] a.txt, sentence 0: affirmed, held by FDA; rule trigger-between, confidence 0.80
                The FDA says kratom can cause seizures.

            """)
    }
}
