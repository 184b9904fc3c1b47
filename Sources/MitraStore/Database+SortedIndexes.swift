import GRDB

extension Database {
    /// Runs `CREATE INDEX` statements with SQLite's sorter sorting runs of a few MB on
    /// `helperThreads` threads, then puts the page cache and thread settings back.
    ///
    /// The sorter sorts runs the size of the page cache: with a bulk load's large cache an
    /// index of a million rows is one run sorted on one thread, while with small runs the
    /// helpers sort each run as the main thread fills the next, and merge them (1M quads,
    /// both quad and both edge indexes: 2.2 s → 1.6 s in the sqlite3 shell). The page cache
    /// shrinks with the runs, so `cache_spill` keeps the transaction's dirty pages in memory
    /// up to the cache's former size rather than writing them out early.
    func createIndexes(_ statements: [String], helperThreads: Int) throws {
        let cacheSize = try Int.fetchOne(self, sql: "PRAGMA cache_size") ?? -2000
        let threads = try Int.fetchOne(self, sql: "PRAGMA threads") ?? 0
        let pageSize = try Int.fetchOne(self, sql: "PRAGMA page_size") ?? 4096
        let spillPages = cacheSize < 0 ? -cacheSize * 1024 / pageSize : cacheSize
        try execute(sql: "PRAGMA cache_spill = \(spillPages); PRAGMA threads = \(helperThreads); PRAGMA cache_size = -4096")
        // 1 is SQLite's own spill threshold: spill once the cache is full.
        defer { try? execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA cache_spill = 1; PRAGMA threads = \(threads)") }
        for sql in statements { try execute(sql: sql) }
    }
}
