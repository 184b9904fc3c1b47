// swift-tools-version:6.1
import PackageDescription

// Layers depend one way: model → RDF I/O → ontology → ingest → extraction → store → query →
// export → remote → REPL → CLI. Only the C-wrapping targets (C*) and the few types that own their
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
        .target(name: "MitraExtraction", dependencies: ["MitraModel", "MitraOntology", "MitraIngest"]),
        .target(name: "MitraStore", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology", "MitraIngest", "MitraExtraction",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "MitraQuery", dependencies: [
            "MitraModel", "MitraOntology", "MitraStore",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "MitraExport", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology", "MitraStore", "MitraQuery", "CLibXML2", "CGraphviz",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "MitraRemote", dependencies: ["MitraModel", "MitraStore", "MitraQuery"]),
        .target(name: "MitraREPL", dependencies: ["MitraModel", "MitraStore", "MitraQuery", "MitraExport", "CEdit"]),
        .target(name: "MitraCLI", dependencies: [
            "MitraModel", "MitraRDF", "MitraOntology", "MitraIngest", "MitraExtraction", "MitraStore",
            "MitraQuery", "MitraExport", "MitraREPL", "MitraRemote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "mitragraph", dependencies: ["MitraCLI"]),
        // The query-language fuzzer `make fuzz` runs (not part of `make test`).
        .executableTarget(name: "mitragraph-fuzz-query", dependencies: ["MitraModel", "MitraOntology", "MitraStore", "MitraQuery"],
                          path: "Tests/MitraQueryFuzz"),
        // Trains the tagger's shipped model and measures it (`make tagger-model`, `make tagger-eval`).
        .executableTarget(name: "mitragraph-tagger", dependencies: ["MitraLanguage"]),

        .target(name: "MitraTestSupport", dependencies: ["MitraModel", "MitraOntology"], path: "Tests/MitraTestSupport"),
        .testTarget(name: "MitraModelTests", dependencies: ["MitraModel"]),
        .testTarget(name: "MitraRDFTests", dependencies: ["MitraRDF", "MitraTestSupport"]),
        .testTarget(name: "MitraOntologyTests", dependencies: ["MitraOntology", "MitraTestSupport"]),
        .testTarget(name: "MitraLanguageTests", dependencies: ["MitraLanguage", "MitraTestSupport"]),
        .testTarget(name: "MitraIngestTests", dependencies: ["MitraIngest", "MitraTestSupport"]),
        .testTarget(name: "MitraExtractionTests", dependencies: ["MitraExtraction", "MitraTestSupport"]),
        .testTarget(name: "MitraStoreTests", dependencies: [
            "MitraStore", "MitraTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(
            name: "MitraQueryTests",
            dependencies: [
                "MitraQuery", "MitraStore", "MitraExtraction", "MitraTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Benchmark"]),
        .testTarget(name: "MitraExportTests", dependencies: [
            "MitraExport", "MitraExtraction", "MitraRDF", "MitraTestSupport", "CGraphviz", "CLibXML2",
        ], exclude: ["Golden"]),
        .testTarget(name: "MitraREPLTests", dependencies: ["MitraREPL", "MitraTestSupport"]),
        .testTarget(name: "MitraRemoteTests", dependencies: [
            "MitraRemote", "MitraStore", "MitraQuery", "MitraModel", "MitraTestSupport",
        ], exclude: ["Stub"]),
        .testTarget(name: "MitraCLITests", dependencies: ["MitraCLI", "MitraTestSupport"]),
    ]
)
