import Foundation
import GRDB
import GRDBSQLite
import MitraModel

/// One edge as the store's bytes, valid only inside the callback that receives it: for writers
/// (GraphML) that stream a million edges and never want their text to become Swift strings.
public struct RawEdgeRow {
    /// NUL-terminated UTF-8: the subject's id, the predicate, the object's id, and the
    /// predicate's Biolink predicate (`biolink:related_to` when the ontology has none).
    public let subject, predicate, object, biolink: UnsafePointer<UInt8>
    public let supportingDocuments, denyingDocuments, hedgedClaims, claimCount, selfContradictingDocuments: Int64
    public let contested: Bool

    /// The edge's key as strings, for the rare caller that filters by it.
    public var key: EdgeKey {
        EdgeKey(subject: String(cString: subject), predicate: String(cString: predicate), object: String(cString: object))
    }
}

extension GraphStore {
    /// Streams every edge ordered by subject, predicate, object (their UTF-8 bytes). `body`
    /// gets the row and a function that calls its argument with the bytes of each distinct
    /// document whose claims are about the edge, in order; call it at most once, before
    /// returning (documents not asked for are passed over).
    public func forEachRawEdge(
        _ body: (RawEdgeRow, (_ each: (UnsafeBufferPointer<UInt8>, _ affirms: Bool, _ denies: Bool) throws -> Void) throws -> Void) throws -> Void
    ) throws {
        try read { db in
            // Names once, in name order; then each subject's edges by the primary key, put in
            // (predicate, object) name order in memory: the order SQLite's BINARY collation
            // gives the names, without a sort of every edge or a lookup per row.
            let entities = try TermNames(db, namespace: Namespace.entity)
            let predicates = try TermNames(db, namespace: Namespace.ontology)
            var biolink: [Int64: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, biolink FROM predicates") {
                if let id = try EdgeTerms.predicate(row[0], in: db) { biolink[id] = Array((row[1] as String).utf8) + [0] }
            }
            let related = Array("biolink:related_to".utf8) + [0]
            let edges = try db.makeStatement(sql: """
                SELECT p, o, supporting_docs, denying_docs, hedged_claims, claim_count, self_contradicting, contested
                FROM edges WHERE s = ?
                """)
            let stmt = edges.sqliteStatement
            defer { sqlite3_reset(stmt) }
            let claims = try db.makeStatement(sql: Self.claimDocumentsSQL)
            defer { sqlite3_reset(claims.sqliteStatement) }
            var documents = try ClaimDocuments(claims.sqliteStatement, path: path)
            struct Counts { var p, o, supporting, denying, hedged, claims, both: Int64; var contested: Bool }
            var rows: [Counts] = []
            for subject in entities.ids {
                sqlite3_reset(stmt)
                sqlite3_bind_int64(stmt, 1, subject)
                rows.removeAll(keepingCapacity: true)
                while true {
                    let status = sqlite3_step(stmt)
                    if status == SQLITE_DONE { break }
                    guard status == SQLITE_ROW else {
                        throw StoreError(kind: .corrupt, path: path,
                                         message: "cannot read the edges: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                    }
                    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(stmt, i) }
                    rows.append(Counts(p: int(0), o: int(1), supporting: int(2), denying: int(3), hedged: int(4), claims: int(5),
                                       both: int(6), contested: int(7) != 0))
                }
                if rows.count > 1 {
                    rows.sort { a, b in
                        let (pa, pb) = (predicates.rank(a.p), predicates.rank(b.p))
                        return pa != pb ? pa < pb : entities.rank(a.o) < entities.rank(b.o)
                    }
                }
                for c in rows {
                    try (biolink[c.p] ?? related).withUnsafeBufferPointer { bio in
                        let row = RawEdgeRow(
                            subject: entities.name(subject), predicate: predicates.name(c.p), object: entities.name(c.o),
                            biolink: bio.baseAddress!, supportingDocuments: c.supporting, denyingDocuments: c.denying,
                            hedgedClaims: c.hedged, claimCount: c.claims, selfContradictingDocuments: c.both, contested: c.contested)
                        var consumed = false
                        try body(row) { each in
                            guard !consumed else { return }
                            consumed = true
                            try documents.forEach(row.subject, row.predicate, row.object, each)
                        }
                        if !consumed { try documents.forEach(row.subject, row.predicate, row.object) { _, _, _ in } }
                    }
                }
            }
        }
    }
}

/// The distinct documents of each edge's claims, from a cursor over the claims ordered like
/// the edges (`claimDocumentsSQL`), read beside them: one sequential pass, no lookups.
struct ClaimDocuments {
    private let statement: OpaquePointer
    private let path: String
    private var hasRow = false

    init(_ statement: OpaquePointer, path: String) throws {
        self.statement = statement
        self.path = path
        try step()
    }

    private mutating func step() throws {
        let status = sqlite3_step(statement)
        guard status == SQLITE_ROW || status == SQLITE_DONE else {
            throw StoreError(kind: .corrupt, path: path,
                             message: "cannot read the claims: \(String(cString: sqlite3_errstr(status)))")
        }
        hasRow = status == SQLITE_ROW
    }

    /// Calls `each` with every distinct document of the edge (s, p, o) and whether it affirms
    /// and whether it denies the edge, passing over the claims of earlier edges.
    mutating func forEach(_ s: UnsafePointer<UInt8>, _ p: UnsafePointer<UInt8>, _ o: UnsafePointer<UInt8>,
                          _ each: (UnsafeBufferPointer<UInt8>, Bool, Bool) throws -> Void) throws {
        while hasRow {
            let order = Self.compare(statement, s, p, o)
            if order > 0 { break }
            if order == 0, let doc = sqlite3_column_text(statement, 3) {
                // The query groups by document: each comes once.
                let bytes = UnsafeBufferPointer(start: doc, count: Int(sqlite3_column_bytes(statement, 3)))
                try each(bytes, sqlite3_column_int64(statement, 4) != 0, sqlite3_column_int64(statement, 5) != 0)
            }
            try step()
        }
    }

    /// The order of the current claim's key against (s, p, o).
    private static func compare(_ statement: OpaquePointer, _ s: UnsafePointer<UInt8>, _ p: UnsafePointer<UInt8>,
                                _ o: UnsafePointer<UInt8>) -> Int32 {
        func order(_ column: Int32, _ value: UnsafePointer<UInt8>) -> Int32 {
            guard let text = sqlite3_column_text(statement, column) else { return -1 }
            return strcmp(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self),
                          UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        }
        let bySubject = order(0, s)
        if bySubject != 0 { return bySubject }
        let byPredicate = order(1, p)
        return byPredicate != 0 ? byPredicate : order(2, o)
    }
}
