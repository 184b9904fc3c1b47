/// What went wrong in the language layer (loading or training a model), and where.
public enum LanguageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No model file was found; `searched` lists the places looked at.
    case modelNotFound(name: String, searched: [String])
    /// A model file exists but cannot be read as one.
    case malformedModel(path: String, reason: String)
    /// A CoNLL-U file has a line that is not a token, a comment or a blank.
    case malformedTreebank(path: String, line: Int, reason: String)
    /// A file could not be read or written.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .modelNotFound(let name, let searched):
            "no \(name) model found (looked in \(searched.joined(separator: ", ")); set MITRAGRAPH_MODELS"
        case .malformedModel(let path, let reason): "\(path): not a tagger model: \(reason)"
        case .malformedTreebank(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}
