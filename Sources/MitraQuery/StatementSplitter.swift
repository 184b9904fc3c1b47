/// Cuts a script into statements, as sqlite3 and psql do: a statement ends at a `;` or at an
/// empty line, never inside a quoted string or a `#` comment.
///
/// The shell, `.read` and `query --file` share it, so a file runs the same way in each.
public enum StatementSplitter {
    /// The statements of `text`, trimmed, each with its `;` (the parser takes it, and an error
    /// then shows the line as typed), empty ones left out.
    public static func split(_ text: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var scanner = Scanner()
        var lineIsBlank = true
        func finish() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty, !trimmed.allSatisfy({ $0 == ";" }) { statements.append(trimmed) }
            current = ""
        }
        for c in text {
            let wasInside = scanner.insideString
            scanner.feed(c)
            if c == ";" && !wasInside && !scanner.insideComment {
                current.append(c)
                finish()
                continue
            }
            if c == "\n" {
                // An empty line ends the statement unless a string is still open.
                if lineIsBlank && !scanner.insideString { finish() }
                lineIsBlank = true
            } else if !c.isWhitespace {
                lineIsBlank = false
            }
            current.append(c)
        }
        finish()
        return statements
    }

    /// Whether `text` ends a statement: its last character outside strings and comments,
    /// other than white space, is a `;`.
    public static func isTerminated(_ text: String) -> Bool {
        var scanner = Scanner()
        var last: Character?
        for c in text {
            let wasInside = scanner.insideString || scanner.insideComment
            scanner.feed(c)
            if !wasInside && !scanner.insideString && !scanner.insideComment && !c.isWhitespace { last = c }
        }
        return last == ";" && !scanner.insideString
    }

    /// Tracks whether the characters read so far leave a string or a comment open.
    struct Scanner {
        private(set) var insideComment = false
        private var quote: Character?
        private var escaped = false

        var insideString: Bool { quote != nil }

        mutating func feed(_ c: Character) {
            if insideComment {
                if c == "\n" { insideComment = false }
            } else if let open = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                insideComment = true
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
