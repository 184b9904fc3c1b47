/// Where an entity's statements came from, so messages can name the file to fix.
public struct EntitySource: Sendable, Equatable {
    /// The file that gives the entity its class.
    public var file: String
    /// Every file with a statement about the entity, in load order.
    public var files: [String]
    /// Each label → the first file that gives it.
    public var labelFiles: [String: String]

    public init(file: String, files: [String] = [], labelFiles: [String: String] = [:]) {
        self.file = file
        self.files = files.isEmpty ? [file] : files
        self.labelFiles = labelFiles
    }

    /// The file that gives `label`, else the defining file.
    public func file(of label: String) -> String { labelFiles[label] ?? file }
}
