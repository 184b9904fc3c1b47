import Foundation
import MitraModel

/// Turns the solutions of a compiled query into the rows a local run gives.
enum SPARQLResult {
    /// The result a compiled query's solutions make: entities with this store's labels,
    /// sorted, cut and de-duplicated exactly as a local run's rows.
    static func result(of query: SPARQLQuery, solutions: [[String: Term]], names: any QueryNames) throws -> QueryResult {
        do {
            var labels: [String: Value] = [:]
            func entity(_ iri: String) throws -> Value {
                var id = iri
                if iri.hasPrefix(Namespace.entity) {
                    let local = String(iri.dropFirst(Namespace.entity.count))
                    id = local.removingPercentEncoding ?? local
                }
                if let known = labels[id] { return known }
                let value = try names.entity(id).value
                labels[id] = value
                return value
            }
            var rows: [[Value]] = []
            var seen: Set<[Value]> = []
            for solution in solutions {
                var row: [Value] = []
                for column in query.columns {
                    switch column {
                    case .entity(_, let variable):
                        row.append(try solution[variable].map { try entity($0.value) } ?? .null)
                    case .predicate(_, let variable):
                        let iri = solution[variable]?.value
                        row.append(iri.map { .text($0.hasPrefix(Namespace.ontology) ? String($0.dropFirst(Namespace.ontology.count)) : $0) } ?? .null)
                    case .integer(_, let variables):
                        let numbers = variables.compactMap { solution[$0].flatMap { Int($0.value) ?? Double($0.value).map { Int($0) } } }
                        row.append(numbers.min().map(Value.integer) ?? .null)
                    }
                }
                if query.distinct && !seen.insert(row).inserted { continue }
                rows.append(row)
            }
            rows.sort { a, b in
                for key in query.order {
                    var (x, y) = (a[key.column], b[key.column])
                    if key.byID, case .entity(let xi, _) = x, case .entity(let yi, _) = y { (x, y) = (.text(xi), .text(yi)) }
                    let order = Self.compare(x, y)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return false
            }
            let start = min(query.offset ?? 0, rows.count)
            let end = query.limit.map { min(start + $0, rows.count) } ?? rows.count
            return QueryResult(columns: query.columns.map(\.name), rows: Array(rows[start..<end]))
        }
    }

    /// SQLite's order: null first, numbers by value, text by bytes, an entity by its label
    /// then its id.
    static func compare(_ a: Value, _ b: Value) -> Int {
        func bytes(_ x: String, _ y: String) -> Int {
            x == y ? 0 : (Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : 1)
        }
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.integer, _): return -1
        case (_, .integer): return 1
        case (.entity(let xi, let xl), .entity(let yi, let yl)):
            let byLabel = bytes(xl, yl)
            return byLabel != 0 ? byLabel : bytes(xi, yi)
        default: return bytes(a.display, b.display)
        }
    }
}
