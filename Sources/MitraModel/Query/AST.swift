/// The parsed form of a query, before names are resolved against a store.
public indirect enum Statement: Equatable, Sendable {
    case select(Select)
    case describe(NameRef)
    case neighbors(NameRef, depth: Int, tail: Tail)
    /// With `all`, every shortest path (as Neo4j's `allShortestPaths`), not one of them.
    case path(from: NameRef, to: NameRef, maxLength: Int, all: Bool = false)
    /// The claims behind the edges one pattern matches, under its conditions.
    case evidence(Select)
    /// With `withEvidence`, each contested edge's affirming and denying claims.
    case contested(Tail, withEvidence: Bool = false)
    case explain(Statement)
}

/// A name as written in the query (an entity, predicate or class), with where it was written.
public struct NameRef: Equatable, Sendable {
    public var text: String
    public var position: SourcePosition

    public init(_ text: String, at position: SourcePosition) {
        self.text = text
        self.position = position
    }
}

/// A variable as written, `?name`.
public struct Variable: Equatable, Sendable {
    public var name: String
    public var position: SourcePosition

    public init(_ name: String, at position: SourcePosition) {
        self.name = name
        self.position = position
    }
}

/// A subject or object of a triple pattern.
public enum PatternTerm: Equatable, Sendable {
    /// `?x` or `?x:Class`.
    case variable(Variable, NameRef?)
    /// An entity by label, id or external id.
    case entity(NameRef)

    public var position: SourcePosition {
        switch self {
        case .variable(let v, _): v.position
        case .entity(let n): n.position
        }
    }
}

/// One alternative of a predicate expression: a predicate name (or any) in one direction.
public struct PredicateStep: Equatable, Sendable {
    /// nil means any predicate.
    public var name: NameRef?
    /// `^p`: followed from object to subject.
    public var inverse: Bool

    public init(name: NameRef?, inverse: Bool) {
        self.name = name
        self.inverse = inverse
    }
}

/// The middle of a triple pattern.
public enum PredicateExpr: Equatable, Sendable {
    /// `p`, `p|q`, `^p`, `any`, optionally repeated `{min,max}` times.
    case steps([PredicateStep], min: Int, max: Int, position: SourcePosition)
    /// `?p`: any predicate, bound to the variable.
    case variable(Variable)

    /// A pattern of one edge, as opposed to a bounded path.
    public var isSingleEdge: Bool {
        if case .steps(_, let min, let max, _) = self { return min == 1 && max == 1 }
        return true
    }
}

/// `subject predicate object`.
public struct Pattern: Equatable, Sendable {
    public var subject: PatternTerm
    public var predicate: PredicateExpr
    public var object: PatternTerm

    public init(subject: PatternTerm, predicate: PredicateExpr, object: PatternTerm) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// A numeric attribute of an edge.
public enum EdgeNumber: String, Equatable, Sendable, CaseIterable {
    /// Documents that affirm the edge.
    case support
    /// Documents that deny it.
    case denials
    /// Claims behind it.
    case claims
    /// Hedged claims behind it (`hedges`, the word of older queries, is read as this too).
    case hedged

    /// The attribute a word names, in any case.
    public init?(word: String) {
        let lower = word.lowercased()
        self.init(rawValue: lower == "hedges" ? "hedged" : lower)
    }
}

/// A yes/no attribute of an edge.
public enum EdgeFlag: String, Equatable, Sendable, CaseIterable {
    /// Some document denies the edge.
    case negated
    /// Some claim behind the edge is hedged.
    case hedged
    /// Some document affirms it and some denies it.
    case contested
}

/// A condition in a `where` clause.
public indirect enum Condition: Equatable, Sendable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case number(EdgeNumber, String, Int)
    case flag(EdgeFlag)
    /// `source = "doc"`, `source != "doc"`, `source like "pattern"`.
    case source(String, NameRef)
    /// `holder = "FDA"`, `holder != "users"`, `holder like "user%"`: who the text says holds
    /// a claim behind the edge (`Claim.holder`).
    case holder(String, NameRef)
    /// `?a = ?b`, `?a != kratom`.
    case compare(Variable, String, PatternTerm)
    /// `?x:Class` on its own.
    case isA(Variable, NameRef)

    /// Whether the condition constrains edges (rather than variables only).
    public var mentionsEdge: Bool {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.mentionsEdge || b.mentionsEdge
        case .not(let c): c.mentionsEdge
        case .number, .flag, .source, .holder: true
        case .compare, .isA: false
        }
    }

    /// Whether the condition compares a variable, so it applies to solutions rather than to
    /// each edge (or hop) on its own.
    public var mentionsVariable: Bool {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.mentionsVariable || b.mentionsVariable
        case .not(let c): c.mentionsVariable
        case .compare, .isA: true
        case .number, .flag, .source, .holder: false
        }
    }

    /// Whether the condition speaks about support or denial, which lifts the default that a
    /// pattern matches only affirmed edges.
    public var mentionsPolarity: Bool {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.mentionsPolarity || b.mentionsPolarity
        case .not(let c): c.mentionsPolarity
        case .number(let n, _, _): n == .support || n == .denials
        case .flag(let f): f == .negated || f == .contested
        case .source, .holder, .compare, .isA: false
        }
    }
}

/// What a `find` returns in each column.
public enum ProjectionItem: Equatable, Sendable {
    case variable(Variable)
    /// `count(?v)` counts distinct values; `count(*)` (variable nil) counts solutions.
    case count(Variable?)
    /// The weakest support among the edges a solution uses.
    case edge(EdgeNumber, SourcePosition)
}

/// A key of `order by`.
public struct OrderKey: Equatable, Sendable {
    /// What the rows are ordered by.
    public enum Target: Equatable, Sendable {
        case variable(Variable)
        case count
        case edge(EdgeNumber)
    }

    public var target: Target
    public var descending: Bool
    public var position: SourcePosition

    public init(target: Target, descending: Bool, position: SourcePosition) {
        self.target = target
        self.descending = descending
        self.position = position
    }
}

/// `order by … limit … offset …`.
public struct Tail: Equatable, Sendable {
    public var order: [OrderKey] = []
    public var limit: Int?
    public var offset: Int?

    public init(order: [OrderKey] = [], limit: Int? = nil, offset: Int? = nil) {
        self.order = order
        self.limit = limit
        self.offset = offset
    }
}

/// A pattern query: `find`, `count`, or patterns on their own.
public struct Select: Equatable, Sendable {
    /// nil: every variable, then support.
    public var projection: [ProjectionItem]?
    public var patterns: [Pattern]
    public var conditions: [Condition]
    public var groupBy: [Variable]
    public var tail: Tail
    public var position: SourcePosition

    public init(
        projection: [ProjectionItem]?, patterns: [Pattern], conditions: [Condition], groupBy: [Variable] = [],
        tail: Tail = Tail(), position: SourcePosition
    ) {
        self.projection = projection
        self.patterns = patterns
        self.conditions = conditions
        self.groupBy = groupBy
        self.tail = tail
        self.position = position
    }
}

extension Select {
    /// What a `find` without a projection shows: every variable in pattern order, then
    /// support when some pattern is one edge, a count when there is nothing else.
    public func defaultProjection(hasEdges: Bool) -> [ProjectionItem] {
        var seen: Set<String> = []
        var items: [ProjectionItem] = []
        for p in patterns {
            var variables: [Variable] = []
            if case .variable(let v, _) = p.subject { variables.append(v) }
            if case .variable(let v) = p.predicate { variables.append(v) }
            if case .variable(let v, _) = p.object { variables.append(v) }
            for v in variables where seen.insert(v.name).inserted { items.append(.variable(v)) }
        }
        if hasEdges { items.append(.edge(.support, position)) }
        // A path with both ends fixed has nothing to show but how many ways it matched.
        if items.isEmpty { items.append(.count(nil)) }
        return items
    }
}
