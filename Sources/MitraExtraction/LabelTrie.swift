import MitraModel
import MitraOntology

/// A trie over the ontology's labels, keyed by vocabulary ids, built once, that finds the
/// longest label starting at each token.
///
/// A short label written all in capitals ("WHO", "MOR", "RA": at most five letters) only
/// matches text written in capitals, so the pronoun "who" is not the World Health Organization.
struct LabelTrie: Sendable {
    /// Per node: index into `entityIDs` (or -1), and whether only capitals match it.
    private var nodeEntity: [Int32] = [-1]
    private var nodeCapitalsOnly: [Bool] = [false]
    private var edges = EdgeTable()
    /// Children of the root, indexed by vocabulary id (the hot lookup, one per token).
    private var rootChildren: [Int32] = []
    private(set) var entityIDs: [String] = []
    private var entityIndex: [String: Int32] = [:]

    /// Adds every label of every entity; the vocabulary grows to hold their words.
    init(ontology: Ontology, vocabulary: inout Vocabulary) {
        let tokenizer = Tokenizer()
        for entity in ontology.sortedEntities {
            for label in entity.allLabels {
                var ids: [Int32] = []
                var letters = 0
                var allCapitals = true
                tokenizer.scan(Array(label.unicodeScalars), range: 0..<label.unicodeScalars.count) { t, folded in
                    ids.append(vocabulary.intern(Array(folded)))
                    if t.kind == .word { letters += t.end - t.start }
                    allCapitals = allCapitals && t.allCapitals
                }
                let hasLetters = label.unicodeScalars.contains { $0.properties.isAlphabetic }
                insert(ids, entityID: entity.id, capitalsOnly: hasLetters && allCapitals && letters <= 5)
            }
        }
    }

    /// Call once the vocabulary is complete, so the root lookup table covers every id.
    mutating func seal(vocabularySize: Int) {
        rootChildren = Array(repeating: -1, count: vocabularySize)
        for id in 0..<vocabularySize { rootChildren[id] = edges.child(0, Int32(id)) }
    }

    /// Adds a label; a label already taken keeps its first entity.
    private mutating func insert(_ ids: [Int32], entityID: String, capitalsOnly: Bool) {
        guard !ids.isEmpty else { return }
        var node: Int32 = 0
        for id in ids {
            let next = edges.child(node, id)
            if next >= 0 {
                node = next
            } else {
                nodeEntity.append(-1)
                nodeCapitalsOnly.append(false)
                let created = Int32(nodeEntity.count - 1)
                edges.insert(node, id, child: created)
                node = created
            }
        }
        let n = Int(node)
        if nodeEntity[n] < 0 {
            if entityIndex[entityID] == nil {
                entityIndex[entityID] = Int32(entityIDs.count)
                entityIDs.append(entityID)
            }
            nodeEntity[n] = entityIndex[entityID]!
            nodeCapitalsOnly[n] = capitalsOnly
        } else if entityIDs[Int(nodeEntity[n])] == entityID && !capitalsOnly {
            // The same entity also has a label in small letters with this key.
            nodeCapitalsOnly[n] = false
        }
    }

    /// The longest label that starts at `tokens[start]`: its entity index and token count.
    @inline(__always)
    func longestMatch(in tokens: [WordToken], from start: Int, limit: Int) -> (entity: Int32, length: Int)? {
        let first = tokens[start]
        var node = rootChild(first)
        guard node >= 0 else { return nil }
        var best: (Int32, Int)?
        var i = start + 1
        var capitals = first.allCapitals
        while true {
            let entity = nodeEntity[Int(node)]
            if entity >= 0 && (!nodeCapitalsOnly[Int(node)] || capitals) { best = (entity, i - start) }
            guard i < limit else { break }
            let t = tokens[i]
            let next = child(node, t)
            guard next >= 0 else { break }
            capitals = capitals && t.allCapitals
            node = next
            i += 1
        }
        return best
    }

    @inline(__always)
    private func rootChild(_ t: WordToken) -> Int32 {
        if t.id >= 0, rootChildren[Int(t.id)] >= 0 { return rootChildren[Int(t.id)] }
        if t.singular >= 0, rootChildren[Int(t.singular)] >= 0 { return rootChildren[Int(t.singular)] }
        if t.singular2 >= 0, rootChildren[Int(t.singular2)] >= 0 { return rootChildren[Int(t.singular2)] }
        return -1
    }

    @inline(__always)
    private func child(_ node: Int32, _ t: WordToken) -> Int32 {
        var c = edges.child(node, t.id)
        if c < 0 { c = edges.child(node, t.singular) }
        if c < 0 { c = edges.child(node, t.singular2) }
        return c
    }
}
