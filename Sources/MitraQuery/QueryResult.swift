import MitraModel

/// One cell of a result.
public enum Value: Hashable, Sendable {
    case null
    case integer(Int)
    case text(String)
    /// An entity: its id and the label people read.
    case entity(id: String, label: String)

    /// The cell as a table, CSV or TSV shows it.
    public var display: String {
        switch self {
        case .null: ""
        case .integer(let n): String(n)
        case .text(let s): s
        case .entity(_, let label): label
        }
    }
}

/// What a query returns: named columns and rows of cells.
public struct QueryResult: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    /// Why the result is what it is, when the rows alone would leave a user guessing
    /// ("no path of at most 3 steps between …"); the table shows it, other formats leave it to
    /// the caller.
    public var note: String?

    public init(columns: [String], rows: [[Value]], note: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    /// The rows as displayed strings, the form tests compare.
    public var displayRows: [[String]] { rows.map { $0.map(\.display) } }
}
