/// Which stored documents a build may remove.
public enum PruneMode: String, Sendable {
    /// Only documents whose own input root was listed and that are gone from it (the default).
    case goneFromListedRoots
    /// Every stored document not among the inputs (`--prune`).
    case everythingNotListed
    /// None (`--keep-missing`).
    case nothing
}

/// An input root a build listed: its key (the real path of the folder or file named) and the
/// parts below it that could not be read.
public struct ListedRoot: Sendable, Hashable {
    public var key: String
    /// Document-id prefixes that must not be taken for gone: unreadable folders ("" for the
    /// whole root), files that could not be read or held errors.
    public var unreadable: [String]

    public init(key: String, unreadable: [String] = []) {
        self.key = key
        self.unreadable = unreadable
    }

    /// Whether `id` lies in a part of the root that could not be read.
    func protects(_ id: String) -> Bool {
        unreadable.contains { p in p.isEmpty || id == p || id.hasPrefix(p + "/") || id.hasPrefix(p + "#") }
    }
}

/// The pruning rule as a pure function over what a build listed and what the store holds.
public enum PruneDecision {
    /// The stored documents (id → the key of the root it was read from, nil when unknown) to
    /// remove after a build that listed `roots` and read the documents `seen`, sorted.
    public static func documentsToRemove(
        stored: [String: String?], roots: [ListedRoot], seen: Set<String>, mode: PruneMode
    ) -> [String] {
        if mode == .nothing { return [] }
        let byKey = Dictionary(roots.map { ($0.key, $0) }, uniquingKeysWith: { a, b in
            ListedRoot(key: a.key, unreadable: a.unreadable + b.unreadable)
        })
        return stored.compactMap { id, root -> String? in
            if seen.contains(id) { return nil }
            switch mode {
            case .nothing:
                return nil
            case .goneFromListedRoots:
                guard let root, let listed = byKey[root], !listed.protects(id) else { return nil }
                return id
            case .everythingNotListed:
                if let root, let listed = byKey[root], listed.protects(id) { return nil }
                return id
            }
        }.sorted()
    }
}
