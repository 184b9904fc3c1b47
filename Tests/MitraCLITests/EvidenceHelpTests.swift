@testable import MitraCLI
import MitraModel
import MitraOntology
import Testing

@Suite struct EvidenceHelpTests {
    @Test func helpIsExactlyThis() {
        let help = MitragraphCommand.helpMessage(for: EvidenceCommand.self, columns: 80)
        #expect(help == """
            OVERVIEW: Show the sentences behind an edge: each claim's document, polarity,
            rule and confidence.

            SUBJECT and OBJECT are entity names (any label, an id such as mge:kratom, or an
            external identifier such as MESH:D059350); PREDICATE is a predicate of the
            ontology (treats, has_adverse_effect, contains, ...), in any case, or spaced as
            the pictures show it ("has adverse effect"). Any of the three may be a
            ?variable, for the evidence behind every edge that fits; --where adds
            conditions (a source = … there also picks the claims). An unknown name is an
            error (exit 65) that suggests the nearest names. --json prints the rows in the
            schema every evidence output shares: subject, predicate, object, document,
            title, url, sentence_index, polarity, certainty, rule, confidence,
            subject_span, object_span, sentence.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence kratom "has adverse effect" nausea
              mitragraph evidence mitragynine interacts_with "mu-opioid receptor" --json
              mitragraph evidence mitragynine interacts_with ?r --where 'source = "a.txt"'

            USAGE: mitragraph evidence [--store <file>] [--json] <subject> <predicate> <object> [--where <conditions>]

            ARGUMENTS:
              <subject>               The subject entity.
              <predicate>             The predicate.
              <object>                The object entity.

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --json                  Print the claims as JSON.
              --where <conditions>    Conditions on the edges and claims, as after a
                                      query's where (source = "a.txt", hedged, support >=
                                      2).
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
}
