import Foundation
import MitraBuild
import MitraExtraction
import MitraModel
import MitraOntology
import MitraStore
import MitraTestSupport

/// A small hand-made graph whose labels hold everything that breaks exporters: quotes,
/// backslashes, `<>&`, newlines, emoji and non-Latin scripts, in entity names, synonyms,
/// document ids and sentences. Written with `GraphStore.write(ontology:results:)`, so no
/// extractor is involved and the golden files change only when an exporter does.
enum ExportFixture {
    static let nasty = [
        "plain", "say \"hi\"", "back\\slash", "\\N and \\n", "<b>bold</b> & co", "&amp;", "line one\nline two",
        "cr\r\nlf", "tab\there", "🌿 leaf 🧪", "кратом", "慢性疼痛", "ميتراجينين", "trailing\\", "\"",
    ]

    static func entity(_ id: String, _ label: String, _ c: EntityClass, alt: [String] = [], hidden: [String] = [],
                       exact: [String] = []) -> Entity {
        let iri = Namespace.entity + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id)
        return Entity(id: id, iri: iri, prefLabel: label, altLabels: alt, hiddenLabels: hidden, entityClass: c,
                      exactMatches: exact)
    }

    static let ontology: Ontology = {
        var o = Ontology()
        let classes: [(EntityClass, EntityClass?, String)] = [
            (.plant, nil, "biolink:OrganismTaxon"), (.alkaloid, nil, "biolink:SmallMolecule"),
            (.receptor, nil, "biolink:Protein"), (.condition, nil, "biolink:DiseaseOrPhenotypicFeature"),
            (.adverseEffect, .condition, "biolink:PhenotypicFeature"),
        ]
        for (c, parent, category) in classes {
            o.classes[c] = ClassInfo(entityClass: c, iri: Namespace.ontology + c.name, parent: parent, biolinkCategory: category)
        }
        let predicates: [(String, String, [EntityClass], [EntityClass])] = [
            ("contains", "biolink:has_part", [.plant], [.alkaloid]),
            ("treats", "biolink:treats", [.plant, .alkaloid], [.condition]),
            ("has_adverse_effect", "biolink:has_adverse_event", [.plant], [.adverseEffect]),
            ("interacts_with", "biolink:interacts_with", [.alkaloid], [.receptor]),
        ]
        for (name, biolink, s, obj) in predicates {
            o.predicates[name] = Relation(name: name, iri: Namespace.ontology + name, biolink: biolink,
                                          subjectClasses: s, objectClasses: obj)
        }
        let entities = [
            entity("kratom", "Kratom \"the leaf\" \\ <b>&</b>", .plant, alt: ["кратом", "🌿 leaf", "ketum"],
                   hidden: ["kratum"], exact: ["NCBITaxon:170351", "WIKIDATA:Q2306026"]),
            entity("mitragynine", "mitragynine\nline two", .alkaloid, alt: ["ميتراجينين"], exact: ["CHEBI:6956"]),
            entity("chronic-pain", "慢性疼痛 chronic pain 'q'", .condition, alt: ["pain, chronic"], exact: ["MESH:D059350"]),
            entity("nausea", "nausea & vomiting <severe>", .adverseEffect, hidden: ["nausia"], exact: ["HP:0002018"]),
            entity("mu-opioid-receptor", "μ-opioid receptor", .receptor, alt: ["MOR"], exact: ["HGNC:8156"]),
            entity("odd id/ü_x", "odd\\\"id\r\nx", .condition, exact: ["FOO:bar"]),
            entity("unused", "never mentioned", .condition),
        ]
        for e in entities { o.entities[e.id] = e }
        return o
    }()

    static func claim(_ s: String, _ p: String, _ o: String, doc: String, sentence: Int, text: String,
                      negated: Bool = false, hedged: Bool = false) -> Claim {
        Claim(subject: s, predicate: p, object: o, documentID: doc, sentenceIndex: sentence, sentence: text,
              subjectSpan: Span(start: 0, end: 6), objectSpan: Span(start: 10, end: 14), negated: negated,
              hedged: hedged, rule: "fixture", confidence: 0.75)
    }

    /// One document's extraction; a mention is (entity, sentence, the text it covers), its span
    /// found in the document so every offset is right.
    static func result(_ id: String, _ sentences: [String], mentions: [(String, Int, String)], claims: [Claim]) -> ExtractionResult {
        var offset = 0
        var made: [Sentence] = []
        for (n, text) in sentences.enumerated() {
            made.append(Sentence(index: n, span: Span(start: offset, end: offset + text.scalarCount), text: text))
            offset += text.scalarCount + 1
        }
        let document = Document(id: id, text: sentences.joined(separator: " "), format: "text")
        return ExtractionResult(
            document: document, sentences: made,
            mentions: mentions.map { entity, sentence, surface in
                let scalars = Array(document.text.unicodeScalars), wanted = Array(surface.unicodeScalars)
                let start = (made[sentence].span.start...).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted }!
                return Mention(entityID: entity, span: Span(start: start, end: start + wanted.count), text: surface,
                               sentenceIndex: sentence)
            },
            claims: claims)
    }

    static let a1 = "Kratom \"the leaf\" \\ <b>&</b> treats 慢性疼痛 chronic pain 'q' 🌿."
    static let a2 = "It contains mitragynine\nline two & more."
    static let a3 = "Kratom does not cause nausea & vomiting <severe>."
    static let b1 = "Kratom does not treat chronic pain, says \"Dr. \\X\"."
    static let b2 = "Mitragynine may interact with the μ-opioid receptor (кратом)."
    static let c1 = "Kratom may treat odd\\\"id\r\nx — ميتراجينين."

    static let results: [ExtractionResult] = [
        result("a.txt", [a1, a2, a3], mentions: [("kratom", 0, "Kratom"), ("chronic-pain", 0, "chronic pain"),
                                                 ("mitragynine", 1, "mitragynine"), ("nausea", 2, "nausea & vomiting")],
               claims: [claim("kratom", "treats", "chronic-pain", doc: "a.txt", sentence: 0, text: a1),
                        claim("kratom", "contains", "mitragynine", doc: "a.txt", sentence: 1, text: a2),
                        claim("kratom", "has_adverse_effect", "nausea", doc: "a.txt", sentence: 2, text: a3, negated: true)]),
        result("docs/b \"q\" & <x>.txt", [b1, b2], mentions: [("kratom", 0, "Kratom"), ("chronic-pain", 0, "chronic pain"),
                                                              ("mitragynine", 1, "Mitragynine"),
                                                              ("mu-opioid-receptor", 1, "μ-opioid receptor")],
               claims: [claim("kratom", "treats", "chronic-pain", doc: "docs/b \"q\" & <x>.txt", sentence: 0, text: b1, negated: true),
                        claim("mitragynine", "interacts_with", "mu-opioid-receptor", doc: "docs/b \"q\" & <x>.txt",
                              sentence: 1, text: b2, hedged: true)]),
        result("c-кратом 🌿.md", [c1], mentions: [("kratom", 0, "Kratom"), ("odd id/ü_x", 0, "odd\\\"id\r\nx")],
               claims: [claim("kratom", "treats", "odd id/ü_x", doc: "c-кратом 🌿.md", sentence: 0, text: c1, hedged: true),
                        claim("kratom", "treats", "chronic-pain", doc: "c-кратом 🌿.md", sentence: 0, text: c1)]),
    ]

    /// A new store in a temporary folder holding the fixture graph.
    static func store() throws -> (GraphStore, String) {
        let dir = Fixtures.temporaryDirectory("mitragraph-export")
        let store = try GraphStore(path: dir + "/fixture.sqlite", create: true)
        try store.write(ontology: ontology, results: results)
        return (store, dir)
    }

    static var goldenDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    }

    /// The project's test virtual environment's Python, when `make test` has made it.
    static var python: String? {
        let path = Fixtures.repositoryRoot + "/.venv-test/bin/python"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs a program; returns its exit status and standard output and error together.
    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
