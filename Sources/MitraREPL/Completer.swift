/// Completes the word before the cursor from what fits where it stands: commands at the start
/// of a statement, predicates after a subject, entity names where an entity goes (quoted when
/// they hold spaces), classes after `:`, and a dot-command's settings after it. Pure logic, so
/// it is tested without a terminal.
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

    /// Words that start a statement (`find`, `path`, `help`, …).
    public var commands: [String]
    /// Dot-commands, each with the values it takes (empty when it takes none or a file).
    public var dotCommands: [String: [String]]
    public var predicates: [String]
    public var classes: [String]
    /// Every label, including those with spaces (completed inside quotes).
    public var labels: [String]

    public init(commands: [String], dotCommands: [String: [String]], predicates: [String], classes: [String], labels: [String]) {
        self.commands = commands
        self.dotCommands = dotCommands
        self.predicates = predicates
        self.classes = classes
        self.labels = labels
    }

    /// Where in a statement the word being typed stands.
    enum Slot: Equatable {
        case statementStart, entity, predicate, object, afterPattern, condition, none
    }

    /// Words that may follow a complete pattern.
    static let clauseWords = ["where", "and", "order", "by", "limit", "offset", "group", "asc", "desc"]
    /// Words that start a condition after `where`.
    static let conditionWords = ["support", "denials", "claims", "hedged", "negated", "contested", "source", "holder", "not"]

    /// The completion for `line`, the text before the cursor; `pending` holds the lines of an
    /// unfinished statement typed before it.
    public func complete(_ line: String, pending: String = "") -> Outcome {
        let chars = Array(line)
        var start = chars.count
        while start > 0, !" \t\n(),|^{}:".contains(chars[start - 1]) { start -= 1 }
        var word = String(chars[start...])
        // A quoted name may hold spaces: look back for an open quote.
        if let quote = chars.lastIndex(of: "\""), chars[..<quote].filter({ $0 == "\"" }).count % 2 == 0 {
            start = quote
            word = String(chars[quote...])
        }
        let before = String(chars[..<start])
        if pending.isEmpty, let dot = dotCompletion(before: before, word: word) { return dot }
        if word.hasPrefix("\"") {
            let inner = String(word.dropFirst())
            let slot = Self.slot(before: pending + "\n" + before)
            guard [.entity, .object, .statementStart, .condition].contains(slot) else { return .none }
            return outcome(word: word, prefix: inner, candidates: labels.filter { $0.lowercased().hasPrefix(inner.lowercased()) },
                           render: { "\"" + $0 + "\"" })
        }
        if word.hasPrefix("?") { return .none }
        var candidates: [String]
        if before.last == ":" {
            candidates = classes
        } else {
            switch Self.slot(before: pending + "\n" + before) {
            case .statementStart: candidates = commands + labels
            case .entity, .object: candidates = labels
            case .predicate: candidates = predicates + ["any"]
            case .afterPattern: candidates = Self.clauseWords
            case .condition: candidates = Self.conditionWords + labels
            case .none: return .none
            }
        }
        if word.isEmpty && candidates.count > 60 { return .none }
        let lower = word.lowercased()
        return outcome(word: word, prefix: word, candidates: candidates.filter { $0.lowercased().hasPrefix(lower) },
                       render: { $0.contains(" ") ? "\"" + $0 + "\"" : $0 })
    }

    /// After a dot-command at the start of the line: the dot-commands, or the command's values.
    private func dotCompletion(before: String, word: String) -> Outcome? {
        let trimmed = before.drop { $0.isWhitespace }
        if trimmed.isEmpty && word.hasPrefix(".") {
            return outcome(word: word, prefix: word, candidates: dotCommands.keys.filter { $0.hasPrefix(word.lowercased()) }, render: { $0 })
        }
        guard trimmed.hasPrefix(".") else { return nil }
        let command = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let values = dotCommands[command] ?? []
        return outcome(word: word, prefix: word, candidates: values.filter { $0.hasPrefix(word.lowercased()) }, render: { $0 })
    }

    /// Reads the statement before the cursor loosely, token by token, to tell which kind of
    /// word comes next. Unknown shapes give `.none` rather than a wrong list.
    static func slot(before text: String) -> Slot {
        let tokens = roughTokens(text)
        var slot = Slot.statementStart
        // For `describe X`, `path A to B` and `evidence S P O`: the slot after each name.
        var after: [Slot] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let lower = token.lowercased()
            index += 1
            if slot == .statementStart {
                switch lower {
                case "explain": continue
                case "find", "count": slot = .none; continue
                case "describe", "neighbors", "neighbours": slot = .entity; after = [.none]; continue
                case "path": slot = .entity; after = [.none, .entity, .none]; continue
                case "evidence": slot = .entity; after = [.predicate, .object, .none]; continue
                case "contested": slot = .none; continue
                default: break
                }
            }
            switch lower {
            case ";": slot = .statementStart; after = []; continue
            case "where", "and", ",": slot = .condition; after = []; continue
            case "(", "or", "not": slot = .condition; continue
            case "|", "^": slot = .predicate; continue
            case ":":
                // A class follows: skip it.
                if index < tokens.count { index += 1 }
                continue
            case "order", "group", "limit", "offset", "by", "max", "depth", "asc", "desc", "{", "}", ")":
                slot = .none; after = []; continue
            case "to" where slot == .none && after.count == 2:
                slot = .entity; after = [.none]; continue
            default: break
            }
            if token.first.map({ "=<>!".contains($0) }) == true || lower == "like" { slot = .object; continue }
            // A name or a variable fills the slot, and the next one opens.
            if !after.isEmpty {
                slot = after.removeFirst()
                continue
            }
            switch slot {
            case .statementStart, .entity, .condition:
                slot = conditionWords.contains(lower) ? .none : .predicate
            case .predicate: slot = .object
            case .object, .afterPattern, .none: slot = .afterPattern
            }
        }
        return slot
    }

    /// Words, quoted strings and single punctuation marks, enough to follow a statement.
    static func roughTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        var quote: Character?
        func flush() { if !word.isEmpty { tokens.append(word); word = "" } }
        for c in text {
            if let q = quote {
                word.append(c)
                if c == q { quote = nil; flush() }
            } else if c == "\"" || c == "'" {
                flush(); quote = c; word.append(c)
            } else if c.isWhitespace {
                flush()
            } else if ",;()|^:{}".contains(c) {
                flush(); tokens.append(String(c))
            } else {
                word.append(c)
            }
        }
        flush()
        return tokens
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
        guard common.count > prefix.count else { return .list(unique.map(render)) }
        // The shared rest, in the first candidate's case.
        let shared = String(Array(first)[..<common.count])
        if !word.hasPrefix("\"") && unique.contains(where: { $0.contains(" ") }) {
            // Some candidates need quotes: open them now, so the name can go on past a space.
            return .replace(delete: word.count, insert: "\"" + shared)
        }
        return .replace(delete: 0, insert: String(shared.dropFirst(prefix.count)))
    }
}
