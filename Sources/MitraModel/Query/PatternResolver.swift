/// Resolves a parsed pattern's names into a `ResolvedPattern`: the one resolution pass both
/// query back ends run before planning or compiling.
public struct PatternResolver {
    public let names: any PatternNames

    public init(names: any PatternNames) {
        self.names = names
    }

    /// The pattern with its names resolved; `index` is its place in the query, from 1.
    public func resolve(_ pattern: Pattern, index: Int) throws -> ResolvedPattern {
        var resolved = ResolvedPattern(index: index, source: pattern, subject: try resolve(pattern.subject),
                                       object: try resolve(pattern.object))
        switch pattern.predicate {
        case .variable(let v):
            resolved.predicateVariable = v
            resolved.forward = ResolvedPattern.Direction(names: [])
        case .steps(let steps, let min, let max, _):
            resolved.min = min
            resolved.max = max
            for step in steps {
                var found: [String] = []
                if let name = step.name { found.append(try names.predicate(name)) }
                // An unnamed step (any predicate) in a direction absorbs the named ones there.
                func merge(_ d: ResolvedPattern.Direction?) -> ResolvedPattern.Direction {
                    guard let d else { return ResolvedPattern.Direction(names: found) }
                    return ResolvedPattern.Direction(names: d.names.isEmpty || found.isEmpty ? [] : d.names + found)
                }
                if step.inverse { resolved.inverse = merge(resolved.inverse) } else { resolved.forward = merge(resolved.forward) }
            }
        }
        return resolved
    }

    /// A subject or object with its names resolved.
    public func resolve(_ term: PatternTerm) throws -> ResolvedPattern.End {
        switch term {
        case .variable(let v, let cls): .variable(v, classes: try cls.map { try names.classAndSubclasses($0) })
        case .entity(let name): .constant(try names.entityIDs(name), name)
        }
    }
}
