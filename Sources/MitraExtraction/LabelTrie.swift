import MitraModel
import MitraOntology

/// A trie over the ontology's labels, keyed by vocabulary ids, built once, that finds the
/// longest label starting at each token.
///
/// A short label written all in capitals ("WHO", "MOR", "RA": at most five letters) only
/// matches text written in capitals, so the pronoun "who" is not the World Health Organization.
struct LabelTrie: Sendable {
    private struct Node: Sendable {
        var children: [Int32: Int32] = [:]
        /// Index into `entityIDs`, or -1.
        var entity: Int32 = -1
        var capitalsOnly = false
    }

    private var nodes: [Node] = [Node()]
    /// Children of the root, indexed by vocabulary id (the hot lookup, one per token).
    private var rootChildren: [Int32] = []
    private(set) var entityIDs: [String] = []
    private var entityIndex: [String: Int32] = [:]

    /// Adds every label of every entity; the vocabulary grows to hold their words.
    init(ontology: Ontology, vocabulary: inout Vocabulary) {
        let tokenizer = Tokenizer()
        var buffer: [UInt32] = []
        for entity in ontology.sortedEntities {
            for label in entity.allLabels {
                var ids: [Int32] = []
                var letters = 0
                var allCapitals = true
                tokenizer.scan(Array(label.unicodeScalars), range: 0..<label.unicodeScalars.count, buffer: &buffer) { t, folded in
                    ids.append(vocabulary.intern(folded))
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
        for (key, child) in nodes[0].children { rootChildren[Int(key)] = child }
    }

    /// Adds a label; a label already taken keeps its first entity.
    private mutating func insert(_ ids: [Int32], entityID: String, capitalsOnly: Bool) {
        guard !ids.isEmpty else { return }
        var node = 0
        for id in ids {
            if let next = nodes[node].children[id] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[id] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        if nodes[node].entity < 0 {
            if entityIndex[entityID] == nil {
                entityIndex[entityID] = Int32(entityIDs.count)
                entityIDs.append(entityID)
            }
            nodes[node].entity = entityIndex[entityID]!
            nodes[node].capitalsOnly = capitalsOnly
        } else if entityIDs[Int(nodes[node].entity)] == entityID && !capitalsOnly {
            // The same entity also has a label in small letters with this key.
            nodes[node].capitalsOnly = false
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
            let n = nodes[Int(node)]
            if n.entity >= 0 && (!n.capitalsOnly || capitals) { best = (n.entity, i - start) }
            guard i < limit, !n.children.isEmpty else { break }
            let t = tokens[i]
            guard let next = child(n, t) else { break }
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
    private func child(_ n: Node, _ t: WordToken) -> Int32? {
        if t.id >= 0, let c = n.children[t.id] { return c }
        if t.singular >= 0, let c = n.children[t.singular] { return c }
        if t.singular2 >= 0, let c = n.children[t.singular2] { return c }
        return nil
    }
}
