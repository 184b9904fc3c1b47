import MitraExtraction
import MitraModel

/// The text `extract --explain` prints for each claim of a document.
enum ClaimExplainer {
    static func text(of result: ExtractionResult) -> String {
        let scalars = Array(result.document.text.unicodeScalars)
        func quote(_ span: Span) -> String {
            let lo = min(span.start, scalars.count), hi = min(span.end, scalars.count)
            return "\"" + String(String.UnicodeScalarView(scalars[lo..<hi])) + "\" at \(span.start)..<\(span.end)"
        }
        var out = ""
        for (i, c) in result.claims.enumerated() {
            let polarity = (c.negated ? "denied" : "affirmed") + (c.hedged ? ", hedged" : "")
            out += "\(result.document.id): \(c.subject) \(c.predicate) \(c.object) (\(polarity))\n"
            out += "  sentence \(c.sentenceIndex): \(c.sentence)\n"
            out += "  rule: \(c.rule) (confidence \(c.confidence))\n"
            guard i < result.explanations.count else { continue }
            let e = result.explanations[i]
            out += "  trigger: " + (e.trigger.length > 0 ? quote(e.trigger) : "none (the rule starts from the mentions)") + "\n"
            out += "  subject: \(quote(c.subjectSpan)): \(e.subjectReason)\n"
            out += "  object: \(quote(c.objectSpan)): \(e.objectReason)\n"
            if let g = e.governingSentence, g < result.sentences.count {
                out += "  lead-in: sentence \(g): \(result.sentences[g].text)\n"
            }
            if let n = e.negation { out += "  denied by: \(quote(n))\n" }
            if let cue = e.scopeEndedCue, let at = e.scopeEndedAt {
                out += "  not denied: the scope of \(quote(cue)) ends at \(quote(at)), a new predicate\n"
            }
            if let h = e.hedge { out += "  hedged by: \(quote(h))\n" }
            if let holder = c.holder { out += "  holder: \(holder)\n" }
        }
        return out
    }
}
