import Foundation
@testable import MitraCLI
import MitraTestSupport
import Testing

@Suite struct ExportHelpTests {
    @Test func exportHelpListsFormatsAndExamples() {
        #expect(ExportCommand.helpMessage(columns: 100) == """
            OVERVIEW: Export the graph as DOT, GraphML, RDF, KGX, CSV or JSON.

            Formats and what --output names:
              dot       a Graphviz file (render it with `mitragraph render`)
              graphml   a GraphML file for networkx, igraph, Gephi, Cytoscape, yEd
              ntriples  an N-Triples file: the ontology, the edges, and every claim with
              turtle    a Turtle file    its document, sentence and spans
              kgx       a folder with nodes.jsonl, edges.jsonl (one per claim), mentions.jsonl
              csv       a folder with nodes.csv and edges.csv
              json      a file {"nodes": [...], "edges": [...]}

            Examples:
              mitragraph export --format graphml --output output/kratom.graphml
              mitragraph export --format turtle --output output/kratom.ttl
              mitragraph export --store kg.sqlite --format kgx --output kgx/
              mitragraph export --format csv --output output/tables
              mitragraph export --format graphml --query 'kratom has_adverse_effect ?e' --output effects.graphml

            USAGE: export [--store <file>] [--query <query>] [--timeout <seconds>] [--format <format>] --output <path> [--layout <layout>] [--all-entities]

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --query <query>         Restrict the output to the entities and edges of this query's result.
              --timeout <seconds>     Stop the --query after this many seconds.
              --format <format>       The output format (default: the --output extension: .dot, .graphml, .nt,
                                      .ttl, .json). (values: dot, graphml, ntriples, turtle, kgx, csv, json)
              -o, --output <path>     The output file or folder.
              --layout <layout>       The Graphviz layout a DOT file is tuned for. (values: dot, neato, fdp,
                                      sfdp, circo; default: dot)
              --all-entities          In DOT and GraphML, include entities that have no edge too.
              -h, --help              Show help information.

            """)
    }

    @Test func renderHelpListsFormatsLayoutsAndExamples() {
        #expect(RenderCommand.helpMessage(columns: 100) == """
            OVERVIEW: Draw the graph as SVG, PNG or PDF.

            Entities are shaped and coloured by class (see the legend); edges are labelled by predicate, wider
            with more supporting documents, dashed when hedged, red when contested, purple and dotted with a
            bar when only denied. In SVG, hovering shows external ids and evidence counts. Without --output,
            writes output/kratom.FORMAT; without --format, the --output extension decides, and a --format that
            contradicts it is refused.

            Examples:
              mitragraph render
              mitragraph render --format png --output output/kratom.png
              mitragraph render --store kg.sqlite --layout sfdp --output kg.pdf
              mitragraph render --query 'neighbors kratom depth 1' --output kratom-1.svg

            USAGE: render [--store <file>] [--query <query>] [--timeout <seconds>] [--format <format>] [--layout <layout>] [--output <path>] [--all-entities]

            OPTIONS:
              --store <file>          The store file. (default: output/kratom.sqlite)
              --query <query>         Restrict the output to the entities and edges of this query's result.
              --timeout <seconds>     Stop the --query after this many seconds.
              --format <format>       The image format (default: the --output extension, else svg). (values:
                                      svg, png, pdf)
              --layout <layout>       The Graphviz layout engine. (values: dot, neato, fdp, sfdp, circo;
                                      default: dot)
              -o, --output <path>     The image file (default: output/kratom.FORMAT).
              --all-entities          Draw entities that have no edge too.
              -h, --help              Show help information.

            """)
    }

    @Test func rootHelpListsRender() {
        #expect(MitragraphCommand.helpMessage(columns: 100).contains("  render                  Draw the graph as SVG, PNG or PDF."))
    }
}

/// The export and render commands end to end on a store built from the sample corpus.
@Suite struct ExportCommandTests {
    static func store() throws -> (String, String) {
        let dir = Fixtures.temporaryDirectory("mitragraph-cli-export")
        let store = dir + "/kg.sqlite"
        try BuildCommand.parse(["--quiet", "--store", store, Fixtures.corpusDirectory]).run()
        return (store, dir)
    }

    @Test func writesEveryFormatWhereOutputSays() throws {
        let (store, dir) = try Self.store()
        let outputs: [(String, String)] = [
            ("dot", "g.dot"), ("graphml", "g.graphml"), ("ntriples", "g.nt"), ("turtle", "g.ttl"), ("kgx", "kgx"),
            ("csv", "csv"), ("json", "g.json"),
        ]
        for (format, name) in outputs {
            try ExportCommand.parse(["--store", store, "--format", format, "--output", dir + "/" + name]).run()
        }
        let fm = FileManager.default
        for file in ["g.dot", "g.graphml", "g.nt", "g.ttl", "kgx/nodes.jsonl", "kgx/edges.jsonl", "kgx/mentions.jsonl",
                     "csv/nodes.csv", "csv/edges.csv", "g.json"] {
            let size = (try? fm.attributesOfItem(atPath: dir + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 100, "\(file) is missing or empty")
        }
        #expect(try String(contentsOfFile: dir + "/g.dot", encoding: .utf8).hasPrefix("digraph mitragraph {"))
    }

    @Test func rendersEachImageFormat() throws {
        let (store, dir) = try Self.store()
        try RenderCommand.parse(["--store", store, "--output", dir + "/g.svg"]).run()
        try RenderCommand.parse(["--store", store, "--format", "png", "--layout", "sfdp", "--output", dir + "/g.png"]).run()
        try RenderCommand.parse(["--store", store, "--format", "pdf", "--output", dir + "/g.pdf"]).run()
        #expect(try String(contentsOfFile: dir + "/g.svg", encoding: .utf8).contains("<svg"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.pdf")).starts(with: Array("%PDF-".utf8)))
    }
}
