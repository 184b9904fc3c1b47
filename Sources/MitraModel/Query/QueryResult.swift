import Foundation

/// One cell of a result.
public enum Value: Hashable, Sendable {
    case null
    case integer(Int)
    case text(String)
    /// An entity: its id and the label people read.
    case entity(id: String, label: String)
    /// A number with a fraction, such as a claim's confidence (shown to two places).
    case real(Double)
    /// A span of a sentence, start and end offsets: `0-6`, in JSON `[0, 6]`.
    case span(Int, Int)

    /// The cell as a table, CSV or TSV shows it.
    public var display: String {
        switch self {
        case .null: ""
        case .integer(let n): String(n)
        case .text(let s): s
        case .entity(_, let label): label
        case .real(let x): String(format: "%.2f", x)
        case .span(let start, let end): "\(start)-\(end)"
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
    /// The result as one JSON object, for results that are one thing (`describe`) rather than
    /// rows of the same kind; `--format json` prints it instead of an array of rows.
    public var json: String?

    public init(columns: [String], rows: [[Value]], note: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    /// The rows as displayed strings, the form tests compare.
    public var displayRows: [[String]] { rows.map { $0.map(\.display) } }
}
