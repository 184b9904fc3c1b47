import GRDB
import MitraModel

/// A pattern query compiled to one SQL statement, with how to read its rows and why the
/// patterns were joined in the order they were.
struct Plan {
    /// How a result column is read from the SQL row.
    enum Column {
        case entity(name: String, id: Int, label: Int)
        case text(name: String, index: Int)
        case integer(name: String, index: Int)

        var name: String {
            switch self {
            case .entity(let n, _, _), .text(let n, _), .integer(let n, _): n
            }
        }
    }

    var sql: String
    var arguments: [DatabaseValue]
    var columns: [Column]
    /// Indexes of (subject, predicate, object) triples in each row, for the subgraph.
    var edgeKeys: [(Int, Int, Int)] = []
    /// Indexes of entity ids in each row, for the subgraph.
    var entityColumns: [Int] = []
    /// One line per decision the planner made, for `explain`.
    var steps: [String]

    func value(_ column: Column, in row: Row) -> Value {
        switch column {
        case .entity(_, let id, let label):
            guard let id: String = row[id] else { return .null }
            return .entity(id: id, label: row[label] ?? id)
        case .text(_, let index):
            return (row[index] as String?).map(Value.text) ?? .null
        case .integer(_, let index):
            return (row[index] as Int?).map(Value.integer) ?? .null
        }
    }
}
