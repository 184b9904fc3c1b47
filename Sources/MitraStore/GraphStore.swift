import Foundation
import GRDB
import GRDBSQLite
import MitraModel
import MitraOntology

/// The embedded store: one SQLite file in WAL mode holding documents, the ontology, mentions,
/// claims and the edges derived from them.
///
/// Writers take one transaction per build, so a reader in another process sees the graph
/// before or after a build, never half of one.
public final class GraphStore: @unchecked Sendable {
    public let path: String
    /// A pool (WAL set up) for a store being created or upgraded; one connection, opened
    /// read-only when the file or its folder is, for a store that is up to date, so that
    /// reading writes nothing: no table GRDB makes to prime the WAL, no stray `-wal`/`-shm`
    /// left behind (the last connection closing removes them).
    let pool: any DatabaseWriter
    /// Seconds a writer waits for another's write (the pool's busy timeout).
    let busyTimeout: Double
    /// Whether the one connection of a store opened up to date and writable is kept in
    /// `query_only` mode between writes. GRDB's own reads switch `query_only` on and off
    /// around every read, and that pragma expires every prepared statement, so each query
    /// would prepare all its cached statements again; `read` does without it.
    private let keepsQueryOnly: Bool
    /// Whether the single connection has the query tuning (`tuneForQueries`); a write
    /// may change it. Only touched inside the connection's serialized access.
    var isTunedForQueries = false
    /// Whether every read and write goes through one connection (an up-to-date store).
    var isSingleConnection: Bool { pool is DatabaseQueue }
    /// Recent plans' statements on the single connection (`PlanStatements`).
    let planStatements = PlanStatements()

    /// Opens a store; with `create`, makes it (and its folder) when it does not exist. A
    /// writer waits up to `busyTimeout` seconds for another process's write to finish.
    public init(path: String, create: Bool = false, busyTimeout: Double = 10) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw StoreError(kind: .notAStore, path: path, message: "is a folder, not a store file; name a file such as \(path)/kratom.sqlite")
        }
        if !exists && !create {
            throw StoreError(kind: .missing, path: path, message: "no store here; build one first with `mitragraph build --store \(path) CORPUS`")
        }
        var state = (appID: Int32(0), complete: false)
        if exists {
            let header = try Self.checkHeader(path)
            if header.ours && (header.rollbackMode || fm.fileExists(atPath: path + "-journal")) {
                Self.recoverFromWriteOnce(path)
            }
            state = try Self.inspect(path)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Only a new, empty file takes it (an existing store keeps its page size).
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        do {
            if exists && state.complete && state.appID == Schema.applicationID {
                let folder = (path as NSString).deletingLastPathComponent
                configuration.readonly = !fm.isWritableFile(atPath: path) || !fm.isWritableFile(atPath: folder.isEmpty ? "." : folder)
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                if !configuration.readonly {
                    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }
                }
                pool = queue
                keepsQueryOnly = !configuration.readonly
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
                keepsQueryOnly = false
            }
        } catch {
            throw StoreError(kind: .corrupt, path: path, message: "cannot be opened as a store (\(error)); if it is damaged, rebuild it into a new file")
        }
        try prepareSchema(appID: state.appID, complete: state.complete)
    }

    deinit {
        // Statements go before the connection they belong to closes.
        planStatements.removeAll()
    }

    static let ontologyLayersKey = "ontology_layers"

    /// The `--ontology` folders the last build layered over the shipped ontology.
    public func ontologyLayers() throws -> [String] {
        let text = try read { db in try GraphWriter.meta(Self.ontologyLayersKey, in: db) }
        guard let data = text?.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [String] else { return [] }
        return list
    }

    static func encodeLayers(_ layers: [String]) -> String {
        "[" + layers.map(JSONString.quoted).joined(separator: ", ") + "]"
    }

    /// Deletes a store file and its journal companions (a store a failed command made).
    public static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Checks an existing file through a read-only connection before anything may write to
    /// it (opening a pool in WAL mode writes): whose it is, which schema, whether it reads.
    private static func inspect(_ path: String) throws -> (appID: Int32, complete: Bool) {
        let migrator = Schema.migrator
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let (appID, superseded, complete, tables) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try migrator.hasBeenSuperseded(db),
                 try migrator.hasCompletedMigrations(db),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0)
            }
            if appID != Schema.applicationID && tables > 0 {
                throw StoreError(kind: .notAStore, path: path, message: "is a SQLite file but not a mitragraph store; nothing was changed")
            }
            if superseded {
                throw StoreError(kind: .newerSchema, path: path, message: "was written by a newer mitragraph; upgrade mitragraph to read it (nothing was changed)")
            }
            return (appID, complete)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreError(kind: .corrupt, path: path, message: "is corrupt (\(error.message ?? "\(error)")); rebuild it into a new file (nothing was changed)")
        } catch {
            throw StoreError(kind: .corrupt, path: path, message: "cannot be read (\(error)); if it is damaged, rebuild it into a new file")
        }
    }

    /// Puts back a store a `writeOnce` left behind: rolls back the hot journal of one that
    /// was killed (a read-only connection cannot) and returns it to WAL mode.
    ///
    /// Failing here (a read-only file, another writer) is left to the checks that follow.
    /// Without waiting: a journal is only hot when no writer holds the store, and a live
    /// one's writer would make the reader wait twice.
    private static func recoverFromWriteOnce(_ path: String) {
        guard let queue = try? DatabaseQueue(path: path) else { return }
        _ = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        try? queue.close()
    }

    /// Checks that the file is a store (or an empty SQLite file). A store in rollback-journal
    /// mode is one a `writeOnce` cut short left.
    private static func checkHeader(_ path: String) throws -> (ours: Bool, rollbackMode: Bool) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(kind: .notAStore, path: path, message: "cannot be read")
        }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: 100)
        if header.isEmpty {
            throw StoreError(kind: .notAStore, path: path, message: "is an empty file, not a mitragraph store; nothing was changed (remove it to build a store here)")
        }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError(kind: .notAStore, path: path, message: "is not a mitragraph store (not a SQLite file); nothing was changed")
        }
        let appID = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        if appID != 0 && appID != Schema.applicationID {
            throw StoreError(kind: .notAStore, path: path, message: "is a SQLite file of another application; nothing was changed")
        }
        return (appID == Schema.applicationID, header[header.startIndex + 18] == 1)
    }

    private func prepareSchema(appID: Int32, complete: Bool) throws {
        do {
            // An up-to-date store is opened without taking the write lock, so readers never
            // wait for (or delay) a build running in another process.
            if !complete { try Schema.migrator.migrate(pool) }
            if appID != Schema.applicationID {
                try pool.barrierWriteWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreError(kind: .corrupt, path: path, message: "is corrupt (\(error.message ?? "\(error)")); rebuild it into a new file")
        } catch {
            if appID == Schema.applicationID && !complete {
                // A store of an earlier release that cannot be upgraded is refused, never emptied:
                // the migration is one transaction, so it is left exactly as it was.
                throw StoreError(kind: .writeFailed, path: path, message: """
                    was written by an earlier mitragraph and cannot be upgraded in place (\(error)); nothing was \
                    changed. Rebuild it from its corpus: mitragraph build --store NEW.sqlite CORPUS
                    """)
            }
            throw StoreError(kind: .writeFailed, path: path, message: "cannot be prepared: \(error)")
        }
    }

    /// Runs `body` in one write transaction, taken at its start (IMMEDIATE), so a second
    /// writer waits up to the busy timeout for the first and then fails as `.busy`, instead
    /// of failing on its first write after reading a snapshot that went stale.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writeOnce(if: { _ in false }, body)
    }

    /// Runs `body` in one write transaction like `write`, with a rollback journal in place of
    /// the WAL when no other connection has the store open, then back to WAL.
    ///
    /// For a load into an (almost) empty store: the WAL holds every page the transaction
    /// writes and its checkpoint writes them again, while a rollback journal keeps only the
    /// few pages that existed before (new pages need no undo), so the pages are written
    /// once. A crash leaves a hot journal, rolled back by the next open: the store as
    /// before. Readers wait for the transaction, as in any rollback-journal store; when one
    /// has the store open the switch is refused at once and the write goes through the WAL.
    /// `worthIt` decides, on the writer's connection before the transaction.
    func writeOnce<T>(if worthIt: (Database) throws -> Bool, _ body: (Database) throws -> T) throws -> T {
        try translatingCorruption {
            try pool.writeWithoutTransaction { db in
                isTunedForQueries = false
                if keepsQueryOnly { try db.execute(sql: "PRAGMA query_only = 0") }
                defer { if keepsQueryOnly { try? db.execute(sql: "PRAGMA query_only = 1") } }
                var mode: String?
                if try worthIt(db) {
                    // This process's own idle readers (a build reads the store's settings
                    // first) would refuse the switch as another process's would.
                    (pool as? DatabasePool)?.invalidateReadOnlyConnections()
                    let connection = db.sqliteConnection
                    // Not the busy timeout: a store another connection has open keeps its WAL.
                    sqlite3_busy_timeout(connection, 0)
                    mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                    sqlite3_busy_timeout(connection, Int32(busyTimeout * 1000))
                }
                defer {
                    if mode == "delete" { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(kind: .writeFailed, path: path, message: "the write did not commit") }
                return result
            }
        }
    }

    /// Runs `body` on a consistent snapshot: one deferred transaction on the single
    /// connection of an up-to-date store (`query_only` unless the file is read-only), else
    /// GRDB's read on a pool's reader.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingCorruption {
            guard let queue = pool as? DatabaseQueue else { return try pool.read(body) }
            return try queue.writeWithoutTransaction { db in
                // Cached BEGIN and COMMIT: a short query would otherwise prepare both afresh.
                try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
                do {
                    let result = try body(db)
                    try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
            }
        }
    }

    /// A damaged file found while working is the same error as one found while opening; a
    /// full disk and a writer that holds the lock too long say so.
    private func translatingCorruption<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path) ?? error
        }
    }

    /// The store error a SQLite failure means, or nil when it is none of the store's business
    /// (a query's own mistake, say).
    static func storeError(_ error: DatabaseError, path: String) -> StoreError? {
        let message = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(kind: .corrupt, path: path, message: "is corrupt (\(message)); rebuild it into a new file")
        case .SQLITE_FULL:
            return StoreError(kind: .noSpace, path: path, message: "no space left on device; nothing was changed")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(kind: .busy, path: path, message: "another build is writing this store; try again when it has finished (nothing was changed)")
        case .SQLITE_ERROR where message.hasPrefix("no such table") || message.hasPrefix("no such column"):
            return StoreError(kind: .corrupt, path: path, message: "is corrupt (\(message)); rebuild it into a new file")
        default:
            return nil
        }
    }
}
