import Foundation
import MitraModel

/// How the drawing shows a class (shape and fill) and an edge (width, dash, colour, mark).
struct DOTStyle {
    struct ClassLook: Equatable {
        var shape: String
        var fill: String
        /// Extra node styles besides `filled`, such as `rounded`.
        var style: String = "filled"
    }

    /// The nine classes of SPEC §2 each get a look of their own; a class an ontology adds
    /// takes one of the spare looks by a stable hash of its name.
    static let core: [String: ClassLook] = [
        "Plant": ClassLook(shape: "ellipse", fill: "#a6dba0"),
        "Alkaloid": ClassLook(shape: "hexagon", fill: "#c2a5cf"),
        "Receptor": ClassLook(shape: "octagon", fill: "#fdb863"),
        "Neurotransmitter": ClassLook(shape: "parallelogram", fill: "#fee08b"),
        "Drug": ClassLook(shape: "box", fill: "#92c5de", style: "filled,rounded"),
        "Condition": ClassLook(shape: "note", fill: "#f4a6a6"),
        "AdverseEffect": ClassLook(shape: "box", fill: "#e7625f", style: "filled,diagonals"),
        "Therapy": ClassLook(shape: "component", fill: "#b8e186"),
        "Agency": ClassLook(shape: "folder", fill: "#d9d9d9"),
    ]

    static let spare: [ClassLook] = [
        ClassLook(shape: "box", fill: "#80cdc1"), ClassLook(shape: "ellipse", fill: "#dfc27d"),
        ClassLook(shape: "hexagon", fill: "#f1b6da"), ClassLook(shape: "octagon", fill: "#b2abd2"),
        ClassLook(shape: "tab", fill: "#c7eae5"), ClassLook(shape: "cylinder", fill: "#fddbc7"),
    ]

    static func look(_ entityClass: EntityClass) -> ClassLook {
        if let look = core[entityClass.name] { return look }
        // FNV-1a, not hashValue, so a class keeps its look from run to run.
        var hash: UInt32 = 2_166_136_261
        for byte in entityClass.name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return spare[Int(hash % UInt32(spare.count))]
    }

    static let supportedColor = "#444444"
    static let contestedColor = "#d7191c"
    static let deniedColor = "#7b3294"

    /// Pen width grows with the number of supporting documents, slowly, so one heavily
    /// repeated claim does not swamp the drawing.
    static func penWidth(support: Int) -> String {
        let width = 1.0 + 1.5 * log2(Double(max(support, 1)))
        return String(format: "%.1f", min(width, 7.0))
    }

    /// The edge's attributes: width by support, dashed when every claim is hedged, red when
    /// contested, and for an edge only ever denied a purple dotted line ending in a bar.
    static func edgeAttributes(_ edge: Edge) -> (color: String, style: String, arrowhead: String, penwidth: String) {
        let style = edge.onlyHedged ? "dashed" : (edge.onlyDenied ? "dotted" : "solid")
        if edge.onlyDenied {
            return (deniedColor, style, "tee", penWidth(support: edge.denyingDocuments))
        }
        return (edge.contested ? contestedColor : supportedColor, style, "normal", penWidth(support: edge.supportingDocuments))
    }
}
