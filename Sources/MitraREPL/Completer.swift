/// Completes the word before the cursor from keywords, dot-commands, predicates, classes and
/// entity labels. Pure logic, so it is tested without a terminal.
public struct Completer: Sendable {
    /// What pressing Tab does.
    public enum Outcome: Equatable, Sendable {
        /// Nothing starts with the word.
        case none
        /// Delete `delete` characters before the cursor and insert `insert`.
        case replace(delete: Int, insert: String)
        /// Several candidates and no longer common prefix: show them.
        case list([String])
    }

    public var keywords: [String]
    public var dotCommands: [String]
    /// Predicates, classes and single-word labels: completed bare.
    public var names: [String]
    /// Every label, including those with spaces: completed inside quotes.
    public var labels: [String]

    public init(keywords: [String], dotCommands: [String], names: [String], labels: [String]) {
        self.keywords = keywords
        self.dotCommands = dotCommands
        self.names = names
        self.labels = labels
    }

    /// The completion for `line`, which holds the text before the cursor.
    public func complete(_ line: String) -> Outcome {
        let chars = Array(line)
        var start = chars.count
        while start > 0, !" \t\n(),|^{}:".contains(chars[start - 1]) { start -= 1 }
        var word = String(chars[start...])
        // A quoted name may hold spaces: look back for an open quote.
        if let quote = chars[..<chars.count].lastIndex(of: "\""), chars[..<quote].filter({ $0 == "\"" }).count % 2 == 0 {
            start = quote
            word = String(chars[quote...])
        }
        if word.hasPrefix("\"") {
            let inner = String(word.dropFirst())
            return outcome(word: word, prefix: inner, candidates: labels.filter { $0.lowercased().hasPrefix(inner.lowercased()) },
                           render: { "\"" + $0 + "\"" })
        }
        if word.hasPrefix("?") || word.isEmpty { return .none }
        let atStart = chars[..<start].allSatisfy(\.isWhitespace)
        var candidates: [String] = []
        if atStart && word.hasPrefix(".") {
            candidates = dotCommands.filter { $0.hasPrefix(word.lowercased()) }
        } else {
            let lower = word.lowercased()
            candidates = (keywords + names).filter { $0.lowercased().hasPrefix(lower) }
            // A label with spaces is offered quoted.
            candidates += labels.filter { $0.contains(" ") && $0.lowercased().hasPrefix(lower) }
        }
        return outcome(word: word, prefix: word, candidates: candidates, render: { $0.contains(" ") ? "\"" + $0 + "\"" : $0 })
    }

    private func outcome(word: String, prefix: String, candidates: [String], render: (String) -> String) -> Outcome {
        var unique: [String] = []
        var seen: Set<String> = []
        for c in candidates where seen.insert(c.lowercased()).inserted { unique.append(c) }
        unique.sort()
        guard let first = unique.first else { return .none }
        if unique.count == 1 { return .replace(delete: word.count, insert: render(first) + " ") }
        let common = unique.dropFirst().reduce(Array(first.lowercased())) { shared, next in
            Array(zip(shared, next.lowercased()).prefix { $0 == $1 }.map(\.0))
        }
        if common.count > prefix.count {
            // Keep the user's typing and add the shared rest, in the first candidate's case.
            return .replace(delete: 0, insert: String(Array(first)[prefix.count..<common.count]))
        }
        return .list(unique.map(render))
    }
}
