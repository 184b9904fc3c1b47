import ArgumentParser
import Foundation
import MitraExtraction
import MitraOntology

/// `mitragraph ontology`: checks the ontology and shows what it says about an entity.
struct OntologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ontology",
        abstract: "Check the ontology, or show an entity with all its labels and identifiers.",
        discussion: """
            The ontology is the folder of Turtle files that names every entity the extractor can \
            find. Add your own entities and synonyms in a folder of your own and layer it over the \
            shipped one with --ontology DIR (see ontology/README.md).

            Examples:
              mitragraph ontology check
              mitragraph ontology check --ontology my-ontology/ --json
              mitragraph ontology show mitragynine
              mitragraph ontology show MESH:D005356
            """,
        subcommands: [OntologyCheckCommand.self, OntologyShowCommand.self])
}

/// `mitragraph ontology check`: lists errors and risks in the ontology and counts what it holds.
struct OntologyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the ontology for unknown classes, shared labels and risky labels.",
        discussion: """
            Errors: a malformed file, an entity whose class is unknown or missing, an entity \
            without a preferred label, a label or exact-match identifier that two entities share, \
            a predicate whose domain or range names a missing class, files that define one thing \
            differently, a negation cue without a valid scope, rule data that names no rule of the \
            extractor or (when the folders describe rules) a rule without its data. Warnings: a \
            label that is a common English word (acknowledge it with mg:ambiguousLabel to make it \
            a note). Prints one line per finding, then the entities, labels and identifiers per \
            class. \
            Exit status: 0 without errors (warnings allowed), 65 with errors, 66 a missing folder.

            Examples:
              mitragraph ontology check
              mitragraph ontology check --ontology my-ontology/
              mitragraph ontology check --no-default-ontology --ontology only-mine/ --json
            """)

    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let report = try OntologyChecker(registeredRules: Extractor.ruleIDs).check(directories: ontologyOptions.directories())
            print(json ? report.json : report.text, terminator: json ? "\n" : "")
            if !report.passed { throw Exit.badInput }
        }
    }
}

/// `mitragraph ontology show NAME`: an entity with its class, labels and identifiers.
struct OntologyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an entity with its class, all its labels and its identifiers.",
        discussion: """
            NAME is any label (case, dashes and µ/μ do not matter), an id, or a CURIE such as \
            mge:kratom or an external identifier (MESH:D005356). An unknown name exits 65 and \
            suggests the nearest labels.

            Examples:
              mitragraph ontology show kratom
              mitragraph ontology show "μ-opioid receptor"
              mitragraph ontology show CHEBI:17303 --json
            """)

    @OptionGroup var ontologyOptions: OntologyOptions

    @Flag(name: .long, help: "Print the entity as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("A label, id or CURIE of the entity.", valueName: "name"))
    var name: String

    func run() throws {
        try reportingErrors {
            let ontology = try ontologyOptions.load()
            guard let entity = ontology.resolve(name) else {
                let near = NameSuggester(ontology: ontology).suggestions(for: name)
                let hint = near.isEmpty
                    ? "" : "; did you mean " + near.map { "\"\($0.label)\" (\($0.entity.curie))" }.joined(separator: ", ") + "?"
                throw CLIError.badInput("no entity is named '\(name)'\(hint)")
            }
            let sheet = EntitySheet(entity, in: ontology)
            print(json ? sheet.json : sheet.text, terminator: json ? "\n" : "")
        }
    }
}
