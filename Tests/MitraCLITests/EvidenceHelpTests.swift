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
            ontology (treats, has_adverse_effect, contains, ...). An unknown name is an
            error (exit 65) that suggests the nearest names.

            Examples:
              mitragraph evidence kratom treats "chronic pain"
              mitragraph evidence kratom has_adverse_effect dependence --store kg.sqlite
              mitragraph evidence mitragynine interacts_with "mu-opioid receptor" --json

            USAGE: mitragraph evidence [--store <file>] [--json] <subject> <predicate> <object>

            ARGUMENTS:
              <subject>               The subject entity.
              <predicate>             The predicate.
              <object>                The object entity.

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --json                  Print the claims as JSON.
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
}
