@testable import MitraCLI
import Testing

/// The help of `mitragraph ontology` and its subcommands, word for word.
@Suite struct OntologyHelpTests {
    @Test func ontologyGroupHelp() {
        #expect(MitragraphCommand.helpMessage(for: OntologyCommand.self, columns: 100) == """
            OVERVIEW: Check the ontology, or show an entity with all its labels and identifiers.

            The ontology is the folder of Turtle files that names every entity the extractor can find. Add your
            own entities and synonyms in a folder of your own and layer it over the shipped one with --ontology
            DIR (see ontology/README.md).

            Examples:
              mitragraph ontology check
              mitragraph ontology check --ontology my-ontology/ --json
              mitragraph ontology show mitragynine
              mitragraph ontology show MESH:D005356

            USAGE: mitragraph ontology <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              check                   Check the ontology for unknown classes, shared labels and risky labels.
              show                    Show an entity with its class, all its labels and its identifiers.

              See 'mitragraph help ontology <subcommand>' for detailed help.
            """)
    }

    @Test func checkHelp() {
        #expect(MitragraphCommand.helpMessage(for: OntologyCheckCommand.self, columns: 100) == """
            OVERVIEW: Check the ontology for unknown classes, shared labels and risky labels.

            Errors: a malformed file, an entity whose class is unknown or missing, an entity without a
            preferred label, a label or exact-match identifier that two entities share, a predicate whose
            domain or range names a missing class, files that define one thing differently, a negation cue
            without a valid scope, rule data that names no rule of the extractor or (when the folders describe
            rules) a rule without its data. Warnings: a label that is a common English word (acknowledge it
            with mg:ambiguousLabel to make it a note). Prints one line per finding, then the entities, labels
            and identifiers per class. Exit status: 0 without errors (warnings allowed), 65 with errors, 66 a
            missing folder.

            Examples:
              mitragraph ontology check
              mitragraph ontology check --ontology my-ontology/
              mitragraph ontology check --no-default-ontology --ontology only-mine/ --json

            USAGE: mitragraph ontology check [--ontology <dir> ...] [--no-default-ontology] [--json]

            OPTIONS:
              --ontology <dir>        An ontology folder or .ttl file to layer over the shipped ontology
                                      (repeatable).
              --no-default-ontology   Use only the --ontology folders, not the shipped ontology.
              --json                  Print the report as JSON.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }

    @Test func showHelp() {
        #expect(MitragraphCommand.helpMessage(for: OntologyShowCommand.self, columns: 100) == """
            OVERVIEW: Show an entity with its class, all its labels and its identifiers.

            NAME is any label (case, dashes and µ/μ do not matter), an id, or a CURIE such as mge:kratom or an
            external identifier (MESH:D005356). An unknown name exits 65 and suggests the nearest labels.

            Examples:
              mitragraph ontology show kratom
              mitragraph ontology show "μ-opioid receptor"
              mitragraph ontology show CHEBI:17303 --json

            USAGE: mitragraph ontology show [--ontology <dir> ...] [--no-default-ontology] [--json] <name>

            ARGUMENTS:
              <name>                  A label, id or CURIE of the entity.

            OPTIONS:
              --ontology <dir>        An ontology folder or .ttl file to layer over the shipped ontology
                                      (repeatable).
              --no-default-ontology   Use only the --ontology folders, not the shipped ontology.
              --json                  Print the entity as JSON.
              --version               Show the version.
              -h, --help              Show help information.

            """)
    }

    @Test func theRootHelpListsTheOntologyCommand() {
        #expect(MitragraphCommand.helpMessage(columns: 100).contains(
            "  ontology                Check the ontology, or show an entity with all its labels and identifiers."))
    }
}
