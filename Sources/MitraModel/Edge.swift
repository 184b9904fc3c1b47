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
    /// Documents that both affirm and deny the edge: reported apart, never contested alone.
    public var selfContradictingDocuments: Int

    public init(
        key: EdgeKey, supportingDocuments: Int, denyingDocuments: Int, hedgedClaims: Int, claimCount: Int,
        selfContradictingDocuments: Int = 0
    ) {
        self.key = key
        self.supportingDocuments = supportingDocuments
        self.denyingDocuments = denyingDocuments
        self.hedgedClaims = hedgedClaims
        self.claimCount = claimCount
        self.selfContradictingDocuments = selfContradictingDocuments
    }

    /// One document (or imported graph) affirms the edge and a different one denies it. A
    /// single document that says both is self-contradicting, not a dispute.
    public var contested: Bool {
        Self.isContested(supporting: supportingDocuments, denying: denyingDocuments, selfContradicting: selfContradictingDocuments)
    }

    /// Some document both affirms and denies the edge.
    public var selfContradicting: Bool { selfContradictingDocuments > 0 }

    /// The rule behind `contested`, from the counts alone: an affirmer and a denier that differ
    /// exist unless the only affirmer is the only denier.
    public static func isContested(supporting: Int, denying: Int, selfContradicting: Int) -> Bool {
        supporting > 0 && denying > 0 && !(supporting == 1 && denying == 1 && selfContradicting == 1)
    }
    /// Every claim behind the edge denies it.
    public var onlyDenied: Bool { supportingDocuments == 0 && denyingDocuments > 0 }
    /// Every claim behind the edge is hedged.
    public var onlyHedged: Bool { claimCount > 0 && hedgedClaims == claimCount }
}
