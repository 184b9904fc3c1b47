import MitraModel

extension ExtractionEngine {
    /// Why a candidate's ends were chosen, in words, from the shape its rule id records.
    func explanation(_ c: Candidate, scene: Scene, negation: Int?, hedge: Int?) -> ClaimExplanation {
        func span(_ r: Range<Int>) -> Span {
            guard !r.isEmpty else {
                let at = r.lowerBound < scene.tokens.count ? scene.tokens[r.lowerBound].start : scene.tokens.last?.end ?? 0
                return Span(start: at, end: at)
            }
            return Span(start: scene.tokens[r.lowerBound].start, end: scene.tokens[r.upperBound - 1].end)
        }
        let parts = c.rule.split(separator: "+").map(String.init)
        let shape = parts.first ?? c.rule
        let how = parts.dropFirst().last
        var subject: String
        // A pattern's rule id ends in the pattern's own id, not in a shape.
        switch shape == UserPatternRule.id ? shape : how ?? shape {
        case "anaphor", "anaphor-subject": subject = "a phrase that stands for the document's plant"
        case "implicit-subject": subject = "the document's plant: the sentence is about its use and names no other substance"
        case "topic-subject": subject = "the document's plant: the sentence names no subject"
        case "fronted-subject": subject = "the subject after an opening phrase"
        case "passive", "trigger-passive": subject = "the agent after the trigger (passive)"
        case ListLeadInRule.id:
            subject = scene.list?.implicitSubject == true
                ? "the document's plant: the lead-in names no subject" : "named in the lead-in"
        case "anaphor-object": subject = "the nearest fitting mention before the trigger"
        case NounCompoundRule.id: subject = "the substance that modifies the effect"
        case CooccurrenceContainsRule.id: subject = "the plant named in the sentence"
        case UserPatternRule.id: subject = "the pattern's subject spec"
        case "options": subject = "an example of the options offered"
        case "relative-subject" where shape == CategoryExamplesRule.id: subject = "the subject of the clause between the category and its examples"
        case "relative-subject": subject = "the noun the relative clause around the trigger describes"
        case "relative-object": subject = "the nearest fitting mention before the trigger, inside the relative clause"
        default: subject = "the nearest fitting mention before the trigger"
        }
        // A mention passed over inside a relative clause that describes the subject.
        if c.subjectSpan == nil, scene.relatives.contains(where: { r in
            scene.mentions[r.antecedent].start == c.subject.start && r.range.upperBound <= c.trigger.lowerBound
                && scene.mentions.contains { r.range.contains($0.start) }
        }) {
            subject += ", past the relative clause that describes it"
        }
        if c.subjectSpan == nil, scene.compared.indices.contains(where: { i in
            scene.compared[i] && scene.mentions[i].start >= c.subject.end && scene.mentions[i].end <= c.trigger.lowerBound
        }) {
            subject += ", not what it is compared with"
        }
        var object: String
        switch shape {
        case ListLeadInRule.id: object = "an item of the list under the lead-in"
        case "anaphor-object": object = "a phrase that stands for the document's plant, after the trigger"
        case CategoryExamplesRule.id where how == "options": object = "the condition the options are offered for"
        case CategoryExamplesRule.id: object = "an example of the category"
        case NounCompoundRule.id: object = "the effect the substance modifies"
        case "object-trigger": object = "the fitting mention right before the trigger"
        case "trigger-passive": object = "the fitting mention before the trigger (passive)"
        case CooccurrenceContainsRule.id: object = "an alkaloid named with the plant"
        case UserPatternRule.id: object = "the pattern's object spec"
        case "relative-object": object = "the noun the relative clause around the trigger describes"
        default: object = "the nearest fitting mention after the trigger, with what is coordinated with it"
        }
        let isList = shape == ListLeadInRule.id
        return ClaimExplanation(
            trigger: isList ? scene.list?.cueSpan ?? span(c.trigger) : span(c.trigger), negation: negation.map { span(scene.negations[$0].start..<scene.negations[$0].end) },
            hedge: hedge.map { span(scene.hedges[$0].start..<scene.hedges[$0].end) }, subjectReason: subject,
            objectReason: object, governingSentence: isList ? scene.list?.sentence : nil)
    }
}
