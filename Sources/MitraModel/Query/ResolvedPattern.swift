/// A triple pattern after name resolution: the entity ids, classes and predicates its names
/// denote, with the path bounds it was written with.
///
/// Both back ends (the store's planner and the SPARQL compiler) start from this form, so a
/// name means the same thing whichever engine runs the query.
public struct ResolvedPattern: Equatable, Sendable {
    /// A subject or object after name resolution.
    public enum End: Equatable, Sendable {
        /// A variable, with the classes (the written one and those below it) it must have.
        case variable(Variable, classes: [String]?)
        /// The entity ids a name denotes, and the name as written (for messages and plans).
        case constant([String], NameRef)

        public var isConstant: Bool {
            if case .constant = self { return true }
            return false
        }
    }

    /// The predicates one direction of a pattern follows; an empty list means any.
    public struct Direction: Equatable, Sendable {
        public var names: [String]

        public init(names: [String]) {
            self.names = names
        }
    }

    /// The pattern's place in its query, from 1.
    public var index: Int
    public var source: Pattern
    public var subject: End
    public var object: End
    /// The predicates followed from subject to object; nil when no step goes that way.
    public var forward: Direction?
    /// The predicates followed from object to subject (`^p`); nil when no step goes that way.
    public var inverse: Direction?
    public var predicateVariable: Variable?
    public var min = 1
    public var max = 1

    public init(index: Int, source: Pattern, subject: End, object: End) {
        self.index = index
        self.source = source
        self.subject = subject
        self.object = object
    }

    /// Whether the pattern is a bounded path rather than one edge.
    public var isPath: Bool { min != 1 || max != 1 }

    /// The names of the pattern's variables: subject, predicate, object.
    public var variables: [String] {
        var names: [String] = []
        if case .variable(let v, _) = subject { names.append(v.name) }
        if let predicateVariable { names.append(predicateVariable.name) }
        if case .variable(let v, _) = object { names.append(v.name) }
        return names
    }
}
