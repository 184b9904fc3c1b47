import MitraModel
import Testing

/// Names from a fixed table, unknown ones as the store reports them.
private struct TableNames: PatternNames {
    var entities: [String: [String]] = ["aspirin": ["e1"], "cold": ["e2", "e3"]]
    var predicates: [String: String] = ["treats": "treats", "causes": "causes"]
    var classes: [String: [String]] = ["Drug": ["Drug", "Opioid"]]

    func entityIDs(_ name: NameRef) throws -> [String] {
        guard let ids = entities[name.text] else { throw QueryError(kind: .unknownEntity, line: 1, column: 1, message: name.text) }
        return ids
    }

    func predicate(_ name: NameRef) throws -> String {
        guard let p = predicates[name.text] else { throw QueryError(kind: .unknownPredicate, line: 1, column: 1, message: name.text) }
        return p
    }

    func classAndSubclasses(_ name: NameRef) throws -> [String] { classes[name.text] ?? [] }
}

@Suite struct PatternResolverTests {
    let at = SourcePosition(line: 1, column: 1)
    var resolver: PatternResolver { PatternResolver(names: TableNames()) }

    func name(_ text: String) -> NameRef { NameRef(text, at: at) }

    @Test func endsResolveToIdsAndClassesWithSubclasses() throws {
        let pattern = Pattern(subject: .variable(Variable("d", at: at), name("Drug")),
                              predicate: .steps([PredicateStep(name: name("treats"), inverse: false)], min: 1, max: 1, position: at),
                              object: .entity(name("cold")))
        let r = try resolver.resolve(pattern, index: 2)
        #expect(r.index == 2)
        #expect(r.subject == .variable(Variable("d", at: at), classes: ["Drug", "Opioid"]))
        #expect(r.object == .constant(["e2", "e3"], name("cold")))
        #expect(r.forward == ResolvedPattern.Direction(names: ["treats"]))
        #expect(r.inverse == nil)
        #expect(!r.isPath)
        #expect(r.variables == ["d"])
    }

    @Test func stepsMergePerDirectionAndAnyAbsorbsNamed() throws {
        let steps = [PredicateStep(name: name("treats"), inverse: false), PredicateStep(name: name("causes"), inverse: false),
                     PredicateStep(name: name("treats"), inverse: true), PredicateStep(name: nil, inverse: true)]
        let pattern = Pattern(subject: .entity(name("aspirin")), predicate: .steps(steps, min: 1, max: 3, position: at),
                              object: .variable(Variable("x", at: at), nil))
        let r = try resolver.resolve(pattern, index: 1)
        #expect(r.forward?.names == ["treats", "causes"])
        #expect(r.inverse?.names == [])
        #expect(r.isPath && r.min == 1 && r.max == 3)
    }

    @Test func predicateVariableFollowsAnyPredicateForward() throws {
        let pattern = Pattern(subject: .entity(name("aspirin")), predicate: .variable(Variable("p", at: at)),
                              object: .variable(Variable("x", at: at), nil))
        let r = try resolver.resolve(pattern, index: 1)
        #expect(r.forward == ResolvedPattern.Direction(names: []))
        #expect(r.predicateVariable?.name == "p")
        #expect(r.variables == ["p", "x"])
    }

    @Test func unknownNamesKeepTheResolversError() {
        let pattern = Pattern(subject: .entity(name("nothing")), predicate: .variable(Variable("p", at: at)),
                              object: .variable(Variable("x", at: at), nil))
        #expect(throws: QueryError.self) { try resolver.resolve(pattern, index: 1) }
    }
}
