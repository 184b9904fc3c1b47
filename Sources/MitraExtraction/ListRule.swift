import MitraModel

/// What a heading or lead-in says about the items of the list under it: the predicate they
/// are objects of and its subject ("Common kratom side effects may include:" → kratom,
/// has_adverse_effect), so that the items distribute over it as a coordination would.
struct ListContext {
    var predicate: Int
    /// The subject entity (trie index) and the span that names it (or the cue, when the
    /// subject is the document's plant that the lead-in leaves implicit).
    var subject: Int32
    var subjectSpan: Span
    var hedged: Bool
    /// The sentence that states the relation and the cue in it, for `--explain`.
    var sentence: Int
    var cueSpan: Span
    /// The lead-in names no subject: the subject is the document's plant.
    var implicitSubject: Bool
}

extension ExtractionEngine {
    /// The context of a list from its governing sentences (lead-in first, then heading):
    /// the first that holds a list cue, or ends in "for:".
    func listContext(_ governing: [Int], analyses: [SentenceAnalysis], plant: Int32?) -> ListContext? {
        for g in governing {
            let a = analyses[g]
            var cues: [PhraseSet<Int>.Occurrence] = []
            listCues.occurrences(in: a.tokens, range: 0..<a.tokens.count, into: &cues)
            var predicate: Int?
            var cueRange = 0..<0
            if let cue = cues.first {
                predicate = cue.payload
                cueRange = cue.start..<cue.end
            } else if let treats = treatsIndex, let last = a.tokens.lastIndex(where: { !$0.isPunctuation }),
                words.has(a.tokens[last], RuleWords.forWord)
            {
                // "People report using kratom for:"
                predicate = treats
                cueRange = last..<(last + 1)
            }
            guard let p = predicate else { continue }
            let bit = UInt32(1) << UInt32(p)
            var hedgeFound: [PhraseSet<Bool>.Occurrence] = []
            hedges.occurrences(in: a.tokens, range: 0..<a.tokens.count, into: &hedgeFound)
            let cueSpan = Span(start: a.tokens[cueRange.lowerBound].start, end: a.tokens[cueRange.upperBound - 1].end)
            if let m = a.mentions.first(where: { subjectMask[Int($0.entity)] & bit != 0 }) {
                return ListContext(
                    predicate: p, subject: m.entity,
                    subjectSpan: Span(start: a.tokens[m.start].start, end: a.tokens[m.end - 1].end),
                    hedged: !hedgeFound.isEmpty, sentence: g, cueSpan: cueSpan, implicitSubject: false)
            }
            // A lead-in about some other substance ("if you also use:") says nothing of the plant.
            if a.mentions.contains(where: { isSubstance[Int($0.entity)] }) { return nil }
            guard let plant, subjectMask[Int(plant)] & bit != 0 else { return nil }
            return ListContext(
                predicate: p, subject: plant, subjectSpan: cueSpan, hedged: !hedgeFound.isEmpty, sentence: g,
                cueSpan: cueSpan, implicitSubject: true)
        }
        return nil
    }

    /// The items of a list under a relational lead-in: each mention that fits the lead-in's
    /// predicate is its object, unless the item names a subject of its own (then it is read
    /// on its own terms). A negated adverse effect under a treats lead-in ("Benefits: no
    /// drowsiness") denies the effect rather than claiming it is treated.
    func listItemCandidates(_ scene: Scene, list: ListContext, confidence: Double, into out: inout [Candidate]) {
        let p = list.predicate
        if scene.mentions.contains(where: { fitsSubject($0, p) && $0.entity != list.subject }) { return }
        var found: [Candidate] = []
        for (i, m) in scene.mentions.enumerated() where fitsObject(m, p, strong: true, adverseOnly: false) {
            if isModifier(scene, i) { continue }
            var candidate = Candidate(
                subject: EndPoint(entity: list.subject, start: 0, end: 0), object: endPoint(m), predicate: p,
                trigger: m.start..<m.start, passive: false, rule: ListLeadInRule.id, confidence: confidence)
            candidate.subjectSpan = list.subjectSpan
            candidate.hedgedByContext = list.hedged
            if p == treatsIndex, let adverse = adverseIndex, isAdverseEffect[Int(m.entity)], negated(scene, candidate) {
                candidate.predicate = adverse
            }
            found.append(candidate)
        }
        out += found
    }

    /// The lead-in decides what its items are: other rules' claims about the same objects,
    /// with the same subject, under another predicate give way to the list rule's.
    func applyLeadIn(_ list: ListContext, _ candidates: inout [Candidate]) {
        let decided = candidates.filter { $0.rule == ListLeadInRule.id }
        guard !decided.isEmpty else { return }
        candidates.removeAll { c in
            c.rule != ListLeadInRule.id && c.subject.entity == list.subject
                && decided.contains { $0.object.entity == c.object.entity && $0.predicate != c.predicate }
        }
    }
}
