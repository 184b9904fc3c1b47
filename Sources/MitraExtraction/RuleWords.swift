/// The function words the claim rules read — coordinators, example markers, clause
/// boundaries, copulas — as flags over vocabulary ids. These are English grammar, not domain
/// vocabulary, so they live here rather than in the ontology's cue lexicons.
struct RuleWords: Sendable {
    static let coordinator: UInt16 = 1 << 0
    static let example: UInt16 = 1 << 1
    static let boundary: UInt16 = 1 << 2
    static let hard: UInt16 = 1 << 3
    static let copula: UInt16 = 1 << 4
    static let comma: UInt16 = 1 << 5
    static let pronoun: UInt16 = 1 << 6
    static let forWord: UInt16 = 1 << 7
    static let preposition: UInt16 = 1 << 8
    static let neutral: UInt16 = 1 << 9
    static let determiner: UInt16 = 1 << 10
    static let withWord: UInt16 = 1 << 11
    static let adverb: UInt16 = 1 << 12
    /// Words that join a substance to the effect it modifies ("kratom-related deaths").
    static let compoundLink: UInt16 = 1 << 13
    static let likeWord: UInt16 = 1 << 14
    static let unlikeWord: UInt16 = 1 << 15

    static let words: [(String, UInt16)] = [
        (",", comma | coordinator), ("and", coordinator), ("or", coordinator), ("nor", coordinator),
        ("&", coordinator), ("/", coordinator), ("plus", coordinator), ("well", coordinator),
        ("such", example), ("like", example), ("including", example), ("include", example), ("includes", example),
        ("especially", example), ("particularly", example), ("namely", example), ("e.g", example),
        ("e", example), ("g", example), ("instance", example), ("(", example), ("notably", example),
        (")", neutral), ("*", neutral), ("_", neutral), (".", neutral), ("\"", neutral), ("'", neutral), ("as", neutral),
        // Punctuation ends clauses here; the words that do are the ontology's terminators.
        (";", boundary | hard), (":", boundary),
        ("is", copula), ("are", copula), ("was", copula), ("were", copula), ("be", copula), ("been", copula),
        ("being", copula), ("become", copula), ("becomes", copula), ("became", copula), ("feel", copula),
        ("feels", copula), ("felt", copula), ("get", copula), ("gets", copula), ("got", copula), ("seem", copula),
        ("seems", copula), ("remain", copula), ("remains", copula), ("do", copula), ("does", copula), ("did", copula),
        ("it", pronoun), ("its", pronoun), ("itself", pronoun), ("they", pronoun), ("them", pronoun),
        ("he", pronoun), ("she", pronoun), ("which", pronoun),
        ("for", forWord | preposition), ("in", preposition), ("of", preposition), ("with", preposition | withWord),
        ("from", preposition), ("to", preposition), ("on", preposition), ("by", preposition), ("at", preposition),
        ("the", determiner), ("a", determiner), ("an", determiner), ("any", determiner), ("some", determiner),
        ("very", adverb), ("so", adverb), ("too", adverb), ("quite", adverb), ("more", adverb), ("most", adverb),
        ("less", adverb), ("non", adverb), ("still", adverb), ("often", adverb), ("also", adverb), ("potentially", adverb),
        ("these", determiner), ("this", determiner), ("their", determiner),
        ("related", compoundLink), ("induced", compoundLink), ("associated", compoundLink), ("use", compoundLink),
        ("linked", compoundLink), ("attributed", compoundLink), ("like", likeWord), ("unlike", unlikeWord),
    ]

    /// Wider flags for the comparison words, kept apart so the common flags stay 16 bits.
    static let comparative: UInt32 = 1 << 16
    static let otherWord: UInt32 = 1 << 17
    static let verbLike: UInt32 = 1 << 18
    /// Words that introduce the examples of a category ("symptoms, chiefly irritability").
    static let exampleLead: UInt32 = 1 << 19
    /// "to" and "on" after the objects of "attributed … to X", "blamed … on X".
    static let dativeWord: UInt32 = 1 << 20
    /// Verbs that often follow a subject and head no noun phrase ("kratom has", "it may"): a
    /// mention before one needs no tagging.
    static let clauseVerb: UInt32 = 1 << 21
    /// Words that open a relative clause ("kratom, which …", "receptors that …").
    static let relativeWord: UInt32 = 1 << 22
    /// Words that make a comparison the token-level scan does not read ("than", "versus",
    /// "rather", "instead", "as … as"): sentences with one are chunked.
    static let comparisonWord: UInt32 = 1 << 23
    /// Single words the rules test for by id, not by spelling: "to", ":", "of", "as".
    static let toWord: UInt32 = 1 << 24
    static let colonWord: UInt32 = 1 << 25
    static let ofWord: UInt32 = 1 << 26
    static let asWord: UInt32 = 1 << 27
    /// Modal verbs: a fragment may open with one before its predicate ("May cause drowsiness").
    static let modalWord: UInt32 = 1 << 28
    /// Words that answer a yes-no question ("Yes, it is.", "No.").
    static let yesWord: UInt32 = 1 << 29
    static let noWord: UInt32 = 1 << 30

    static let wideWords: [(String, UInt32)] = [
        ("than", comparative), ("similar", comparative), ("compared", comparative), ("comparable", comparative),
        ("same", comparative), ("relative", comparative), ("other", otherWord), ("classical", otherWord),
        ("classic", otherWord), ("traditional", otherWord), ("conventional", otherWord), ("prescription", otherWord),
        ("acts", verbLike), ("works", verbLike), ("looks", verbLike), ("feels", verbLike), ("seems", verbLike),
        ("tastes", verbLike), ("sounds", verbLike), ("does", verbLike), ("is", verbLike), ("was", verbLike),
        ("behaves", verbLike), ("functions", verbLike),
        ("include", exampleLead), ("includes", exampleLead), ("included", exampleLead), ("chiefly", exampleLead),
        ("mainly", exampleLead), ("mostly", exampleLead), ("commonly", exampleLead), ("primarily", exampleLead),
        ("are", exampleLead), ("were", exampleLead), ("involve", exampleLead), ("involved", exampleLead),
        ("to", dativeWord), ("on", dativeWord),
        ("has", clauseVerb), ("have", clauseVerb), ("had", clauseVerb), ("may", clauseVerb), ("can", clauseVerb),
        ("could", clauseVerb), ("might", clauseVerb), ("will", clauseVerb), ("would", clauseVerb), ("should", clauseVerb),
        ("must", clauseVerb), ("not", clauseVerb), ("who", clauseVerb), ("that", clauseVerb),
        ("which", relativeWord), ("who", relativeWord), ("that", relativeWord), ("whose", relativeWord),
        ("than", comparisonWord), ("versus", comparisonWord), ("vs", comparisonWord), ("rather", comparisonWord),
        ("instead", comparisonWord), ("as", comparisonWord), ("equivalent", comparisonWord),
        ("akin", comparisonWord), ("analogous", comparisonWord), ("identical", comparisonWord), ("superior", comparisonWord),
        ("inferior", comparisonWord), ("contrast", comparisonWord), ("comparison", comparisonWord), ("like", comparisonWord),
        ("to", toWord), (":", colonWord), ("of", ofWord), ("as", asWord),
        ("may", modalWord), ("can", modalWord), ("could", modalWord), ("might", modalWord), ("will", modalWord),
        ("would", modalWord), ("should", modalWord), ("must", modalWord),
        ("yes", yesWord), ("yeah", yesWord), ("yep", yesWord), ("absolutely", yesWord), ("no", noWord), ("nope", noWord),
    ]

    private var flags: [UInt32] = []
    private var pendingWide: [(Int32, UInt32)] = []
    /// Per opening bracket id, the id of its closing bracket.
    private var closers: [Int32: Int32] = [:]
    private var pending: [(Int32, UInt16)] = []

    init(vocabulary: inout Vocabulary, terminators: [String] = []) {
        for (word, flag) in Self.words + terminators.map({ ($0.lowercased(), Self.boundary) }) {
            let scalars = Array(word.unicodeScalars)
                Tokenizer().scan(scalars, range: 0..<scalars.count) { _, folded in
                pending.append((vocabulary.intern(Array(folded)), flag))
            }
        }
        for (word, flag) in Self.wideWords {
            pendingWide.append((vocabulary.intern(word.unicodeScalars.map(\.value)), flag))
        }
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
            closers[vocabulary.intern(open.unicodeScalars.map(\.value))] = vocabulary.intern(close.unicodeScalars.map(\.value))
        }
    }

    /// The closing bracket's id for an opening bracket token, or nil.
    func closing(_ token: WordToken) -> Int32? { closers[token.id] }

    /// Call once the vocabulary is complete.
    mutating func seal(vocabularySize: Int) {
        flags = Array(repeating: 0, count: vocabularySize)
        for (id, flag) in pending { flags[Int(id)] |= UInt32(flag) }
        for (id, flag) in pendingWide { flags[Int(id)] |= flag }
        pending = []
        pendingWide = []
    }

    @inline(__always)
    func has(_ token: WordToken, _ flag: UInt16) -> Bool {
        token.id >= 0 && flags[Int(token.id)] & UInt32(flag) != 0
    }

    @inline(__always)
    func has(_ token: WordToken, _ flag: UInt32) -> Bool {
        token.id >= 0 && flags[Int(token.id)] & flag != 0
    }
}
