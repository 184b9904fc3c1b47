import Foundation
import MitraExtraction
import MitraModel
import MitraOntology
import MitraQuery
import MitraStore
import MitraTestSupport
import Testing

/// Bounded paths between two constants (a search from both ends) answer exactly what
/// walking every path from one end answers, on a random graph with hubs, in every direction
/// and for every bound up to three.
@Suite struct PathSearchTests {
    static let nodes = 24

    /// Affirmed edges (subject, predicate, object) of a pseudo-random graph over n0…n20: n0
    /// and n1 are hubs; n21…n23 are linked only by denied claims, which paths do not follow.
    static let graph: (affirmed: [(Int, String, Int)], denied: [(Int, String, Int)]) = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var affirmed: [(Int, String, Int)] = []
        for _ in 0..<34 {
            let s = next(21), o = next(21)
            if s != o { affirmed.append((s, next(2) == 0 ? "links" : "joins", o)) }
        }
        for o in 2..<12 { affirmed.append((0, "links", o)) }
        for s in 12..<20 { affirmed.append((s, "joins", 1)) }
        let denied = [(3, "links", 21), (21, "links", 22), (5, "joins", 23)]
        return (affirmed, denied)
    }()

    static let store: GraphStore = {
        var ontology = Ontology()
        let base = "https://w3id.org/mitragraph/"
        let node = EntityClass("Node")
        ontology.classes[node] = ClassInfo(entityClass: node, iri: base + "schema/Node", parent: nil)
        for name in ["links", "joins"] {
            ontology.predicates[name] = Relation(name: name, iri: base + "schema/" + name, biolink: "biolink:related_to",
                                                 subjectClasses: [node], objectClasses: [node])
        }
        for i in 0..<nodes {
            ontology.entities["n\(i)"] = Entity(id: "n\(i)", iri: base + "entity/n\(i)", prefLabel: "n\(i)", entityClass: node)
        }
        var claims: [Claim] = []
        let text = "Some text."
        let span = Span(start: 0, end: 4)
        for (edges, negated) in [(graph.affirmed, false), (graph.denied, true)] {
            for (s, p, o) in edges {
                claims.append(Claim(subject: "n\(s)", predicate: p, object: "n\(o)", documentID: "g.txt", sentenceIndex: 0,
                                    sentence: text, subjectSpan: span, objectSpan: span, negated: negated, rule: "fixture",
                                    confidence: 1))
            }
        }
        let document = Document(id: "g.txt", text: text, format: "text")
        let result = ExtractionResult(document: document, sentences: [Sentence(index: 0, span: Span(start: 0, end: 10), text: text)],
                                      mentions: [], claims: claims)
        do {
            let store = try GraphStore(path: Fixtures.temporaryDirectory("mitragraph-paths") + "/kg.sqlite", create: true)
            try store.write(ontology: ontology, results: [result])
            return store
        } catch {
            fatalError("cannot build the path fixture: \(error)")
        }
    }()

    /// Whether a path of 1 to `max` steps leads from `a` to `b`, each step following an
    /// affirmed edge with a predicate of `forward` its way or of `inverse` against it.
    static func reference(_ a: Int, _ b: Int, max: Int, forward: Set<String>, inverse: Set<String>) -> Bool {
        var frontier: Set<Int> = [a]
        for _ in 0..<max {
            var next: Set<Int> = []
            for (s, p, o) in graph.affirmed {
                if forward.contains(p), frontier.contains(s) { next.insert(o) }
                if inverse.contains(p), frontier.contains(o) { next.insert(s) }
            }
            if next.contains(b) { return true }
            frontier = next
        }
        return false
    }

    /// Whether a walk of exactly `min` to `max` steps leads from `a` to `b` (nodes may repeat).
    static func walk(_ a: Int, _ b: Int, min: Int, max: Int, forward: Set<String>, inverse: Set<String>) -> Bool {
        var layer: Set<Int> = [a]
        for length in 1...max {
            var next: Set<Int> = []
            for (s, p, o) in graph.affirmed {
                if forward.contains(p), layer.contains(s) { next.insert(o) }
                if inverse.contains(p), layer.contains(o) { next.insert(s) }
            }
            if length >= min, next.contains(b) { return true }
            layer = next
        }
        return false
    }

    func count(_ query: String) throws -> Int {
        let rows = try QueryEngine(store: Self.store).run(query).displayRows
        return Int(rows.first?.first ?? "") ?? -1
    }

    /// The nodes a walk from `a` reaches, as the recursive SQL (the search from one end) finds them.
    func reached(_ a: Int, _ steps: String, max: Int) throws -> Set<String> {
        Set(try QueryEngine(store: Self.store).run("find ?x where n\(a) \(steps){1,\(max)} ?x").displayRows.map { $0[0] })
    }

    /// The step expressions tried, with the predicates each follows its way and against it.
    static let directions: [(String, Set<String>, Set<String>)] = [
        ("any", ["links", "joins"], []),
        ("^any", [], ["links", "joins"]),
        ("(any|^any)", ["links", "joins"], ["links", "joins"]),
        ("links", ["links"], []),
        ("(links|^joins)", ["links"], ["joins"]),
    ]

    @Test(arguments: 0..<5)
    func bothEndsAgreeWithOneEndAndWithAPlainWalk(direction: Int) throws {
        let (steps, forward, inverse) = Self.directions[direction]
        var reachable = 0
        for max in 1...3 {
            for a in 0..<Self.nodes {
                let fromOneEnd = try reached(a, steps, max: max)
                for b in 0..<Self.nodes where b != a {
                    let expected = Self.reference(a, b, max: max, forward: forward, inverse: inverse)
                    #expect(fromOneEnd.contains("n\(b)") == expected, "n\(a) \(steps){1,\(max)} n\(b) walking from one end")
                    let both = try count("count where n\(a) \(steps){1,\(max)} n\(b)")
                    // One step is a plain pattern, which counts the edges (one per predicate).
                    #expect(max == 1 ? (both > 0) == expected : both == (expected ? 1 : 0),
                            "n\(a) \(steps){1,\(max)} n\(b) searched from both ends")
                    if expected { reachable += 1 }
                }
            }
        }
        #expect(reachable > 0, "the graph has paths to find")
    }

    @Test(arguments: 0..<5)
    func longerMinimumsAgreeWithTheRecursiveWalkAndAPlainOne(direction: Int) throws {
        let (steps, forward, inverse) = Self.directions[direction]
        var reachable = 0, unreachable = 0
        for (min, max) in [(2, 2), (2, 3), (3, 3)] {
            for a in 0..<Self.nodes {
                // The object a variable: the recursive SQL walks from the subject.
                let fromOneEnd = Set(try QueryEngine(store: Self.store).run("find ?x where n\(a) \(steps){\(min),\(max)} ?x").displayRows.map { $0[0] })
                for b in 0..<Self.nodes {
                    let expected = Self.walk(a, b, min: min, max: max, forward: forward, inverse: inverse)
                    #expect(fromOneEnd.contains("n\(b)") == expected, "n\(a) \(steps){\(min),\(max)} n\(b) walking from one end")
                    let both = try count("count where n\(a) \(steps){\(min),\(max)} n\(b)")
                    #expect(both == (expected ? 1 : 0), "n\(a) \(steps){\(min),\(max)} n\(b) searched from both ends")
                    if expected { reachable += 1 } else { unreachable += 1 }
                }
            }
        }
        #expect(reachable > 0 && unreachable > 0, "the graph has walks to find and pairs without one")
        let plan = try QueryEngine(store: Self.store).run("explain count where n0 \(steps){2,3} n5").displayRows.map { $0[0] }
        #expect(plan.contains { $0.contains("searched from both ends") }, "\(plan)")
    }

    @Test func deniedEdgesAndMissingLinksLeadNowhere() throws {
        // n21 and n22 are joined only by denied claims; n23 has no affirmed edge at all.
        #expect(try count("count where n3 any{1,3} n22") == 0)
        #expect(try count("count where n21 (any|^any){1,3} n22") == 0)
        #expect(try count("count where n0 (any|^any){1,3} n23") == 0)
        // A hub reaches its spokes in one step and another hub's spokes through it.
        #expect(try count("count where n0 links{1,1} n5") == 1)
        #expect(try count("count where n12 (joins|^joins){1,2} n13") == 1)
    }
}
