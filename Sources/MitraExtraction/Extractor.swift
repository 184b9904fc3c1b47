import MitraModel
import MitraOntology

/// Finds the mentions and claims of a document, driven entirely by the ontology's labels and
/// cue lexicons. Deterministic, and built once per ontology.
public struct Extractor: Sendable {
    public let ontology: Ontology
    private let trie: LabelTrie
    private let triggers: [(predicate: String, phrases: PhraseSet)]
    private let negations: PhraseSet
    private let hedges: PhraseSet
    private let tokenizer = Tokenizer()
    private let splitter = SentenceSplitter()

    public init(ontology: Ontology) {
        self.ontology = ontology
        self.trie = LabelTrie(ontology: ontology)
        self.triggers = ontology.cues.triggers.keys.sorted().map { ($0, PhraseSet(ontology.cues.triggers[$0]!)) }
        self.negations = PhraseSet(ontology.cues.negations.map(\.phrase))
        self.hedges = PhraseSet(ontology.cues.hedges)
    }

    public func extract(_ document: Document) -> ExtractionResult {
        let scalars = Array(document.text.unicodeScalars)
        var sentences: [Sentence] = []
        var mentions: [Mention] = []
        var claims: [Claim] = []
        for range in splitter.sentences(in: scalars) {
            let index = sentences.count
            let text = String(String.UnicodeScalarView(scalars[range]))
            let sentence = Sentence(index: index, span: Span(start: range.lowerBound, end: range.upperBound), text: text)
            sentences.append(sentence)
            let tokens = tokenizer.tokens(in: scalars, range: range)
            let found = findMentions(tokens, scalars: scalars, sentence: index)
            mentions += found.map(\.mention)
            claims += findClaims(found, tokens: tokens, sentence: sentence, document: document)
        }
        return ExtractionResult(document: document, sentences: sentences, mentions: mentions, claims: claims)
    }

    struct Located {
        var mention: Mention
        var tokens: Range<Int>
    }

    func findMentions(_ tokens: [Token], scalars: [Unicode.Scalar], sentence: Int) -> [Located] {
        var found: [Located] = []
        var i = 0
        while i < tokens.count {
            if let (entityID, length) = trie.longestMatch(in: tokens, from: i) {
                let span = Span(start: tokens[i].span.start, end: tokens[i + length - 1].span.end)
                let text = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
                found.append(Located(mention: Mention(entityID: entityID, span: span, text: text, sentenceIndex: sentence), tokens: i..<(i + length)))
                i += length
            } else {
                i += 1
            }
        }
        return found
    }

    /// A trigger of a predicate between two mentions whose classes fit it makes a claim; a
    /// negation cue between them denies it; a hedge anywhere in the sentence hedges it.
    func findClaims(_ mentions: [Located], tokens: [Token], sentence: Sentence, document: Document) -> [Claim] {
        var claims: [Claim] = []
        let hedged = hedges.contains(in: tokens, range: 0..<tokens.count)
        for (a, subject) in mentions.enumerated() {
            for object in mentions[(a + 1)...] {
                guard subject.mention.entityID != object.mention.entityID,
                    let s = ontology.entities[subject.mention.entityID], let o = ontology.entities[object.mention.entityID]
                else { continue }
                let between = subject.tokens.upperBound..<object.tokens.lowerBound
                for (predicate, phrases) in triggers
                where ontology.fits(predicate: predicate, subject: s.entityClass, object: o.entityClass)
                    && phrases.contains(in: tokens, range: between)
                {
                    claims.append(Claim(
                        subject: s.id, predicate: predicate, object: o.id, documentID: document.id,
                        sentenceIndex: sentence.index, sentence: sentence.text, subjectSpan: subject.mention.span,
                        objectSpan: object.mention.span, negated: negations.contains(in: tokens, range: between),
                        hedged: hedged, rule: "trigger-between", confidence: 0.6))
                }
            }
        }
        return claims
    }
}
