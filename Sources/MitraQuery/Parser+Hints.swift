import MitraModel

/// The "did you mean" part of a syntax error: the habits a query's author brings from SQL and
/// Cypher, misspelt keywords and filters, and names of several words written without quotes.
extension Parser {
    /// Words other query languages use where this one says `find`.
    static let findSynonyms: Set<String> = ["select", "match", "return", "get", "show", "list"]

    /// Words that may follow a name or a pattern, the ones a typo most often hits.
    static let clauseKeywords = ["where", "and", "or", "not", "order", "by", "limit", "offset", "group", "asc", "desc",
                                 "to", "max", "depth"]

    /// Edge attributes a filter names.
    static let filterWords = EdgeNumber.allCases.map(\.rawValue) + EdgeFlag.allCases.map(\.rawValue) + ["source", "holder"]

    /// A hint for an error at `tokens[index]`: a keyword the word is a typo of, or the quoted
    /// name when it continues the name before it. "" when there is nothing to add.
    static func hint(_ tokens: [Token], at index: Int) -> String {
        guard case .word(let word) = tokens[index].kind else { return "" }
        let near = EditDistance.nearest(to: word, in: clauseKeywords + filterWords, count: 1)
        if let keyword = near.first, keyword != word.lowercased() { return "; did you mean '\(keyword)'?" }
        guard index > 0, let previous = nameText(tokens[index - 1]) else { return "" }
        var words = [previous, word]
        var next = index + 1
        while next < tokens.count, case .word(let more) = tokens[next].kind, !reserved.contains(more.lowercased()) {
            words.append(more)
            next += 1
        }
        return "; did you mean \"\(words.joined(separator: " "))\"? (a name with spaces is quoted)"
    }

    /// The text of a token that can be an entity name.
    private static func nameText(_ token: Token) -> String? {
        if case .word(let w) = token.kind, !reserved.contains(w.lowercased()) { return w }
        return nil
    }

    /// A filter word misspelt where a pattern's subject was read (`suport >= 2`), as an error.
    static func misspeltFilter(_ name: NameRef) -> QueryError? {
        guard !name.text.contains(" "), let near = EditDistance.nearest(to: name.text, in: filterWords, count: 1).first else { return nil }
        return QueryError(kind: .syntax, line: name.position.line, column: name.position.column,
                          message: "unknown filter '\(name.text)'; did you mean '\(near)'?")
    }

    /// A command from another language (`select`) or a misspelt one (`fnd`), as an error.
    static func misspeltCommand(_ token: Token) -> QueryError? {
        guard case .word(let word) = token.kind else { return nil }
        let lower = word.lowercased()
        let suggestion = findSynonyms.contains(lower) ? "find" : EditDistance.nearest(to: lower, in: commands, count: 1).first
        guard let suggestion, suggestion != lower else { return nil }
        return QueryError(kind: .syntax, line: token.position.line, column: token.position.column,
                          message: "unknown command '\(word)'; did you mean '\(suggestion)'?")
    }
}
