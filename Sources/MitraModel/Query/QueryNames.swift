/// Resolves the names a statement writes against a graph, for whatever runs the statement
/// somewhere other than the store that holds the names (a SPARQL endpoint): entities,
/// predicates, classes and documents as the local planner resolves them, with its errors.
public protocol QueryNames: PatternNames {
    /// Every predicate, sorted.
    func predicates() throws -> [String]
    /// The IRIs of the imported graphs, each of which supports the edges it states.
    func importedGraphs() throws -> [String]
    /// The holders a `holder = …` names, lowercased: the name, and the preferred label of
    /// every entity one of whose labels it is ("food and drug administration" for "FDA").
    func holderNames(_ name: NameRef) throws -> [String]
    /// The id of the document a `source = …` names.
    func document(_ name: NameRef) throws -> String
    /// The entity as a result shows it (its label), and its class ("" when unknown).
    func entity(_ id: String) throws -> (value: Value, entityClass: String)
    /// The rows of `describe` that come before the edges: id, labels, class, matches.
    func describeFacts(_ name: NameRef) throws -> [[Value]]
    /// `describe` as one JSON object, from its rows.
    func describeJSON(_ result: QueryResult) -> String
}

/// Resolves the names a triple pattern writes: what `PatternResolver` needs, which the
/// store's planner provides from its open read and `QueryNames` from the store's reads.
public protocol PatternNames {
    /// Entity ids a name denotes (several when a label is shared).
    func entityIDs(_ name: NameRef) throws -> [String]
    /// The predicate a name denotes.
    func predicate(_ name: NameRef) throws -> String
    /// The class a name denotes and every class below it, sorted.
    func classAndSubclasses(_ name: NameRef) throws -> [String]
}
