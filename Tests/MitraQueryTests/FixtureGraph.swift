import Foundation
import MitraBuild
import MitraExtraction
import MitraModel
import MitraOntology
import MitraQuery
import MitraStore
import MitraTestSupport

/// A small graph written claim by claim (not extracted), so every query has exact expected rows.
///
/// Three documents; the edges it yields, with (support, denials):
/// kratom contains mitragynine (1,0), kratom contains 7-hydroxymitragynine (1,0),
/// mitragynine interacts_with mu-opioid receptor (1,0) and kappa-opioid receptor (1,0),
/// 7-hydroxymitragynine interacts_with mu-opioid receptor (1,0),
/// kratom treats chronic pain (3,0), anxiety (1,1: contested), pain (1,0),
/// kratom has_adverse_effect dependence (1 hedged, 1: contested), nausea (1,0) and seizure
/// (0,1: only denied),
/// kratom alternative_to morphine (1,0), morphine treats pain (1,0).
enum FixtureGraph {
    static let ontology: Ontology = {
        var o = Ontology()
        let base = "https://w3id.org/mitragraph/"
        let condition = EntityClass.condition
        for (c, parent) in [(EntityClass.plant, nil), (.alkaloid, nil), (.receptor, nil), (.drug, nil), (condition, nil),
                            (.adverseEffect, condition)] as [(EntityClass, EntityClass?)] {
            o.classes[c] = ClassInfo(entityClass: c, iri: base + "schema/" + c.name, parent: parent)
        }
        func relation(_ name: String, _ s: [EntityClass], _ t: [EntityClass]) {
            o.predicates[name] = Relation(name: name, iri: base + "schema/" + name, biolink: "biolink:related_to",
                                          subjectClasses: s, objectClasses: t)
        }
        relation("contains", [.plant], [.alkaloid])
        relation("interacts_with", [.plant, .alkaloid, .drug], [.receptor])
        relation("treats", [.plant, .alkaloid, .drug], [.condition])
        relation("has_adverse_effect", [.plant, .alkaloid, .drug], [.condition])
        relation("alternative_to", [.plant, .alkaloid], [.drug])
        func entity(_ id: String, _ label: String, _ c: EntityClass, alt: [String] = [], exact: [String] = []) {
            o.entities[id] = Entity(id: id, iri: base + "entity/" + id, prefLabel: label, altLabels: alt, entityClass: c,
                                    exactMatches: exact)
        }
        entity("kratom", "kratom", .plant, alt: ["Mitragyna speciosa", "ketum"], exact: ["NCBITaxon:170351"])
        entity("mitragynine", "mitragynine", .alkaloid, exact: ["CHEBI:6956"])
        entity("7-hydroxymitragynine", "7-hydroxymitragynine", .alkaloid, alt: ["7-OH"])
        entity("mitraphylline", "mitraphylline", .alkaloid)
        entity("mu-opioid-receptor", "mu-opioid receptor", .receptor, alt: ["μ-opioid receptor", "MOR"])
        entity("kappa-opioid-receptor", "kappa-opioid receptor", .receptor, alt: ["KOR"])
        entity("pain", "pain", condition)
        entity("chronic-pain", "chronic pain", condition)
        entity("anxiety", "anxiety", condition)
        entity("dependence", "dependence", .adverseEffect)
        entity("nausea", "nausea", .adverseEffect)
        entity("seizure", "seizure", .adverseEffect)
        entity("morphine", "morphine", .drug)
        return o
    }()

    /// (subject, predicate, object, negated, hedged) per sentence, per document.
    static let documents: [(String, [(String, [(String, String, String, Bool, Bool)])])] = [
        ("a.txt", [
            ("Kratom contains mitragynine and 7-hydroxymitragynine.",
             [("kratom", "contains", "mitragynine", false, false), ("kratom", "contains", "7-hydroxymitragynine", false, false)]),
            ("Mitragynine binds to mu-opioid receptors.", [("mitragynine", "interacts_with", "mu-opioid-receptor", false, false)]),
            ("Kratom relieves chronic pain.", [("kratom", "treats", "chronic-pain", false, false)]),
            ("Kratom may cause dependence.", [("kratom", "has_adverse_effect", "dependence", false, true)]),
        ]),
        ("b.txt", [
            ("7-hydroxymitragynine is an agonist at the mu-opioid receptor.",
             [("7-hydroxymitragynine", "interacts_with", "mu-opioid-receptor", false, false)]),
            ("Kratom eases chronic pain and anxiety.",
             [("kratom", "treats", "chronic-pain", false, false), ("kratom", "treats", "anxiety", false, false)]),
            ("Kratom does not cause dependence.", [("kratom", "has_adverse_effect", "dependence", true, false)]),
            ("Mitragynine also acts on kappa-opioid receptors.",
             [("mitragynine", "interacts_with", "kappa-opioid-receptor", false, false)]),
        ]),
        ("c.txt", [
            ("People use kratom for pain.", [("kratom", "treats", "pain", false, false)]),
            ("Kratom treats chronic pain.", [("kratom", "treats", "chronic-pain", false, false)]),
            ("Kratom can cause nausea.", [("kratom", "has_adverse_effect", "nausea", false, false)]),
            ("Kratom is an alternative to morphine.", [("kratom", "alternative_to", "morphine", false, false)]),
            ("Morphine treats pain.", [("morphine", "treats", "pain", false, false)]),
            ("Kratom does not relieve anxiety.", [("kratom", "treats", "anxiety", true, false)]),
            ("Kratom does not cause seizures.", [("kratom", "has_adverse_effect", "seizure", true, false)]),
        ]),
    ]

    static func results() -> [ExtractionResult] {
        documents.map { id, sentences in
            var text = ""
            var stored: [Sentence] = []
            var claims: [Claim] = []
            for (index, (sentence, triples)) in sentences.enumerated() {
                let start = text.unicodeScalars.count
                text += sentence + " "
                let span = Span(start: start, end: start + sentence.unicodeScalars.count)
                stored.append(Sentence(index: index, span: span, text: sentence))
                for (s, p, o, negated, hedged) in triples {
                    claims.append(Claim(subject: s, predicate: p, object: o, documentID: id, sentenceIndex: index,
                                        sentence: sentence, subjectSpan: span, objectSpan: span, negated: negated,
                                        hedged: hedged, rule: "fixture", confidence: 1))
                }
            }
            return ExtractionResult(document: Document(id: id, text: text, format: "text"), sentences: stored,
                                    mentions: [], claims: claims)
        }
    }

    /// A new store holding the fixture graph.
    static func store() throws -> GraphStore {
        let store = try GraphStore(path: Fixtures.temporaryDirectory("mitragraph-query") + "/kg.sqlite", create: true)
        try store.write(ontology: ontology, results: results())
        return store
    }

    /// Runs a query on a fresh fixture store and returns its displayed rows.
    static func rows(_ query: String) throws -> [[String]] {
        try QueryEngine(store: shared).run(query).displayRows
    }

    static let shared: GraphStore = try! store()
}
