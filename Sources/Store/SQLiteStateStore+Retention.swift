import Foundation
import Model

/// Retention: state stays bounded however long the daemon runs.
extension SQLiteStateStore {
    public func prune(before cutoff: Date) throws(StoreError) -> PruneReport {
        let time = SQLiteValue.real(cutoff.timeIntervalSince1970)
        var report = PruneReport()
        try db.transaction { () throws(StoreError) in
            // A key is kept while its feed lists the item; once the feed's listings have
            // left it out for the whole retention, an item that comes back is new again.
            // A feed that has not listed anything since (failing for that long) keeps its
            // keys, or its whole feed would alert again on recovery; a feed no longer
            // configured keeps them until they are as old.
            try db.prepare("""
                DELETE FROM seen_items WHERE last_seen < ?
                  AND (feed_id IN (SELECT id FROM feeds WHERE listed_at >= ?) OR feed_id NOT IN (SELECT id FROM feeds))
                """).run(time, time)
            report.seenItems = db.changes
            // Dead deliveries of alerts fired before the cutoff (a delivered one left the outbox).
            try db.prepare("""
                DELETE FROM outbox WHERE state = 'dead'
                  AND alert_row IN (SELECT rowid FROM alerts WHERE fired_at < ?)
                """).run(time)
            report.deliveries = db.changes
            // An alert with a delivery still pending, or held in a group, is never removed.
            try db.prepare("""
                DELETE FROM alerts WHERE fired_at < ? AND rowid NOT IN (SELECT alert_row FROM outbox)
                  AND rowid NOT IN (SELECT alert_row FROM held_alerts)
                """).run(time)
            // A group with nothing held whose quiet time is long over starts afresh anyway.
            try db.prepare("""
                DELETE FROM batch_groups WHERE due_at IS NULL AND coalesce(quiet_until, since) < ?
                """).run(time)
            report.alerts = db.changes
            try db.prepare("DELETE FROM legacy_alert_ids WHERE fired_at < ?").run(time)
        }
        // Freed pages go back to the file system (auto_vacuum = INCREMENTAL).
        try db.execute("PRAGMA incremental_vacuum")
        return report
    }

    /// The bytes the database's pages take (page_count × page_size), freed pages excluded.
    public func sizeInBytes() throws(StoreError) -> Int {
        var pages = 0, size = 0, free = 0
        try db.prepare("PRAGMA page_count").query { pages = $0.int(0) }
        try db.prepare("PRAGMA page_size").query { size = $0.int(0) }
        try db.prepare("PRAGMA freelist_count").query { free = $0.int(0) }
        return (pages - free) * size
    }

    /// The number of item keys kept as seen.
    public func seenCount() throws(StoreError) -> Int {
        var count = 0
        try db.prepare("SELECT COUNT(*) FROM seen_items").query { count = $0.int(0) }
        return count
    }
}
