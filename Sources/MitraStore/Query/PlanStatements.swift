import GRDB

/// The prepared statements of recent plans on the single connection, by their SQL.
///
/// A plan is SQL text with its constants written in. The plan of a path between two
/// constants reads the same whatever the constants, and a query a shell or a program repeats
/// comes out as the same text; preparing costs a short query more than running it. Each
/// query is still parsed, resolved and planned, and its statement run afresh. Bounded
/// (emptied when full), and used only where every read goes through one connection.
final class PlanStatements: @unchecked Sendable {
    static let capacity = 64
    private var statements: [String: Statement] = [:]

    /// The statement for `sql` on `db`, prepared when it is not cached yet.
    func statement(_ sql: String, in db: Database) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try db.makeStatement(sql: sql)
        if statements.count >= Self.capacity { statements.removeAll() }
        statements[sql] = statement
        return statement
    }

    /// Finalizes every statement (before the connection closes).
    func removeAll() {
        statements.removeAll()
    }
}
