import CSerd

/// The RDF serializations the project reads and writes.
public enum RDFSyntax: String, Sendable, CaseIterable {
    case turtle
    case ntriples
    case nquads

    var serd: SerdSyntax {
        switch self {
        case .turtle: SERD_TURTLE
        case .ntriples: SERD_NTRIPLES
        case .nquads: SERD_NQUADS
        }
    }

    /// The syntax a file name's extension implies (`.ttl`, `.nt`, `.nq`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".ttl") || lower.hasSuffix(".turtle") {
            self = .turtle
        } else if lower.hasSuffix(".nt") || lower.hasSuffix(".ntriples") {
            self = .ntriples
        } else if lower.hasSuffix(".nq") || lower.hasSuffix(".nquads") {
            self = .nquads
        } else {
            return nil
        }
    }
}
