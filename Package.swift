// swift-tools-version:6.1
import PackageDescription

// Layers depend one way: model → RDF I/O → ontology → ingest → extraction → store → build →
// query → export → SPARQL compiler → remote → REPL → CLI; the store sits on the model, RDF and ontology only, and builds
// (ingest + extraction + store) are orchestrated above it; the SPARQL compiler needs only the model. Only the C-wrapping targets (C*) and the few types that own their
// pointers touch C.
let package = Package(
    name: "mitragraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mitragraph", targets: ["mitragraph"]),
        .library(name: "MitraGraph", targets: ["MitraCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian, each wrapped by a module map and a shim header.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CSerd", pkgConfig: "serd-0", providers: [.apt(["libserd-dev"])]),
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        .target(name: "MitraModel"),
        .target(name: "MitraRDF", dependencies: ["MitraModel", "CSerd"]),
        .target(name: "MitraOntology", dependencies: ["MitraModel", "MitraRDF"]),
        // Part-of-speech tags, lemmas and noun-phrase chunks under the extraction rules.
        .target(name: "MitraLanguage"),
        .target(name: "MitraIngest", dependencies: ["MitraModel", "CLibXML2"]),
        .target(name: "MitraExtraction", dependencies: ["MitraModel", "MitraOntology", "MitraIngest", "MitraLanguage"]),
        .target(name: "MitraStore", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "MitraBuild", dependencies: ["MitraModel", "MitraOntology", "MitraIngest", "MitraExtraction", "MitraStore"]),
        .target(name: "MitraQuery", dependencies: ["MitraModel", "MitraStore"]),
        .target(name: "MitraExport", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology", "MitraStore", "CLibXML2", "CGraphviz",
        ]),
        // The query language compiled to SPARQL 1.1, and the remote runs of the other commands:
        // only the syntax tree and the vocabulary, names resolved through `QueryNames`.
        .target(name: "MitraSPARQL", dependencies: ["MitraModel"]),
        .target(name: "MitraRemote", dependencies: ["MitraModel", "MitraStore", "MitraQuery", "MitraExport", "MitraSPARQL"]),
        .target(name: "MitraREPL", dependencies: ["MitraModel", "MitraStore", "MitraQuery", "MitraExport", "CEdit"]),
        .target(name: "MitraCLI", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology", "MitraIngest", "MitraExtraction", "MitraStore", "MitraBuild",
            "MitraQuery", "MitraExport", "MitraREPL", "MitraRemote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "mitragraph", dependencies: ["MitraCLI"]),
        // The query-language fuzzer `make fuzz` runs (not part of `make test`).
        .executableTarget(name: "mitragraph-fuzz-query", dependencies: ["MitraModel", "MitraOntology", "MitraStore", "MitraBuild", "MitraQuery"],
                          path: "Tests/MitraQueryFuzz"),
        // Trains the tagger's shipped model and measures it (`make tagger-model`, `make tagger-eval`).
        .executableTarget(name: "mitragraph-tagger", dependencies: ["MitraLanguage"]),

        .target(name: "MitraTestSupport", dependencies: ["MitraModel", "MitraOntology"], path: "Tests/MitraTestSupport"),
        .testTarget(name: "MitraModelTests", dependencies: ["MitraModel"]),
        .testTarget(name: "MitraRDFTests", dependencies: ["MitraModel", "MitraRDF", "MitraTestSupport"]),
        .testTarget(name: "MitraOntologyTests", dependencies: ["MitraModel", "MitraRDF", "MitraOntology", "MitraTestSupport"]),
        .testTarget(name: "MitraLanguageTests", dependencies: ["MitraLanguage", "MitraTestSupport"]),
        .testTarget(name: "MitraIngestTests", dependencies: ["MitraModel", "MitraIngest", "MitraTestSupport"]),
        .testTarget(name: "MitraExtractionTests", dependencies: ["MitraModel", "MitraOntology", "MitraExtraction", "MitraTestSupport"]),
        .testTarget(name: "MitraStoreTests", dependencies: [
            "MitraModel", "MitraOntology", "MitraRDF", "MitraStore", "MitraBuild", "MitraQuery", "MitraTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .testTarget(
            name: "MitraQueryTests",
            dependencies: [
                "MitraModel", "MitraOntology", "MitraQuery", "MitraStore", "MitraBuild", "MitraExtraction", "MitraTestSupport",
            ],
            exclude: ["Benchmark"]),
        .testTarget(name: "MitraExportTests", dependencies: [
            "MitraModel", "MitraOntology", "MitraExport", "MitraExtraction", "MitraRDF", "MitraStore", "MitraBuild",
            "MitraTestSupport", "CLibXML2",
        ], exclude: ["Golden"]),
        .testTarget(name: "MitraREPLTests", dependencies: ["MitraREPL", "MitraTestSupport"]),
        .testTarget(name: "MitraSPARQLTests", dependencies: ["MitraSPARQL", "MitraQuery", "MitraModel", "MitraTestSupport"]),
        .testTarget(name: "MitraRemoteTests", dependencies: [
            "MitraRemote", "MitraStore", "MitraQuery", "MitraModel", "MitraTestSupport",
        ], exclude: ["Stub"]),
                .testTarget(name: "MitraCLITests", dependencies: [
            "MitraModel", "MitraOntology", "MitraCLI", "MitraTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)
