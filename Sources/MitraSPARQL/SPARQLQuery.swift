import MitraModel

/// A pattern query compiled to SPARQL 1.1 for a remote store holding the pushed graphs, with
/// what the engine does to the solutions afterwards (labels, ordering, limit) so the
/// result is the one a local store gives.
public struct SPARQLQuery: Sendable {
    /// How a result column is read from a solution.
    public enum Column: Sendable {
        /// An entity IRI bound to the variable.
        case entity(name: String, variable: String)
        /// A predicate IRI, shown by its name.
        case predicate(name: String, variable: String)
        /// An integer; several variables mean the smallest of them (a chain's weakest edge).
        case integer(name: String, variables: [String])

        public var name: String {
            switch self {
            case .entity(let n, _), .predicate(let n, _), .integer(let n, _): n
            }
        }
    }

    /// A sort key over result columns.
    public struct SortKey: Sendable {
        public var column: Int
        public var descending: Bool
        /// An entity by its id alone, not its label first.
        public var byID = false
    }

    public var sparql: String
    public var columns: [Column]
    /// The keys asked for, then every column, as the local engine sorts.
    public var order: [SortKey]
    public var limit: Int?
    public var offset: Int?
    /// Whether equal rows collapse into one (every query without `count`).
    public var distinct: Bool
    /// The patterns of one edge whose stored keys `?sN ?pN ?oN` the solutions hold.
    var edgeIndexes: [Int] = []
}
