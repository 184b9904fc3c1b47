import MitraModel

extension ExtractionEngine {
    /// The holders a sentence names, each with the token where its reporting verb stands.
    /// A claim takes the holder of the last verb before its trigger in its clause, else of
    /// the first after it ("…, a spokesman said").
    func holders(_ scene: Scene) -> [(position: Int, holder: String)] {
        guard scene.cues.contains(.attribution) else { return [] }
        var verbs: [PhraseSet<Bool>.Occurrence] = []
        attributions.occurrences(in: scene.tokens, range: 0..<scene.tokens.count, into: &verbs)
        var words: [PhraseSet<String>.Occurrence] = []
        holders.occurrences(in: scene.tokens, range: 0..<scene.tokens.count, into: &words)
        return verbs.compactMap { v in holder(scene, verb: v, words: words).map { (v.start, $0) } }
    }

    func holder(for c: Candidate, in scene: Scene, among found: [(position: Int, holder: String)]) -> String? {
        let at = min(c.trigger.lowerBound, c.object.start)
        if let before = found.last(where: { $0.position <= at && !scene.hard($0.position, at) }) { return before.holder }
        return found.first(where: { $0.position > at && !scene.hard(at, $0.position) })?.holder
    }

    /// Who a reporting verb names as holder: the agency or holder word right before it ("the
    /// FDA has warned", "users report", "sellers claim"), or right after "according to".
    func holder(_ scene: Scene, verb: PhraseSet<Bool>.Occurrence, words: [PhraseSet<String>.Occurrence]) -> String? {
        do {
            let after = accordingID >= 0 && scene.tokens[verb.start].id == accordingID
            if after {
                if let m = scene.mentions.first(where: { $0.start >= verb.end && $0.start <= verb.end + 2 }), isAgency(m) {
                    return label(of: m)
                }
                return words.first(where: { $0.start >= verb.end && $0.start <= verb.end + 2 })?.payload
            }
            // The holder ends at most three tokens before the verb ("the FDA has long warned").
            if let m = scene.mentions.last(where: { $0.end <= verb.start && verb.start - $0.end <= 3 }), isAgency(m) {
                return label(of: m)
            }
            return words.last(where: { $0.end <= verb.start && verb.start - $0.end <= 3 })?.payload
        }
    }

    private func isAgency(_ m: Located) -> Bool { entityClass[Int(m.entity)] == .agency }

    private func label(of m: Located) -> String { holderLabels[Int(m.entity)] }
}
