import Foundation
import Model

/// An item kept for `feedwatch replay`, as the state holds it.
public struct KeptItem: Sendable {
    public var feedID: String
    public var itemKey: String
    public var keptAt: Date
    public var feedTitle: String?
    /// `Entry.keptJSON`.
    public var entry: String
}

extension SQLiteStateStore {
    /// Every item kept since `since`, oldest first, one at a time (a week of 10,000 feeds
    /// does not fit in memory at once).
    public func forEachKeptItem(since: Date, _ body: (KeptItem) -> Void) throws(StoreError) {
        try db.prepare("""
            SELECT feed_id, item_key, kept_at, feed_title, entry FROM kept_items WHERE kept_at >= ? ORDER BY kept_at
            """).query(.real(since.timeIntervalSince1970)) { row in
            body(KeptItem(feedID: row.text(0) ?? "", itemKey: row.text(1) ?? "", keptAt: Date(timeIntervalSince1970: row.real(2)),
                          feedTitle: row.text(3), entry: row.text(4) ?? ""))
        }
    }

    public func pruneKeptItems(before: Date) throws(StoreError) {
        try db.prepare("DELETE FROM kept_items WHERE kept_at < ?").run(.real(before.timeIntervalSince1970))
    }

    /// Whether the rule fired on this item already: by its identity, or by its link (the
    /// same uniqueness `record` keeps). Replay marks such alerts, and `--deliver` skips them.
    public func hasFired(rule: String, identity: String, link: String?) throws(StoreError) -> Bool {
        var found = false
        try db.prepare("SELECT 1 FROM alerts WHERE rule = ? AND identity = ? LIMIT 1").query(.text(rule), .text(identity)) { _ in found = true }
        if !found, let link {
            try db.prepare("SELECT 1 FROM alerts WHERE rule = ? AND link = ? LIMIT 1").query(.text(rule), .text(link)) { _ in found = true }
        }
        return found
    }
}
