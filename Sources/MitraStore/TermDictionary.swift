import GRDB
import GRDBSQLite
import MitraModel
import MitraRDF

/// Encodes RDF terms as the integer ids of the `terms` table, with an in-memory cache so a
/// term seen before costs one hash lookup and no SQL.
///
/// It steps its prepared statements through SQLite directly: on a bulk load the per-call
/// overhead of building argument arrays would cost more than the inserts themselves.
final class TermDictionary {
    /// The store's term kinds, shared with `RDFNodeView.Kind`.
    enum Kind: UInt8 {
        case iri = 1
        case blank = 2
        case literal = 3
    }

    struct Key: Hashable {
        var kind: UInt8
        var value: String
        var datatype: String
        var lang: String
    }

    private var cache: [Key: Int64] = [:]
    private var nextID: Int64
    /// False while the table held nothing when the dictionary opened and the cache has seen
    /// every term since: a miss is then surely new and needs no lookup.
    private var mayExist: Bool
    /// Set while `terms_value` is dropped for a bulk load; the cache then holds every term.
    private var bulk = false
    private let db: Database
    private let select: Statement
    private let insert: Statement

    init(_ db: Database) throws {
        self.db = db
        nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM terms") ?? 0) + 1
        mayExist = nextID > 1
        select = try db.makeStatement(sql: "SELECT id FROM terms WHERE value = ? AND kind = ? AND datatype = ? AND lang = ?")
        insert = try db.makeStatement(sql: "INSERT INTO terms (id, kind, value, datatype, lang) VALUES (?, ?, ?, ?, ?)")
    }

    /// The id of `term`, added to the table when new.
    func id(of term: Term) throws -> Int64 {
        try id(of: Self.key(term))
    }

    func id(iri: String) throws -> Int64 {
        try id(of: Key(kind: Kind.iri.rawValue, value: iri, datatype: "", lang: ""))
    }

    /// IRIs seen lately by their bytes, in slots chosen by a hash of them: a bulk load names
    /// the same few thousand entities over and over, and a hit here costs no string.
    private var recentIRIs = [(bytes: [UInt8], id: Int64)](repeating: ([], 0), count: TermDictionary.recentSlots)
    private static let recentSlots = 1 << 16

    /// The id of a node the reader hands over.
    func id(of node: RDFNodeView, blankPrefix: String) throws -> Int64 {
        if node.kind == .iri {
            // FNV-1a over the bytes picks the slot.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in node.value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let slot = Int(truncatingIfNeeded: hash) & (Self.recentSlots - 1)
            if recentIRIs[slot].id != 0, node.value.equals(recentIRIs[slot].bytes) { return recentIRIs[slot].id }
            let id = try id(of: Key(kind: Kind.iri.rawValue, value: String(decoding: node.value, as: UTF8.self), datatype: "", lang: ""))
            recentIRIs[slot] = (Array(node.value), id)
            return id
        }
        let value = String(decoding: node.value, as: UTF8.self)
        switch node.kind {
        case .iri:
            return try id(of: Key(kind: Kind.iri.rawValue, value: value, datatype: "", lang: ""))
        case .blank:
            return try id(of: Key(kind: Kind.blank.rawValue, value: blankPrefix + value, datatype: "", lang: ""))
        case .literal:
            return try id(of: Key(
                kind: Kind.literal.rawValue, value: value,
                datatype: node.datatype.isEmpty ? "" : String(decoding: node.datatype, as: UTF8.self),
                lang: node.language.isEmpty ? "" : String(decoding: node.language, as: UTF8.self)))
        }
    }

    func id(of key: Key) throws -> Int64 {
        if let id = cache[key] { return id }
        if mayExist, let id = try lookup(key) {
            cache[key] = id
            return id
        }
        let id = try add(key)
        cache[key] = id
        return id
    }

    /// Inserts a term known to be absent under the next free id.
    private func add(_ key: Key) throws -> Int64 {
        let id = nextID
        nextID += 1
        let stmt = insert.sqliteStatement
        sqlite3_reset(stmt)
        sqlite3_bind_int64(stmt, 1, id)
        sqlite3_bind_int(stmt, 2, Int32(key.kind))
        Self.bind(key.value, to: stmt, at: 3)
        Self.bind(key.datatype, to: stmt, at: 4)
        Self.bind(key.lang, to: stmt, at: 5)
        try Self.step(stmt, db: insert)
        return id
    }

    /// The id of a term already stored, without adding it.
    func lookup(_ key: Key) throws -> Int64? {
        let stmt = select.sqliteStatement
        sqlite3_reset(stmt)
        Self.bind(key.value, to: stmt, at: 1)
        sqlite3_bind_int(stmt, 2, Int32(key.kind))
        Self.bind(key.datatype, to: stmt, at: 3)
        Self.bind(key.lang, to: stmt, at: 4)
        let rc = sqlite3_step(stmt)
        defer { sqlite3_reset(stmt) }
        if rc == SQLITE_ROW { return sqlite3_column_int64(stmt, 0) }
        if rc == SQLITE_DONE { return nil }
        throw Self.error(rc, select)
    }

    /// Forgets cached ids, so memory stays flat over a long build. A bulk load ends first:
    /// without its cache, misses must be looked up, which needs the index.
    func trimCache(above count: Int) throws {
        if cache.count > count {
            try endBulkLoad()
            cache.removeAll(keepingCapacity: false)
            mayExist = true
        }
    }

    /// Starts a bulk load: caches every stored term and drops the text index `terms_value`,
    /// so a new term is one append to the table rather than a lookup and an insert into a
    /// text B-tree at a random place, which is most of what a term costs. Worth it when a
    /// load adds many more terms than the table holds; `endBulkLoad` sorts the index back.
    func beginBulkLoad() throws {
        guard !bulk else { return }
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, value, datatype, lang FROM terms")
        while let row = try rows.next() {
            cache[Key(kind: row[1], value: row[2], datatype: row[3], lang: row[4])] = row[0]
        }
        try db.execute(sql: "DROP INDEX terms_value")
        mayExist = false
        bulk = true
    }

    /// Builds `terms_value` again after `beginBulkLoad`; its uniqueness checks the cache's work.
    func endBulkLoad() throws {
        guard bulk else { return }
        try db.execute(sql: Schema.termIndex)
        bulk = false
    }

    static func key(_ term: Term) -> Key {
        switch term {
        case .iri(let v): Key(kind: Kind.iri.rawValue, value: v, datatype: "", lang: "")
        case .blank(let v): Key(kind: Kind.blank.rawValue, value: v, datatype: "", lang: "")
        case .literal(let v, let datatype, let language):
            Key(kind: Kind.literal.rawValue, value: v, datatype: datatype ?? "", lang: language ?? "")
        }
    }

    static func term(kind: Int, value: String, datatype: String, lang: String) -> Term {
        switch Kind(rawValue: UInt8(truncatingIfNeeded: kind)) {
        case .blank: .blank(value)
        case .literal: .literal(value, datatype: datatype.isEmpty ? nil : datatype, language: lang.isEmpty ? nil : lang)
        case .iri, nil: .iri(value)
        }
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func bind(_ text: String, to stmt: OpaquePointer, at index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            // A non-nil pointer even for "", so SQLite stores '' rather than NULL.
            let base = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            sqlite3_bind_text(stmt, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    static func step(_ stmt: OpaquePointer, db statement: Statement) throws {
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        if rc != SQLITE_DONE { throw error(rc, statement) }
    }

    static func error(_ rc: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errstr(rc)), sql: statement.sql)
    }
}

/// Buffers the quads of one graph and inserts them in sorted runs of `capacity`: a B-tree
/// takes rows in key order far faster than in file order.
final class SortedQuadLoader {
    private let inserter: IntegerRowInserter
    private let graph: Int64
    private var buffer: [SIMD3<Int64>] = []
    private let capacity: Int
    /// Distinct quads the graph gained.
    var inserted: Int { inserter.inserted }

    init(_ db: Database, graph: Int64, capacity: Int = 2_000_000) throws {
        inserter = try IntegerRowInserter(db, insert: "INSERT OR IGNORE INTO quads (g, s, p, o)", rowTemplate: "(?, ?, ?, ?)")
        self.graph = graph
        self.capacity = capacity
        buffer.reserveCapacity(min(capacity, 65_536))
    }

    func add(_ s: Int64, _ p: Int64, _ o: Int64) throws {
        buffer.append(SIMD3(s, p, o))
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        buffer.sort { a, b in a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.z < b.z }
        var previous: SIMD3<Int64>? = nil
        for q in buffer where q != previous {
            try inserter.add(graph, q.x, q.y, q.z)
            previous = q
        }
        try inserter.flush()
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Appends quads through one prepared statement stepped directly; duplicates are ignored,
/// as an RDF graph is a set.
final class QuadInserter {
    private let insert: Statement
    private(set) var inserted = 0

    init(_ db: Database) throws {
        insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO quads (g, s, p, o) VALUES (?, ?, ?, ?)")
    }

    func add(_ g: Int64, _ s: Int64, _ p: Int64, _ o: Int64) throws {
        let stmt = insert.sqliteStatement
        sqlite3_bind_int64(stmt, 1, g)
        sqlite3_bind_int64(stmt, 2, s)
        sqlite3_bind_int64(stmt, 3, p)
        sqlite3_bind_int64(stmt, 4, o)
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        if rc != SQLITE_DONE { throw TermDictionary.error(rc, insert) }
        inserted += Int(sqlite3_changes(sqlite3_db_handle(stmt)))
    }
}
