import Foundation

/// Finds the line and column where a name is written in an ontology file, for messages.
///
/// serd reports places only for syntax errors; a statement carries no position. Messages
/// about meaning (an unknown class, a shared label) would then name only the file, so this
/// looks the subject or the label up in the file's text. Only used when there is a finding.
final class SourceLocator {
    private var lines: [String: [Substring]] = [:]

    /// The first place in `file` where one of `needles` starts a term: at the start of a line
    /// (after indentation) for a subject, anywhere for a quoted label.
    func locate(
        _ needles: [String], in file: String, atLineStart: Bool, fromLine first: Int = 1
    ) -> (line: Int, column: Int)? {
        let text = lines[file] ?? {
            let content = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let split = content.split(separator: "\n", omittingEmptySubsequences: false)
            lines[file] = split
            return split
        }()
        for (number, line) in text.enumerated() where number + 1 >= first {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") { continue }
            for needle in needles where !needle.isEmpty {
                if atLineStart {
                    guard trimmed.hasPrefix(needle) else { continue }
                    let after = trimmed.dropFirst(needle.count).first
                    if after == nil || after == " " || after == "\t" || after == ";" || after == "." || after == "," {
                        return (number + 1, line.count - trimmed.count + 1)
                    }
                } else if let range = line.range(of: needle) {
                    return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return nil
    }

    /// The first place of `needle` at or after the line where one of `subjects` is described,
    /// so a label that two entities of one file share is found on the right entity.
    func locate(_ needle: String, in file: String, under subjects: [String]) -> (line: Int, column: Int)? {
        let start = locate(subjects, in: file, atLineStart: true)?.line ?? 1
        return locate([needle], in: file, atLineStart: false, fromLine: start)
            ?? locate([needle], in: file, atLineStart: false)
    }
}
