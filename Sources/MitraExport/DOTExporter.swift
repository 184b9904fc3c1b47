import Foundation
import MitraModel
import MitraOntology
import MitraStore

/// Draws the graph as Graphviz DOT: one node per entity shaped and coloured by class, one
/// edge per (subject, object) labelled by predicate, with a legend.
///
/// Edges are styled by their evidence (`DOTStyle`): width by supporting documents, dashed when
/// every claim is hedged, red when contested, a purple dotted line with a bar when only ever
/// denied. Tooltips (shown by SVG viewers) give the external ids and evidence counts.
public struct DOTExporter {
    public var layout: GraphLayout
    /// Draw entities that have no edge too (only mentioned). Off by default: the sample
    /// corpus mentions some fifty entities it makes no claim about, and they crowd the drawing.
    public var includeIsolated: Bool
    /// Merge edges with the same ends (different predicates) into one, labelled with each.
    public var mergeParallelEdges: Bool
    public var title: String?

    /// Out-edges from which an entity counts as a hub whose neighbours are staggered.
    static let hubDegree = 10

    public init(layout: GraphLayout = .dot, includeIsolated: Bool = false, mergeParallelEdges: Bool = true,
                title: String? = nil) {
        self.layout = layout
        self.includeIsolated = includeIsolated
        self.mergeParallelEdges = mergeParallelEdges
        self.title = title
    }

    /// Writes the DOT text to `path`.
    public func export(store: GraphStore, to path: String, subgraph: Subgraph? = nil) throws {
        try OutputFile.write(Array(try dot(store: store, subgraph: subgraph).utf8), to: path)
    }

    /// The DOT text of the graph, or of `subgraph`.
    public func dot(store: GraphStore, subgraph: Subgraph? = nil) throws -> String {
        let source = try GraphSource(store: store, subgraph: subgraph)
        var edges: [EdgeRecord] = []
        try source.forEachEdge { edges.append($0) }
        let nodes = try source.nodes(withDegree: true).filter { includeIsolated || $0.degree > 0 || subgraph != nil }
        return render(nodes: nodes, edges: edges, ontology: source.ontology)
    }

    func render(nodes: [NodeRecord], edges: [EdgeRecord], ontology: Ontology) -> String {
        var w = DOTWriter()
        w.open("digraph mitragraph")
        let classes = Set(nodes.map(\.entity.entityClass)).sorted()
        graphAttributes(&w, nodes: nodes.count, edges: edges.count, classes: classes)
        let drawn = Set(nodes.map(\.entity.id))

        for node in nodes {
            let e = node.entity
            let look = DOTStyle.look(e.entityClass)
            w.node(e.id, [
                "label": e.prefLabel, "shape": look.shape, "style": look.style, "fillcolor": look.fill,
                "tooltip": nodeTooltip(node),
            ])
        }

        let grouped = groups(edges.filter { drawn.contains($0.edge.key.subject) && drawn.contains($0.edge.key.object) })
        var outDegree: [String: Int] = [:]
        for group in grouped { outDegree[group[0].edge.key.subject, default: 0] += 1 }
        var staggered: [String: Int] = [:]
        for group in grouped {
            let first = group[0].edge
            // A hub's many neighbours would stand in one rank, a column as tall as the drawing;
            // spreading them over three ranks (as Graphviz's unflatten does) keeps it near square.
            var minlen: String?
            if layout == .dot, outDegree[first.key.subject, default: 0] >= Self.hubDegree {
                let n = staggered[first.key.subject, default: 0]
                staggered[first.key.subject] = n + 1
                minlen = String(1 + n % 3)
            }
            let label = group.map { edgeLabel($0.edge) }.joined(separator: "\n")
            let looks = group.map { DOTStyle.edgeAttributes($0.edge) }
            let contested = group.contains { $0.edge.contested }
            let color = contested ? DOTStyle.contestedColor : looks[0].color
            let style = looks.allSatisfy { $0.style == looks[0].style } ? looks[0].style : "solid"
            let arrowhead = looks.allSatisfy { $0.arrowhead == "tee" } ? "tee" : "normal"
            let width = looks.map(\.penwidth).max { Double($0)! < Double($1)! }!
            w.edge(first.key.subject, first.key.object, [
                "label": label, "color": color, "fontcolor": color, "style": style, "arrowhead": arrowhead,
                "penwidth": width, "tooltip": group.map { edgeTooltip($0, ontology) }.joined(separator: "\n\n"),
                "minlen": minlen,
            ])
        }
        if layout == .dot { legend(&w, classes: classes) }
        w.close()
        return w.text
    }

    /// The graph's attributes. Its heading is the title; for the layouts other than dot it
    /// also holds the legend table below the title, because there a legend node goes wherever
    /// the layout puts it (under the title in neato, adrift in fdp), while the heading keeps a
    /// band of its own above the drawing.
    private func graphAttributes(_ w: inout DOTWriter, nodes: Int, edges: Int, classes: [EntityClass]) {
        let heading = (title.map { $0 + "\n" } ?? "") + "\(nodes) entities, \(edges) edges"
        var attributes: [(String, String)] = [
            ("labelloc", "t"), ("fontname", "Helvetica"), ("fontsize", "16"),
            ("outputorder", "edgesfirst"), ("bgcolor", "white"), ("pad", "0.3"),
        ]
        if layout == .dot {
            attributes.insert(("label", heading), at: 0)
        } else {
            let lines = heading.split(separator: "\n").map { Self.htmlEscaped(String($0)) }.joined(separator: "<BR/>")
            w.line("label=<<TABLE BORDER=\"0\" CELLSPACING=\"6\"><TR><TD>" + lines + "</TD></TR><TR><TD>"
                + Self.legendTable(classes) + "</TD></TR></TABLE>>;")
        }
        switch layout {
        case .dot:
            attributes += [("rankdir", "LR"), ("splines", "true"), ("nodesep", "0.25"), ("ranksep", "0.9"),
                           ("newrank", "true")]
        case .neato, .fdp, .sfdp:
            attributes += [("overlap", "false"), ("splines", "true"), ("sep", "+12"), ("esep", "+6")]
        case .circo:
            // circo spreads a hub's many blocks over a wide ring; cap the drawing at 30 inches
            // (about 2900 pixels at 96 dpi), which Graphviz reaches by scaling down.
            attributes += [("overlap", "false"), ("splines", "true"), ("mindist", "0.4"), ("size", "30,30")]
        }
        for (key, value) in attributes { w.line("\(key)=\(DOTWriter.quoted(value));") }
        w.line("node [" + DOTWriter.attributes(["fontname": "Helvetica", "fontsize": "11", "margin": "0.08,0.04",
                                                "color": "#555555"]) + "];")
        w.line("edge [" + DOTWriter.attributes(["fontname": "Helvetica", "fontsize": "9", "arrowsize": "0.7"]) + "];")
    }

    /// Edges grouped by their ends when merging, each alone otherwise; in a stable order.
    private func groups(_ edges: [EdgeRecord]) -> [[EdgeRecord]] {
        guard mergeParallelEdges else { return edges.map { [$0] } }
        var order: [[String]] = []
        var byEnds: [[String]: [EdgeRecord]] = [:]
        for record in edges {
            let ends = [record.edge.key.subject, record.edge.key.object]
            if byEnds[ends] == nil { order.append(ends) }
            byEnds[ends, default: []].append(record)
        }
        return order.map { byEnds[$0]! }
    }

    private func edgeLabel(_ edge: Edge) -> String {
        let name = edge.key.predicate.replacingOccurrences(of: "_", with: " ")
        if edge.onlyDenied { return "not " + name }
        if edge.contested { return "\(name) (+\(edge.supportingDocuments) −\(edge.denyingDocuments))" }
        return edge.supportingDocuments > 1 ? "\(name) ×\(edge.supportingDocuments)" : name
    }

    private func nodeTooltip(_ node: NodeRecord) -> String {
        let e = node.entity
        var lines = ["\(e.prefLabel) (\(e.entityClass.name))", e.curie]
        if !e.exactMatches.isEmpty { lines.append("same as: " + e.exactMatches.joined(separator: ", ")) }
        lines.append("\(node.mentions) mention\(node.mentions == 1 ? "" : "s") in \(node.documents) document\(node.documents == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    private func edgeTooltip(_ record: EdgeRecord, _ ontology: Ontology) -> String {
        let e = record.edge
        let name = { (id: String) in ontology.entities[id]?.prefLabel ?? id }
        var lines = ["\(name(e.key.subject)) \(e.key.predicate) \(name(e.key.object))"]
        lines.append("\(e.supportingDocuments) supporting, \(e.denyingDocuments) denying documents; "
            + "\(e.hedgedClaims) of \(e.claimCount) claims hedged")
        if e.contested { lines.append("contested") }
        // The two sides apart, so a reader sees who affirms and who denies.
        if !record.supportingDocuments.isEmpty { lines.append("affirmed in: " + record.supportingDocuments.joined(separator: ", ")) }
        if !record.denyingDocuments.isEmpty { lines.append("denied in: " + record.denyingDocuments.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// The legend as an HTML-like table: a row per class in its colour, then the edge styles.
    static func legendTable(_ classes: [EntityClass]) -> String {
        var rows = ["<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"]
        for c in classes {
            rows.append("<TR><TD BGCOLOR=\"\(DOTStyle.look(c).fill)\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">"
                + htmlEscaped(c.name) + "</TD></TR>")
        }
        let styles = [
            (DOTStyle.supportedColor, "━━▶", "supported (thicker: more documents)"),
            (DOTStyle.supportedColor, "╍╍▶", "hedged (may, suggests)"),
            (DOTStyle.contestedColor, "━━▶", "contested (affirmed and denied)"),
            (DOTStyle.deniedColor, "┄┄┤", "only denied"),
        ]
        for (color, mark, text) in styles {
            rows.append("<TR><TD><FONT COLOR=\"\(color)\">\(mark)</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(color)\">"
                + text + "</FONT></TD></TR>")
        }
        return "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" COLOR=\"#999999\">" + rows.joined() + "</TABLE>"
    }

    /// Text for an HTML-like label, where `&`, `<`, `>` and `"` are markup.
    static func htmlEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// The legend of a dot drawing: a cluster with one node per class drawn, three to a row, and one sample
    /// edge per style. Invisible edges hold each row together; in a left-to-right drawing a
    /// row is three ranks wide, so the legend stays a compact block beside the graph.
    private func legend(_ w: inout DOTWriter, classes: [EntityClass]) {
        w.open("subgraph cluster_legend")
        w.line("label=\"Legend\"; fontsize=\"13\"; style=\"rounded\"; color=\"#999999\"; margin=\"10\";")
        let perRow = 3
        for (n, c) in classes.enumerated() {
            let look = DOTStyle.look(c)
            let id = "legend class " + c.name
            w.node(id, ["label": c.name, "shape": look.shape, "style": look.style, "fillcolor": look.fill,
                        "tooltip": "class " + c.name])
            if n % perRow != 0 { w.edge("legend class " + classes[n - 1].name, id, ["style": "invis"]) }
        }
        let samples: [(String, String, String, String, String)] = [
            ("supported (wider: more documents)", DOTStyle.supportedColor, "solid", "normal", "2.5"),
            ("hedged (may, suggests)", DOTStyle.supportedColor, "dashed", "normal", "1.0"),
            ("contested (affirmed and denied)", DOTStyle.contestedColor, "solid", "normal", "1.0"),
            ("only denied", DOTStyle.deniedColor, "dotted", "tee", "1.0"),
        ]
        for (n, sample) in samples.enumerated() {
            let from = "legend edge \(n) from", to = "legend edge \(n) to"
            w.node(from, ["label": "", "shape": "point", "width": "0.06"])
            w.node(to, ["label": sample.0, "shape": "plaintext", "fontsize": "10", "fontcolor": sample.1])
            w.edge(from, to, ["color": sample.1, "style": sample.2, "arrowhead": sample.3, "penwidth": sample.4,
                              "minlen": "2"])
        }
        w.close()
    }
}
