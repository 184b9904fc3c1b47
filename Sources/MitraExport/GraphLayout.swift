/// The Graphviz layout engines a drawing can use.
public enum GraphLayout: String, CaseIterable, Sendable {
    /// Layered, left to right: best for reading who claims what about whom.
    case dot
    /// Spring model; good for small graphs.
    case neato
    /// Force directed, with clusters.
    case fdp
    /// Force directed, scales to large graphs.
    case sfdp
    /// Circular.
    case circo
}
