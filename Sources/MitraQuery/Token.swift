import MitraModel

/// One lexical unit of a query.
public struct Token: Equatable, Sendable {
    /// What the lexer saw.
    public enum Kind: Equatable, Sendable {
        /// A bare word: a keyword, predicate, class or entity name (`kratom`, `7-OH`, `CHEBI:6956`).
        case word(String)
        /// `?name`.
        case variable(String)
        /// A quoted string, unescaped.
        case string(String)
        case integer(Int)
        /// One of `, ( ) { } | ^ : ; *`.
        case punct(Character)
        /// One of `= != < <= > >=`.
        case comparison(String)
        case end
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The token as an error message quotes it.
    public var quoted: String {
        switch kind {
        case .word(let w): "'\(w)'"
        case .variable(let v): "'?\(v)'"
        case .string(let s): "\"\(s)\""
        case .integer(let n): "'\(n)'"
        case .punct(let c): "'\(c)'"
        case .comparison(let op): "'\(op)'"
        case .end: "end of input"
        }
    }

    /// Whether this is the bare word `keyword`, ignoring case.
    public func isKeyword(_ keyword: String) -> Bool {
        guard case .word(let w) = kind else { return false }
        // The parser asks this of every token many times: compare ASCII words byte by byte
        // rather than lowercasing a copy; other words fold as Unicode does.
        guard w.utf8.allSatisfy({ $0 < 0x80 }) else { return w.lowercased() == keyword }
        return w.utf8.count == keyword.utf8.count && zip(w.utf8, keyword.utf8).allSatisfy { byte, expected in
            byte == expected || (byte >= 0x41 && byte <= 0x5A && byte + 0x20 == expected)
        }
    }
}
