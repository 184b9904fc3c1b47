import Foundation

/// The readable files below an input folder, and the parts of it that could not be read.
///
/// Symbolic links to folders are followed; a folder reached twice (a link loop, or two links
/// to one place) is listed once. A folder that cannot be read is named in `unreadable`, so a
/// build never takes the documents it held for gone.
public struct FolderListing: Sendable, Equatable {
    /// File paths relative to the root, sorted.
    public var files: [String] = []
    /// Relative paths of folders that could not be read ("" for the root itself).
    public var unreadable: [String] = []
    public var warnings: [IngestError] = []

    public init() {}

    /// Lists `root`, keeping the files `keep` accepts (by relative path).
    public init(root: String, keep: (String) -> Bool) {
        var visited: Set<String> = []
        walk(root: root, relative: "", keep: keep, visited: &visited)
        files.sort()
    }

    private mutating func walk(root: String, relative: String, keep: (String) -> Bool, visited: inout Set<String>) {
        let full = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
        let real = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            warnings.append(IngestError(kind: .unreadable, path: full, message: "leads back to a folder already read (a link loop?); not read again"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: full)
        } catch {
            unreadable.append(relative)
            warnings.append(IngestError(kind: .unreadable, path: full, message: "the folder cannot be read; the documents stored from it are kept"))
            return
        }
        for name in names.sorted() {
            let child = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(child), isDirectory: &isDirectory) else {
                continue  // a dangling link
            }
            if isDirectory.boolValue {
                walk(root: root, relative: child, keep: keep, visited: &visited)
            } else if keep(child) {
                files.append(child)
            }
        }
    }
}
