import Foundation
import Model
import Synchronization

/// The text of recent items, for `feedwatch replay` (`settings.keepItems`), in a file of
/// its own beside the state: `items.db`. It is a cache, not state: written after the
/// poll's transaction, without waiting for the disk (WAL, `synchronous=OFF`), so that
/// a cold start of 10,000 feeds does not write and flush its gigabyte of text twice. A
/// crash loses at most the last items kept; a file that will not open is started anew.
/// Rows are appended in time order and read as a range of row ids: no index to keep.
final class KeptItems {
    private let db: SQLiteDatabase

    static func path(in directory: String) -> String { (directory as NSString).appendingPathComponent("items.db") }

    init(directory: String, readOnly: Bool) throws(StoreError) {
        let path = Self.path(in: directory)
        if readOnly {
            db = try SQLiteDatabase(path: path, readOnly: true)
            return
        }
        do {
            db = try Self.open(path)
        } catch {
            // A cache that will not open (a file damaged by a power loss) is started again.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            db = try Self.open(path)
        }
    }

    private static func open(_ path: String) throws(StoreError) -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA synchronous=OFF")
        try db.execute("""
            CREATE TABLE IF NOT EXISTS kept_items(
              kept_at REAL NOT NULL, feed_id TEXT NOT NULL, item_key TEXT NOT NULL, feed_title TEXT, entry TEXT NOT NULL)
            """)
        return db
    }

    func append(_ items: [ItemRecord], at now: Date) throws(StoreError) {
        let kept = items.filter { $0.keptEntry != nil }
        guard !kept.isEmpty else { return }
        let insert = try db.prepare("INSERT INTO kept_items(kept_at, feed_id, item_key, feed_title, entry) VALUES (?, ?, ?, ?, ?)")
        try db.transaction { () throws(StoreError) in
            for item in kept {
                try insert.run(.real(now.timeIntervalSince1970), .text(item.feedID), .text(item.itemKey), .text(item.feedTitle),
                               .text(item.keptEntry))
            }
        }
    }

    func forEach(since: Date, _ body: (KeptItem) -> Void) throws(StoreError) {
        guard let first = try firstRow(since: since) else { return }
        try db.prepare("SELECT feed_id, item_key, kept_at, feed_title, entry FROM kept_items WHERE rowid >= ? ORDER BY rowid")
            .query(.int(first)) { row in
                body(KeptItem(feedID: row.text(0) ?? "", itemKey: row.text(1) ?? "", keptAt: Date(timeIntervalSince1970: row.real(2)),
                              feedTitle: row.text(3), entry: row.text(4) ?? ""))
            }
    }

    func prune(before: Date) throws(StoreError) {
        if let first = try firstRow(since: before) {
            try db.prepare("DELETE FROM kept_items WHERE rowid < ?").run(.int(first))
        } else {
            try db.execute("DELETE FROM kept_items")
        }
    }

    /// The first row kept at or after `since`: the scan reads only the rows before it.
    private func firstRow(since: Date) throws(StoreError) -> Int? {
        var first: Int?
        try db.prepare("SELECT rowid FROM kept_items WHERE kept_at >= ? ORDER BY rowid LIMIT 1")
            .query(.real(since.timeIntervalSince1970)) { first = $0.int(0) }
        return first
    }
}

/// Keeps items on a thread of its own, so that the daemon's loop never waits for the
/// replay cache: the loop hands over a poll's items and goes on.
final class KeptItemsWriter: Sendable {
    private let queue = DispatchQueue(label: "feedwatch.kept-items")
    /// Opened on the queue, used only there (the mutex is never contended).
    private let kept = Mutex<KeptItems?>(nil)
    private let directory: String

    init(directory: String) { self.directory = directory }

    func append(_ items: [ItemRecord], at now: Date) {
        queue.async { [self] in
            kept.withLock { kept in
                if kept == nil { kept = try? KeptItems(directory: directory, readOnly: false) }
                try? kept?.append(items, at: now)
            }
        }
    }

    func prune(before: Date) {
        queue.async { [self] in kept.withLock { try? $0?.prune(before: before) } }
    }

    /// Returns once everything handed over is written.
    func flush() { queue.sync {} }

    /// Writes what was handed over and closes the file (SQLite folds its WAL back in).
    func close() { queue.sync { kept.withLock { $0 = nil } } }

    deinit { close() }
}
