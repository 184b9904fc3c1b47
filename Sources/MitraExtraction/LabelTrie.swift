import MitraModel
import MitraOntology

/// A trie over the ontology's labels, token by token, built once, that finds the longest
/// label starting at each token.
public struct LabelTrie: Sendable {
    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var entityID: String?
    }

    private var nodes: [Node] = [Node()]
    private let tokenizer = Tokenizer()

    public init(ontology: Ontology) {
        for entity in ontology.sortedEntities {
            for label in entity.allLabels { insert(label, entityID: entity.id) }
        }
    }

    /// Adds a label; a label already taken keeps its first entity.
    public mutating func insert(_ label: String, entityID: String) {
        let tokens = tokenizer.tokens(in: Array(label.unicodeScalars))
        guard !tokens.isEmpty else { return }
        var node = 0
        for token in tokens {
            if let next = nodes[node].children[token.normalized] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[token.normalized] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if nodes[node].entityID == nil { nodes[node].entityID = entityID }
    }

    /// The longest label that starts at `tokens[start]`: its entity and how many tokens it spans.
    public func longestMatch(in tokens: [Token], from start: Int) -> (entityID: String, length: Int)? {
        var node = 0
        var best: (String, Int)?
        var i = start
        while i < tokens.count, let next = child(of: node, for: tokens[i]) {
            node = next
            i += 1
            if let id = nodes[node].entityID { best = (id, i - start) }
        }
        return best
    }

    private func child(of node: Int, for token: Token) -> Int? {
        let children = nodes[node].children
        if let exact = children[token.normalized] { return exact }
        guard token.kind == .word else { return nil }
        for singular in Self.singulars(of: token.normalized) {
            if let found = children[singular] { return found }
        }
        return nil
    }

    /// Candidate singular forms of a regular English plural.
    static func singulars(of word: String) -> [String] {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return [] }
        var out: [String] = []
        if word.hasSuffix("ies") { out.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { out.append(String(word.dropLast(2))) }
        out.append(String(word.dropLast()))
        return out
    }
}
