/// What `Chunker` finds in one tagged sentence: noun-phrase chunks with their heads, clauses,
/// inserts (parentheses, citations, dashes) and comparisons. Every index is a token index into
/// the words the analysis was made from.
public struct SentenceAnalysis: Sendable, Equatable {
    /// The tags the analysis was made from.
    public var tags: [UniversalTag]
    /// The noun chunks, in order.
    public var chunks: [NounChunk]
    /// Subordinate and relative clauses, in the order of their markers.
    public var clauses: [Clause]
    /// Tokens where a new clause starts: each clause's marker, and a conjunction that starts a
    /// new predicate ("is not safe | and can be addictive").
    public var boundaries: [Int]
    /// Parentheses, citations and dash inserts, in order.
    public var inserts: [Insert]
    /// Noun chunks joined by commas and "and"/"or", with inserts between them skipped ("pain
    /// (91%), anxiety (67%), and depression").
    public var coordinations: [Coordination]
    /// Comparisons, in order.
    public var comparisons: [Comparison]
    /// The sentence asks rather than states: it ends in "?" or opens with an auxiliary
    /// ("Does kratom work for pain?", "Can kratom cause seizures").
    public var isQuestion: Bool
    /// For each token, the index into `chunks` of the chunk holding it, or -1.
    var chunkOfToken: [Int]

    /// The noun chunk holding token `index`, if any.
    public func chunk(containing index: Int) -> NounChunk? {
        guard chunkOfToken.indices.contains(index), chunkOfToken[index] >= 0 else { return nil }
        return chunks[chunkOfToken[index]]
    }

    /// Whether token `index` heads its noun chunk ("cravings" of "opioid cravings").
    public func isHead(_ index: Int) -> Bool { chunk(containing: index)?.head == index }

    /// Whether token `index` is what something is compared with ("morphine" of "acts like
    /// morphine"), so that it is not the subject of a claim.
    public func isCompared(_ index: Int) -> Bool { comparisons.contains { $0.object.contains(index) } }

    /// Whether token `index` is inside (or is a bracket of) a parenthesis, citation or dash insert.
    public func isInserted(_ index: Int) -> Bool { inserts.contains { $0.range.contains(index) } }

    /// Where the insert opening at token `index` ends (its last token plus one), if one opens there.
    func insertEnd(at index: Int) -> Int? { inserts.first { $0.range.lowerBound == index }?.range.upperBound }

    /// The coordination whose chunks include the one holding token `index`, if any.
    public func coordination(containing index: Int) -> Coordination? {
        guard chunkOfToken.indices.contains(index), chunkOfToken[index] >= 0 else { return nil }
        return coordinations.first { $0.chunks.contains(chunkOfToken[index]) }
    }

    /// The innermost subordinate or relative clause holding token `index`, if any.
    public func clause(containing index: Int) -> Clause? {
        clauses.filter { $0.range.contains(index) }.min { $0.range.count < $1.range.count }
    }
}

/// A noun phrase without its attachments ("the opioid cravings", "kratom - related deaths"):
/// determiners, modifiers and the head noun last.
public struct NounChunk: Sendable, Equatable {
    /// All its tokens.
    public var range: Range<Int>
    /// The head: the last noun, proper noun, pronoun or number of the chunk.
    public var head: Int

    /// The tokens before the head (determiners, adjectives, compound nouns such as "kratom" of
    /// "kratom withdrawal").
    public var modifiers: Range<Int> { range.lowerBound..<head }
}

/// Noun chunks in a list: "arthritis, fibromyalgia, and lower back pain".
public struct Coordination: Sendable, Equatable {
    /// Indices into `SentenceAnalysis.chunks`, in order.
    public var chunks: [Int]
    /// Each chunk's head.
    public var heads: [Int]
    /// From the first chunk's first token to the last chunk's last.
    public var range: Range<Int>
}

/// A subordinate or relative clause, with the word that opens it.
public struct Clause: Sendable, Equatable {
    /// What opens the clause.
    public enum Kind: String, Sendable {
        /// Opened by a subordinator: "because", "although", "if", "while", "that".
        case subordinate
        /// Opened by a relative pronoun after a noun: "which", "who", "that", "whose", "where".
        case relative
    }

    /// Subordinate or relative.
    public var kind: Kind
    /// From the marker to the clause's last token.
    public var range: Range<Int>
    /// The subordinator or relative pronoun.
    public var marker: Int
    /// For a relative clause, the head of the noun it describes ("users" of "users who take it").
    public var antecedent: Int?
}

/// A stretch set apart from the sentence: in brackets, or between dashes.
public struct Insert: Sendable, Equatable {
    /// What sets the insert apart.
    public enum Kind: String, Sendable {
        /// "(91%)", "(also called ketum)".
        case parenthesis
        /// "[3]", "(Smith et al., 2019)", "(1, 2)".
        case citation
        /// "— a plant from Asia —".
        case dash
    }

    /// Parenthesis, citation or dash.
    public var kind: Kind
    /// Including the brackets or dashes.
    public var range: Range<Int>
}

/// A comparison ("acts like morphine", "more potent than codeine"): `object` is what the
/// sentence compares with, never the subject of a claim made about the other side.
public struct Comparison: Sendable, Equatable {
    /// The words that compare.
    public enum Kind: String, Sendable {
        /// "like X", "just like X".
        case like
        /// "unlike X".
        case unlike
        /// "similar to X", "comparable to X", "equivalent to X", "akin to X", "the same as X".
        case similarTo
        /// "more potent than X", "stronger than X".
        case than
        /// "compared with X", "in comparison to X", "relative to X", "versus X", "in contrast to X".
        case comparedWith
        /// "as potent as X".
        case asAs
        /// "rather than X", "instead of X".
        case ratherThan
    }

    /// Which comparison.
    public var kind: Kind
    /// The words that make the comparison ("similar to", "than", "compared with").
    public var marker: Range<Int>
    /// The compared noun phrases, with any coordination ("like morphine and codeine").
    public var object: Range<Int>
    /// The head of each compared noun phrase.
    public var heads: [Int]
}
