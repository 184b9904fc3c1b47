import MitraModel

/// A user's claim pattern (`mg:ClaimPattern`): token specs in the spirit of spaCy's Matcher,
/// two of which are the claim's subject and object, with the predicate and polarity it states.
///
/// Written in Turtle as one literal of bracketed specs, each a list of `KEY=VALUE` and a role:
/// `[ENT_CLASS=Plant subject] [LEMMA=soothe] [POS=DET OP=?] [ENT_CLASS=Condition object]`.
public struct ClaimPattern: Sendable, Equatable, Hashable {
    /// How often a spec may match in a row: once, `?` (0 or 1), `+` (1 or more), `*` (0 or more).
    public enum Repeat: String, Sendable, Hashable { case one = "", optional = "?", oneOrMore = "+", any = "*" }
    /// Which end of the claim a spec's mention is.
    public enum Role: String, Sendable, Hashable { case subject, object }

    /// What one token (or, with `entityClass`, one mention) must be.
    public struct TokenSpec: Sendable, Equatable, Hashable {
        public var lemma: String?
        public var lower: String?
        /// A Universal Dependencies tag (`VERB`, `NOUN`, `DET`, …).
        public var pos: String?
        /// A mention of this class or a subclass; the spec then matches the whole mention.
        public var entityClass: EntityClass?
        public var repeats: Repeat = .one
        public var role: Role?
        /// Where the spec starts in the pattern text (0-based, in characters), for errors.
        public var offset: Int = 0

        public init() {}
    }

    /// The rule id of the pattern's claims is `pattern+` and this id.
    public var id: String
    public var predicate: String
    public var negated: Bool
    public var confidence: Double
    public var specs: [TokenSpec]

    public init(id: String, predicate: String, negated: Bool, confidence: Double, specs: [TokenSpec]) {
        self.id = id
        self.predicate = predicate
        self.negated = negated
        self.confidence = confidence
        self.specs = specs
    }

    /// The 17 Universal Dependencies part-of-speech tags a `POS` value may name.
    public static let partsOfSpeech: Set<String> = [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
        "SYM", "VERB", "X",
    ]

    /// What is wrong with a pattern's text, and where in it (0-based character offset).
    public struct SyntaxError: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String

        public init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    /// The specs of `text`; `isClass` says whether an `ENT_CLASS` value names a class.
    public static func parse(_ text: String, isClass: (EntityClass) -> Bool) throws(SyntaxError) -> [TokenSpec] {
        let chars = Array(text)
        var specs: [TokenSpec] = []
        var i = 0
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" || chars[i] == "\n" { i += 1; continue }
            guard chars[i] == "[" else { throw SyntaxError(offset: i, message: "expected '[' to open a token spec") }
            guard let close = chars[i...].firstIndex(of: "]") else {
                throw SyntaxError(offset: i, message: "token spec is not closed with ']'")
            }
            var spec = TokenSpec()
            spec.offset = i
            var k = i + 1
            for item in String(chars[(i + 1)..<close]).split(separator: " ", omittingEmptySubsequences: false) {
                defer { k += item.count + 1 }
                if item.isEmpty { continue }
                if item == "subject" || item == "object" {
                    guard spec.role == nil else { throw SyntaxError(offset: k, message: "a token spec has one role") }
                    spec.role = Role(rawValue: String(item))
                    continue
                }
                let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, !pair[1].isEmpty else {
                    throw SyntaxError(offset: k, message: "'\(item)' is not KEY=VALUE, 'subject' or 'object'")
                }
                switch pair[0] {
                case "LEMMA": spec.lemma = pair[1].lowercased()
                case "LOWER": spec.lower = pair[1].lowercased()
                case "POS":
                    guard partsOfSpeech.contains(pair[1]) else {
                        throw SyntaxError(offset: k, message: "POS '\(pair[1])' is not a Universal Dependencies tag")
                    }
                    spec.pos = pair[1]
                case "ENT_CLASS":
                    guard isClass(EntityClass(pair[1])) else {
                        throw SyntaxError(offset: k, message: "ENT_CLASS '\(pair[1])' is not a class of the ontology")
                    }
                    spec.entityClass = EntityClass(pair[1])
                case "OP":
                    guard let op = Repeat(rawValue: pair[1]), op != .one else {
                        throw SyntaxError(offset: k, message: "OP '\(pair[1])' is not ?, + or *")
                    }
                    spec.repeats = op
                default:
                    throw SyntaxError(offset: k, message: "unknown key '\(pair[0])'; keys: LEMMA, LOWER, POS, ENT_CLASS, OP")
                }
            }
            if spec.role != nil && (spec.entityClass == nil || spec.repeats != .one) {
                throw SyntaxError(offset: i, message: "the subject and the object need an ENT_CLASS and no OP")
            }
            if spec.lemma == nil && spec.lower == nil && spec.pos == nil && spec.entityClass == nil && spec.repeats == .one {
                throw SyntaxError(offset: i, message: "an empty token spec matches any one token; give it an OP or a key")
            }
            specs.append(spec)
            i = close + 1
        }
        for role in [Role.subject, .object] where specs.filter({ $0.role == role }).count != 1 {
            throw SyntaxError(offset: 0, message: "a pattern needs exactly one \(role.rawValue) spec")
        }
        return specs
    }
}
