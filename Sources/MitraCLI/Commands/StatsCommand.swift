import ArgumentParser
import Foundation
import MitraModel
import MitraStore

/// `mitragraph stats`: what the store holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the store holds: documents, entities, claims, edges, graphs.",
        discussion: """
            Examples:
              mitragraph stats
              mitragraph stats --store kg.sqlite --json --top 20
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "How many of the most connected entities to list.")
    var top: Int = 10

    @Flag(name: .long, help: "Print the statistics as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            guard top >= 0 else { throw CLIError.badInput("--top must be 0 or more, not \(top)") }
            let store = try GraphStore(path: storeOptions.store)
            let s = try store.statistics(top: top)
            if json {
                func object(_ d: [String: Int]) -> String {
                    "{" + d.sorted { $0.key < $1.key }.map { "\(JSONString.quoted($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
                }
                let connected = s.mostConnected.map { "{\"id\": \(JSONString.quoted($0.0)), \"edges\": \($0.1)}" }
                print("""
                    {"store": \(JSONString.quoted(store.path)), "documents": \(s.documents), "mentions": \(s.mentions), \
                    "claims": \(s.claims), "edges": \(s.edges), "contested_edges": \(s.contestedEdges), \
                    "self_contradicting_edges": \(s.selfContradictingEdges), \
                    "graphs": \(s.graphs), "quads": \(s.quads), \
                    "entities_by_class": \(object(s.entitiesByClass)), "claims_by_predicate": \(object(s.claimsByPredicate)), \
                    "most_connected": [\(connected.joined(separator: ", "))]}
                    """)
                return
            }
            var lines = ["\(store.path)"]
            lines.append("  documents        \(s.documents)")
            lines.append("  mentions         \(s.mentions)")
            lines.append("  claims           \(s.claims)")
            lines.append("  edges            \(s.edges) (\(s.contestedEdges) contested, \(s.selfContradictingEdges) self-contradicting)")
            lines.append("  graphs           \(s.graphs) (\(s.quads) quads)")
            lines.append("entities by class")
            for (name, n) in s.entitiesByClass.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(n)")
            }
            lines.append("claims by predicate")
            for (name, n) in s.claimsByPredicate.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(n)")
            }
            lines.append("most connected")
            for (id, n) in s.mostConnected {
                lines.append("  \(id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(n) edges")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
