import GRDB

/// Whether a path of one to `maxLength` edges joins two sets of entities (by term id): a breadth-first
/// search from both ends that grows the cheaper frontier and stops at the first meeting.
///
/// Each direction's neighbours are read through one prepared statement on an index of
/// `edges` (cached on the connection, so a repeated query prepares nothing), row by row, so a meeting found in a hub's first rows ends the search without
/// reading the rest. Which frontier to grow is decided by what growing it costs, the edges
/// its nodes have in that direction (counted through the same indexes, capped), not by its
/// size: a single hub is a frontier of one that is the dearest to grow.
struct PathSearch {
    /// The statements giving a node's next nodes, walking away from one end.
    struct Side {
        var neighbours: [Statement]
        var degrees: [Statement]
        /// Whether one step leads from one given node to another.
        var probes: [Statement]
    }

    /// Counting a node's edges stops here: past it, a frontier is dear enough to avoid.
    static let degreeCap = 128
    /// A larger frontier's cost is estimated from this many of its nodes.
    static let sampled = 16
    /// Up to this many nodes on the far side, a newly reached node is tested for an edge to
    /// each (one index seek) rather than waiting for the far side to be grown, which for a
    /// hub means reading all its edges.
    static let probed = 4

    let sides: [Side]

    /// `outward` steps go from the sources towards the targets, `inward` ones back from the
    /// targets; each is (from column, to column, extra conditions on the edge `h`).
    init(db: Database, outward: [(String, String, [String])], inward: [(String, String, [String])],
         hopFilter: [String]) throws {
        func side(_ steps: [(String, String, [String])]) throws -> Side {
            var side = Side(neighbours: [], degrees: [], probes: [])
            for (from, to, conditions) in steps {
                let filter = (["h.\(from) = ?"] + conditions + hopFilter).joined(separator: " AND ")
                side.neighbours.append(try db.cachedStatement(sql: "SELECT h.\(to) FROM edges h WHERE \(filter)"))
                // The count reads the index alone: the support filter would need every row.
                let indexed = (["h.\(from) = ?"] + conditions).joined(separator: " AND ")
                side.degrees.append(try db.cachedStatement(
                    sql: "SELECT count(*) FROM (SELECT 1 FROM edges h WHERE \(indexed) LIMIT \(Self.degreeCap))"))
                let probe = (["h.\(from) = ?", "h.\(to) = ?"] + conditions + hopFilter).joined(separator: " AND ")
                // Both ends given: one seek in (object, subject, …), whatever the direction.
                side.probes.append(try db.cachedStatement(sql: "SELECT 1 FROM edges h INDEXED BY edges_osp WHERE \(probe) LIMIT 1"))
            }
            return side
        }
        sides = [try side(outward), try side(inward)]
    }

    func connects(_ sources: [Int64], _ targets: [Int64], maxLength: Int) throws -> Bool {
        var seen = [Set(sources), Set(targets)]
        guard seen[0].isDisjoint(with: seen[1]) else { return true }
        var frontiers = [sources, targets]
        var length = 0
        // Only the frontier just grown changes its cost: the other's is counted once.
        var costs: [Int?] = [nil, nil]
        while length < maxLength, !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            for i in 0..<2 where costs[i] == nil { costs[i] = try cost(frontiers[i], sides[i]) }
            let (cost0, cost1) = (costs[0]!, costs[1]!)
            let side = cost0 <= cost1 ? 0 : 1
            // The last edge allowed: testing each pair of the two frontiers for an edge is
            // cheaper than growing either when they are small and their nodes hubs.
            if length + 1 == maxLength, frontiers[0].count * frontiers[1].count <= min(cost0, cost1) {
                for node in frontiers[0] where try leads(from: node, to: frontiers[1], side: sides[0]) { return true }
                return false
            }
            // A node reached now is `length + 1` edges from its end; one more edge to the far
            // frontier makes a path of `length + 2`.
            let far = frontiers[1 - side]
            let probing = far.count <= Self.probed && length + 2 <= maxLength
            var next: [Int64] = []
            for node in frontiers[side] {
                for statement in sides[side].neighbours {
                    let cursor = try Int64.fetchCursor(statement, arguments: [node])
                    while let other = try cursor.next() {
                        if seen[1 - side].contains(other) { return true }
                        guard seen[side].insert(other).inserted else { continue }
                        if probing, try leads(from: other, to: far, side: sides[side]) { return true }
                        next.append(other)
                    }
                }
            }
            frontiers[side] = next
            costs[side] = nil
            length += 1
        }
        return false
    }

    /// Whether a walk of `min` to `max` edges (nodes may repeat, as the recursive SQL walks)
    /// joins the two sets. It keeps, per end, the layers of nodes exactly k steps away; a walk
    /// of L edges exists when the sources' layer a meets the targets' layer L − a for any one
    /// split, so each length grows only the end whose last layer is cheaper to grow.
    func connects(_ sources: [Int64], _ targets: [Int64], min: Int, max: Int) throws -> Bool {
        guard min <= max else { return false }
        var layers = [Set(sources), Set(targets)]
        var length = 0
        var costs: [Int?] = [nil, nil]
        while length < max {
            for i in 0..<2 where costs[i] == nil { costs[i] = try cost(Array(layers[i]), sides[i]) }
            let side = costs[0]! <= costs[1]! ? 0 : 1
            var next: Set<Int64> = []
            for node in layers[side] {
                for statement in sides[side].neighbours {
                    let cursor = try Int64.fetchCursor(statement, arguments: [node])
                    while let other = try cursor.next() { next.insert(other) }
                }
            }
            // No walk from this end goes any further.
            if next.isEmpty { return false }
            layers[side] = next
            costs[side] = nil
            length += 1
            if length >= min, !layers[0].isDisjoint(with: layers[1]) { return true }
        }
        return false
    }

    /// Whether one step of `side` leads from `node` to one of `nodes`.
    private func leads(from node: Int64, to nodes: [Int64], side: Side) throws -> Bool {
        for target in nodes {
            for probe in side.probes where try Bool.fetchOne(probe, arguments: [node, target]) == true { return true }
        }
        return false
    }

    /// About how many edges growing `frontier` reads.
    private func cost(_ frontier: [Int64], _ side: Side) throws -> Int {
        var total = 0
        for node in frontier.prefix(Self.sampled) {
            for statement in side.degrees { total += try Int.fetchOne(statement, arguments: [node]) ?? 0 }
        }
        return frontier.count <= Self.sampled ? total : total * (frontier.count / Self.sampled)
    }
}
