import MitraModel
/// Reads tokens into a `Statement` by recursive descent, one function per grammar rule of
/// docs/query-language.md.
public struct Parser {
    private var tokens: [Token]
    private var index = 0
    /// How deep `not`, parentheses and `explain` nest, bounded so that no input can
    /// exhaust the stack.
    private var depth = 0
    static let maximumDepth = 64
    /// The most conditions (atoms joined by `and`/`or`) and triple patterns one query may
    /// hold, checked here so that no query reaches SQLite's own limits (expression depth,
    /// 64 tables in a join) or deep recursion in the planner.
    public static let maximumConditions = 256
    public static let maximumPatterns = 32
    private var conditionCount = 0
    private var patternCount = 0

    /// Counts one more pattern starting at `position`, failing past the most a query may hold.
    private mutating func countPattern(at position: SourcePosition) throws {
        patternCount += 1
        if patternCount > Self.maximumPatterns {
            throw QueryError(kind: .invalid, line: position.line, column: position.column,
                             message: "too many patterns: at most \(Self.maximumPatterns)")
        }
    }

    /// Words that end a clause, so they can never be taken for a predicate or an entity.
    static let reserved: Set<String> = ["and", "or", "where", "order", "limit", "offset", "group", "by", "to", "max", "depth"]
    /// Words that start a statement.
    public static let commands = ["find", "count", "describe", "neighbors", "neighbours", "path", "evidence", "contested", "explain"]
    /// Every keyword, for completion.
    public static let keywords = commands + ["where", "and", "or", "not", "order", "by", "asc", "desc", "limit", "offset",
        "group", "to", "max", "depth", "any", "source", "holder", "like"] + EdgeNumber.allCases.map(\.rawValue) + EdgeFlag.allCases.map(\.rawValue)

    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole query.
    public static func parse(_ text: String) throws -> Statement {
        var parser = Parser(tokens: try Lexer.tokenize(text))
        return try parser.query()
    }

    // MARK: query = statement [ ";" ] EOF

    mutating func query() throws -> Statement {
        let statement = try statement()
        if current.kind == .punct(";") { advance() }
        guard current.kind == .end else { throw expected("end of the query") }
        return statement
    }

    // MARK: statement = explain | find | count | describe | neighbors | path | evidence | contested | bare

    mutating func statement() throws -> Statement {
        if current.isKeyword("explain") {
            try enter()
            defer { depth -= 1 }
            advance()
            return .explain(try statement())
        }
        if current.isKeyword("find") { return .select(try find()) }
        if current.isKeyword("count") { return .select(try count()) }
        if current.isKeyword("describe") { return try describe() }
        if current.isKeyword("neighbors") || current.isKeyword("neighbours") { return try neighbors() }
        if current.isKeyword("path") { return try path() }
        if current.isKeyword("evidence") { return try evidence() }
        if current.isKeyword("contested") { return try contested() }
        if startsTerm {
            let first = current
            let third = tokens[min(index + 2, tokens.count - 1)].position
            do {
                return .select(try bare())
            } catch let error as QueryError {
                // `select ?a where …` fails at its third token, where an object should be: the
                // first word is then a command from another language, or a misspelt one.
                guard error.line == third.line, error.column == third.column, let command = Self.misspeltCommand(first) else {
                    throw error
                }
                throw command
            }
        }
        throw expected("a command (find, count, describe, neighbors, path, evidence, contested) or a triple pattern")
    }

    // MARK: find = "find" projection { "," projection } "where" clauses [ group ] tail

    mutating func find() throws -> Select {
        let start = current.position
        advance()
        var projection = [try projectionItem()]
        while current.kind == .punct(",") {
            advance()
            projection.append(try projectionItem())
        }
        try expectKeyword("where")
        var select = try clauses(start: start)
        select.projection = projection
        select.groupBy = try group()
        select.tail = try tail()
        return select
    }

    // MARK: projection = VARIABLE | "count" "(" ( VARIABLE | "*" ) ")" | EDGENUMBER

    mutating func projectionItem() throws -> ProjectionItem {
        if case .variable(let name) = current.kind {
            defer { advance() }
            return .variable(Variable(name, at: current.position))
        }
        if current.isKeyword("count") {
            advance()
            try expectPunct("(")
            var counted: Variable?
            if case .variable(let name) = current.kind {
                counted = Variable(name, at: current.position)
                advance()
            } else if current.kind == .punct("*") {
                advance()
            } else {
                throw expected("a variable or '*'")
            }
            try expectPunct(")")
            return .count(counted)
        }
        if let number = edgeNumber {
            defer { advance() }
            return .edge(number, current.position)
        }
        throw expected("a variable, count(…) or an edge attribute (support, denials, claims, hedged)")
    }

    // MARK: count = "count" [ VARIABLE | "*" ] "where" clauses [ group ] tail

    mutating func count() throws -> Select {
        let start = current.position
        advance()
        var counted: Variable?
        if case .variable(let name) = current.kind {
            counted = Variable(name, at: current.position)
            advance()
        } else if current.kind == .punct("*") {
            advance()
        }
        try expectKeyword("where")
        var select = try clauses(start: start)
        select.groupBy = try group()
        select.projection = select.groupBy.map { .variable($0) } + [.count(counted)]
        select.tail = try tail()
        return select
    }

    // MARK: bare = pattern { ( "," | "and" ) pattern } [ "where" clauses ] tail

    mutating func bare() throws -> Select {
        let start = current.position
        var patterns = [try pattern()]
        while isSeparator {
            advance()
            patterns.append(try pattern())
        }
        var select = Select(projection: nil, patterns: patterns, conditions: [], position: start)
        try optionalWhere(into: &select)
        select.groupBy = try group()
        select.tail = try tail()
        return select
    }

    // MARK: clauses = clause { ( "," | "and" ) clause }

    mutating func clauses(start: SourcePosition) throws -> Select {
        var select = Select(projection: nil, patterns: [], conditions: [], position: start)
        repeat {
            if !select.patterns.isEmpty || !select.conditions.isEmpty { advance() }
            switch try clause() {
            case .pattern(let p): select.patterns.append(p)
            case .condition(let c): select.conditions.append(c)
            }
        } while isSeparator
        return select
    }

    /// A clause of a `where`: a pattern to match or a condition to test.
    enum Clause {
        case pattern(Pattern)
        case condition(Condition)
    }

    // MARK: clause = pattern | condition

    mutating func clause() throws -> Clause {
        if startsCondition { return .condition(try condition()) }
        guard startsTerm else { throw expected("a triple pattern or a condition") }
        let start = current.position
        let subject = try term()
        if startsPredicate {
            try countPattern(at: start)
            let predicate = try predicate()
            return .pattern(Pattern(subject: subject, predicate: predicate, object: try term()))
        }
        if case .variable(let v, let cls?) = subject {
            return .condition(try disjunction(continuing: .isA(v, cls)))
        }
        if case .entity(let name) = subject, let misspelt = Self.misspeltFilter(name) { throw misspelt }
        throw expected("a predicate")
    }

    // MARK: pattern = term predicate term

    mutating func pattern() throws -> Pattern {
        try countPattern(at: current.position)
        let subject = try term()
        guard startsPredicate else { throw expected("a predicate") }
        let predicate = try predicate()
        return Pattern(subject: subject, predicate: predicate, object: try term())
    }

    // MARK: term = VARIABLE [ ":" NAME ] | name

    mutating func term() throws -> PatternTerm {
        if case .variable(let name) = current.kind {
            let variable = Variable(name, at: current.position)
            advance()
            guard current.kind == .punct(":") else { return .variable(variable, nil) }
            advance()
            return .variable(variable, try self.name(what: "a class name"))
        }
        guard startsTerm else { throw expected("a variable or an entity name") }
        return .entity(try name(what: "an entity name"))
    }

    // MARK: name = WORD | STRING

    mutating func name(what: String) throws -> NameRef {
        switch current.kind {
        case .word(let w) where !Self.reserved.contains(w.lowercased()):
            defer { advance() }
            return NameRef(w, at: current.position)
        case .string(let s):
            defer { advance() }
            return NameRef(s, at: current.position)
        case .integer(let n):
            defer { advance() }
            return NameRef(String(n), at: current.position)
        default:
            throw expected(what)
        }
    }

    // MARK: predicate = VARIABLE | steps [ repeat ]

    mutating func predicate() throws -> PredicateExpr {
        let start = current.position
        if case .variable(let name) = current.kind {
            advance()
            return .variable(Variable(name, at: start))
        }
        let steps = try steps()
        let (min, max) = try repeatBounds()
        return .steps(steps, min: min, max: max, position: start)
    }

    // MARK: steps = step { "|" step } | "(" step { "|" step } ")"

    mutating func steps() throws -> [PredicateStep] {
        let parenthesized = current.kind == .punct("(")
        if parenthesized { advance() }
        var steps = [try step()]
        while current.kind == .punct("|") {
            advance()
            steps.append(try step())
        }
        if parenthesized { try expectPunct(")") }
        return steps
    }

    // MARK: step = [ "^" ] ( WORD | "any" )

    mutating func step() throws -> PredicateStep {
        var inverse = false
        if current.kind == .punct("^") {
            inverse = true
            advance()
        }
        guard case .word(let w) = current.kind, !Self.reserved.contains(w.lowercased()) else {
            throw expected("a predicate")
        }
        defer { advance() }
        if w.lowercased() == "any" { return PredicateStep(name: nil, inverse: inverse) }
        return PredicateStep(name: NameRef(w, at: current.position), inverse: inverse)
    }

    // MARK: repeat = "{" INTEGER [ "," INTEGER ] "}"

    mutating func repeatBounds() throws -> (Int, Int) {
        guard current.kind == .punct("{") else { return (1, 1) }
        advance()
        let min = try integer(what: "the least number of steps")
        var max = min
        if current.kind == .punct(",") {
            advance()
            max = try integer(what: "the most number of steps")
        }
        let close = current.position
        try expectPunct("}")
        guard min >= 1, max >= min, max <= 10 else {
            throw QueryError(kind: .invalid, line: close.line, column: close.column,
                             message: "a path's steps must satisfy 1 <= least <= most <= 10")
        }
        return (min, max)
    }

    // MARK: condition = disjunction

    mutating func condition() throws -> Condition {
        try disjunction(continuing: try negation())
    }

    // MARK: disjunction = negation { "or" negation }

    mutating func disjunction(continuing first: Condition) throws -> Condition {
        var result = first
        while current.isKeyword("or") {
            advance()
            result = .or(result, try negation())
        }
        return result
    }

    // MARK: negation = "not" negation | "(" condition { "and" condition } ")" | atom

    mutating func negation() throws -> Condition {
        try enter()
        defer { depth -= 1 }
        if current.isKeyword("not") {
            advance()
            return .not(try negation())
        }
        if current.kind == .punct("(") {
            advance()
            var result = try condition()
            while current.isKeyword("and") {
                advance()
                result = .and(result, try condition())
            }
            try expectPunct(")")
            return result
        }
        return try atom()
    }

    // MARK: atom = EDGENUMBER COMPARISON INTEGER | EDGEFLAG | ( "source" | "holder" ) ( "=" | "!=" | "like" ) name
    //            | VARIABLE COMPARISON term | VARIABLE ":" NAME

    mutating func atom() throws -> Condition {
        conditionCount += 1
        if conditionCount > Self.maximumConditions {
            throw QueryError(kind: .invalid, line: current.position.line, column: current.position.column,
                             message: "too many conditions: at most \(Self.maximumConditions)")
        }
        // `hedged` alone is the flag (some claim is hedged); before a comparison, the count.
        let next = tokens[min(index + 1, tokens.count - 1)].kind
        let comparing = if case .comparison = next { true } else { false }
        if let number = edgeNumber, number != .hedged || comparing {
            advance()
            guard case .comparison(let op) = current.kind else { throw expected("a comparison (=, !=, <, <=, >, >=)") }
            advance()
            return .number(number, op, try integer(what: "a number"))
        }
        if case .word(let w) = current.kind, let flag = EdgeFlag(rawValue: w.lowercased()) {
            advance()
            return .flag(flag)
        }
        if current.isKeyword("source") || current.isKeyword("holder") {
            let isSource = current.isKeyword("source")
            advance()
            var op: String
            if case .comparison(let c) = current.kind, c == "=" || c == "!=" {
                op = c
            } else if current.isKeyword("like") {
                op = "like"
            } else {
                throw expected("'=', '!=' or 'like'")
            }
            advance()
            return isSource ? .source(op, try name(what: "a document id")) : .holder(op, try name(what: "a holder's name"))
        }
        if case .variable(let name) = current.kind {
            let variable = Variable(name, at: current.position)
            advance()
            if current.kind == .punct(":") {
                advance()
                return .isA(variable, try self.name(what: "a class name"))
            }
            guard case .comparison(let op) = current.kind, op == "=" || op == "!=" else { throw expected("'=' or '!='") }
            advance()
            return .compare(variable, op, try term())
        }
        throw expected("a condition")
    }

    // MARK: group = "group" "by" VARIABLE { "," VARIABLE }

    mutating func group() throws -> [Variable] {
        guard current.isKeyword("group") else { return [] }
        advance()
        try expectKeyword("by")
        var variables: [Variable] = []
        repeat {
            if !variables.isEmpty { advance() }
            guard case .variable(let name) = current.kind else { throw expected("a variable") }
            variables.append(Variable(name, at: current.position))
            advance()
        } while current.kind == .punct(",")
        return variables
    }

    // MARK: tail = [ "order" "by" orderKey { "," orderKey } ] [ "limit" INTEGER ] [ "offset" INTEGER ]

    mutating func tail() throws -> Tail {
        var tail = Tail()
        if current.isKeyword("order") {
            advance()
            try expectKeyword("by")
            tail.order.append(try orderKey())
            while current.kind == .punct(",") {
                advance()
                tail.order.append(try orderKey())
            }
        }
        if current.isKeyword("limit") {
            advance()
            tail.limit = try integer(what: "a number of rows")
        }
        if current.isKeyword("offset") {
            advance()
            tail.offset = try integer(what: "a number of rows")
        }
        return tail
    }

    // MARK: orderKey = ( VARIABLE | "count" | EDGENUMBER ) [ "asc" | "desc" ]

    mutating func orderKey() throws -> OrderKey {
        let position = current.position
        var target: OrderKey.Target
        if case .variable(let name) = current.kind {
            target = .variable(Variable(name, at: position))
        } else if current.isKeyword("count") {
            target = .count
        } else if let number = edgeNumber {
            target = .edge(number)
        } else {
            throw expected("a variable, count or an edge attribute (support, denials, claims, hedged)")
        }
        advance()
        var descending = false
        if current.isKeyword("desc") {
            descending = true
            advance()
        } else if current.isKeyword("asc") {
            advance()
        }
        return OrderKey(target: target, descending: descending, position: position)
    }

    // MARK: describe = "describe" name

    mutating func describe() throws -> Statement {
        advance()
        return .describe(try name(what: "an entity name"))
    }

    // MARK: neighbors = ( "neighbors" | "neighbours" ) name [ "depth" INTEGER ] tail

    mutating func neighbors() throws -> Statement {
        advance()
        let entity = try name(what: "an entity name")
        let depth = try optionalBound("depth", default: 1, range: 1...6, what: "a depth")
        return .neighbors(entity, depth: depth, tail: try tail())
    }

    // MARK: path = "path" [ "all" ] name "to" name [ "max" INTEGER ]

    mutating func path() throws -> Statement {
        advance()
        // `path all A to B`; an entity called "all" is still `path all to B`.
        let all = current.isKeyword("all") && tokens[min(index + 1, tokens.count - 1)].isKeyword("to") == false
        if all { advance() }
        let from = try name(what: "an entity name")
        try expectKeyword("to")
        let to = try name(what: "an entity name")
        let maxLength = try optionalBound("max", default: 4, range: 1...10, what: "the longest path length")
        return .path(from: from, to: to, maxLength: maxLength, all: all)
    }

    /// `[ keyword INTEGER ]` with the integer in `range`: the value, or `defaultValue` when
    /// the keyword is absent.
    mutating func optionalBound(
        _ keyword: String, default defaultValue: Int, range: ClosedRange<Int>, what: String
    ) throws -> Int {
        guard current.isKeyword(keyword) else { return defaultValue }
        advance()
        let position = current.position
        let value = try integer(what: what)
        guard range.contains(value) else {
            throw QueryError(kind: .invalid, line: position.line, column: position.column,
                             message: "\(keyword) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    // MARK: evidence = "evidence" pattern [ "where" clauses ] tail

    mutating func evidence() throws -> Statement {
        let start = current.position
        advance()
        var select = Select(projection: nil, patterns: [try pattern()], conditions: [], position: start)
        try optionalWhere(into: &select)
        select.tail = try tail()
        return .evidence(select)
    }

    /// `[ "where" clauses ]` after a statement's patterns, adding to them.
    mutating func optionalWhere(into select: inout Select) throws {
        guard current.isKeyword("where") else { return }
        advance()
        let more = try clauses(start: select.position)
        select.patterns += more.patterns
        select.conditions = more.conditions
    }

    // MARK: contested = "contested" [ "with" "evidence" ] tail

    mutating func contested() throws -> Statement {
        advance()
        var withEvidence = false
        if current.isKeyword("with") {
            advance()
            try expectKeyword("evidence")
            withEvidence = true
        }
        return .contested(try tail(), withEvidence: withEvidence)
    }

    // MARK: helpers

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw QueryError(kind: .invalid, line: current.position.line, column: current.position.column,
                             message: "the query nests more than \(Self.maximumDepth) levels deep")
        }
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private var isSeparator: Bool { current.kind == .punct(",") || current.isKeyword("and") }

    private var edgeNumber: EdgeNumber? {
        if case .word(let w) = current.kind { return EdgeNumber(word: w) }
        return nil
    }

    private var startsTerm: Bool {
        switch current.kind {
        case .variable, .string, .integer: return true
        case .word(let w): return !Self.reserved.contains(w.lowercased())
        default: return false
        }
    }

    private var startsPredicate: Bool {
        switch current.kind {
        case .variable, .punct("^"), .punct("("): return true
        case .word(let w): return !Self.reserved.contains(w.lowercased())
        default: return false
        }
    }

    private var startsCondition: Bool {
        switch current.kind {
        case .punct("("): return true
        case .word(let w):
            let lower = w.lowercased()
            return lower == "not" || lower == "source" || lower == "holder" || EdgeNumber(word: lower) != nil || EdgeFlag(rawValue: lower) != nil
        case .variable:
            if case .comparison = tokens[min(index + 1, tokens.count - 1)].kind { return true }
            return false
        default: return false
        }
    }

    private mutating func integer(what: String) throws -> Int {
        guard case .integer(let n) = current.kind else { throw expected(what) }
        advance()
        return n
    }

    private mutating func expectKeyword(_ keyword: String) throws {
        guard current.isKeyword(keyword) else { throw expected("'\(keyword)'") }
        advance()
    }

    private mutating func expectPunct(_ c: Character) throws {
        guard current.kind == .punct(c) else { throw expected("'\(c)'") }
        advance()
    }

    private func expected(_ what: String) -> QueryError {
        QueryError(kind: .syntax, line: current.position.line, column: current.position.column,
                   message: "expected \(what), found \(current.quoted)" + Self.hint(tokens, at: index))
    }
}
