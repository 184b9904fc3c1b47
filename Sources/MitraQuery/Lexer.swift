import MitraModel
/// Splits query text into tokens, keeping each token's line and column.
///
/// Words run over letters, digits, `_ - . +` and Unicode hyphens, so that names such as `7-hydroxymitragynine`,
/// `7-OH` and `mu-opioid` need no quotes; a colon between word characters joins a CURIE
/// (`CHEBI:6956`). `#` starts a comment that runs to the end of the line.
public struct Lexer {
    private let scalars: [Character]
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ text: String) {
        scalars = Array(text)
    }

    /// Every token of the text, ending with `.end`.
    public static func tokenize(_ text: String) throws -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The next token.
    public mutating func next() throws -> Token {
        skipBlanksAndComments()
        let start = SourcePosition(line: line, column: column)
        guard let c = peek() else { return Token(.end, at: start) }
        if c == "?" { return try variable(start) }
        if c == "\"" || c == "'" { return try string(start, quote: c) }
        if Self.isWordCharacter(c) { return word(start) }
        advance()
        switch c {
        case ",", "(", ")", "{", "}", "|", "^", ":", ";", "*":
            return Token(.punct(c), at: start)
        case "=":
            if peek() == "=" { advance() }
            return Token(.comparison("="), at: start)
        case "!":
            guard peek() == "=" else { throw error("expected '=' after '!'", at: start) }
            advance()
            return Token(.comparison("!="), at: start)
        case "<", ">":
            if peek() == "=" {
                advance()
                return Token(.comparison(String(c) + "="), at: start)
            }
            return Token(.comparison(String(c)), at: start)
        default:
            throw error("unexpected character '\(c)'", at: start)
        }
    }

    private mutating func variable(_ start: SourcePosition) throws -> Token {
        advance()
        var name = ""
        while let c = peek(), c.isLetter || c.isNumber || c == "_" {
            name.append(c)
            advance()
        }
        if name.isEmpty { throw error("expected a variable name after '?'", at: start) }
        return Token(.variable(name), at: start)
    }

    private mutating func string(_ start: SourcePosition, quote: Character) throws -> Token {
        advance()
        var text = ""
        while let c = peek() {
            advance()
            if c == quote { return Token(.string(text), at: start) }
            if c == "\\" {
                guard let escaped = peek() else { break }
                advance()
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(c)
            }
        }
        throw error("unterminated string; expected a closing \(quote)", at: start)
    }

    private mutating func word(_ start: SourcePosition) -> Token {
        var text = ""
        while let c = peek() {
            if Self.isWordCharacter(c) {
                text.append(c)
                advance()
            } else if c == ":" && !text.isEmpty, let after = peek(1), Self.isWordCharacter(after), text.first?.isLetter == true {
                text.append(c)
                advance()
            } else {
                break
            }
        }
        // INTEGER is digits only: `-1` and `+3` are words, so `limit -1` is refused.
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) { return Token(.integer(n), at: start) }
        return Token(.word(text), at: start)
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        // Most queries are ASCII: a byte test spares the Unicode property lookups.
        if let a = c.asciiValue {
            return (a | 0x20 >= 0x61 && a | 0x20 <= 0x7A) || (a >= 0x30 && a <= 0x39) || a == 0x5F || a == 0x2D || a == 0x2E || a == 0x2B
        }
        return c.isLetter || c.isNumber || c == "\u{2010}" || c == "\u{2011}"
    }

    private mutating func skipBlanksAndComments() {
        while let c = peek() {
            if c == " " || c.isWhitespace {
                advance()
            } else if c == "#" {
                while let d = peek(), !d.isNewline { advance() }
            } else {
                return
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        let c = scalars[index]
        if c != " " && c.isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String, at position: SourcePosition) -> QueryError {
        QueryError(kind: .syntax, line: position.line, column: position.column, message: message)
    }
}
