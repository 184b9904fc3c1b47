/// The claims about one (subject, predicate, object), counted: the unit the graph draws.
public struct Edge: Hashable, Sendable, Codable {
    public var key: EdgeKey
    /// Documents with at least one affirming claim.
    public var supportingDocuments: Int
    /// Documents with at least one denying claim.
    public var denyingDocuments: Int
    /// Claims that are hedged, affirming or denying.
    public var hedgedClaims: Int
    /// All claims behind the edge.
    public var claimCount: Int

    public init(key: EdgeKey, supportingDocuments: Int, denyingDocuments: Int, hedgedClaims: Int, claimCount: Int) {
        self.key = key
        self.supportingDocuments = supportingDocuments
        self.denyingDocuments = denyingDocuments
        self.hedgedClaims = hedgedClaims
        self.claimCount = claimCount
    }

    /// Some document affirms the edge and another (or the same) denies it.
    public var contested: Bool { supportingDocuments > 0 && denyingDocuments > 0 }
    /// Every claim behind the edge denies it.
    public var onlyDenied: Bool { supportingDocuments == 0 && denyingDocuments > 0 }
    /// Every claim behind the edge is hedged.
    public var onlyHedged: Bool { claimCount > 0 && hedgedClaims == claimCount }
}
