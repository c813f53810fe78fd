import Foundation
import Model

/// The state store in one SQLite file (WAL, synchronous=FULL so a committed
/// transaction survives a power cut). Not Sendable: owned by the daemon loop.
public final class SQLiteStateStore: StateStore {
    private(set) var db: SQLiteDatabase
    let directory: String
    /// `items.db`, written on a thread of its own (nil when read only).
    let keptWriter: KeptItemsWriter?

    deinit { keptWriter?.close() }

    /// Opens or creates `state.db` in `directory`.
    public convenience init(directory: String) throws(StoreError) {
        try self.init(directory: directory, readOnly: false)
    }

    init(directory: String, readOnly: Bool) throws(StoreError) {
        self.directory = directory
        keptWriter = readOnly ? nil : KeptItemsWriter(directory: directory)
        if readOnly {
            db = try Self.openToRead(directory)
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .open(path: directory, message: "cannot create the state directory")
        }
        db = try Self.open(directory)
    }

    /// The file as it is, read only; a file of another schema version is not read.
    private static func openToRead(_ directory: String) throws(StoreError) -> SQLiteDatabase {
        let path = (directory as NSString).appendingPathComponent("state.db")
        guard FileManager.default.fileExists(atPath: path) else { throw .open(path: path, message: "no state here yet") }
        let db = try SQLiteDatabase(path: path, readOnly: true)
        var version = 0
        do {
            try db.prepare("PRAGMA user_version").query { version = $0.int(0) }
        } catch {
            throw .open(path: path, message: "\(error.message) (not a feedwatch state database, or a damaged one)")
        }
        guard version == StoreSchema.version else {
            throw .open(path: path, message: "state version \(version), this feedwatch reads \(StoreSchema.version): run the daemon once to upgrade it")
        }
        return db
    }

    private static func open(_ directory: String) throws(StoreError) -> SQLiteDatabase {
        let path = (directory as NSString).appendingPathComponent("state.db")
        let db = try SQLiteDatabase(path: path)
        do {
            // Before WAL: auto_vacuum takes effect only while a new file is still empty.
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute("PRAGMA journal_mode=WAL")
            try db.execute("PRAGMA synchronous=FULL")
            try db.execute("PRAGMA wal_autocheckpoint=8192")
            // The WAL is checkpointed every 32 MB and cut back to 32 MB after: disk use stays bounded.
            try db.execute("PRAGMA journal_size_limit=33554432")
            try StoreSchema.migrate(db)
        } catch {
            throw .open(path: path, message: "\(error.message) (not a feedwatch state database, or a damaged one)")
        }
        return db
    }

    /// After a failed write (a full disk), the connection is opened anew: SQLite may
    /// keep a connection that met an I/O error in a state later writes cannot leave.
    public func recover() throws(StoreError) {
        db = try Self.open(directory)
    }

    public func syncFeeds(_ feeds: [(id: String, url: String)], now: Date) throws(StoreError) {
        let upsert = try db.prepare("""
            INSERT INTO feeds(id, url, next_poll_at) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET url = excluded.url,
              moved_to = CASE WHEN feeds.url = excluded.url THEN feeds.moved_to END,
              etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END,
              last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END
            """)
        let remove = try db.prepare("DELETE FROM feeds WHERE id = ?")
        let configured = Set(feeds.map(\.id))
        var known: [String] = []
        try db.prepare("SELECT id FROM feeds").query { row in if let id = row.text(0) { known.append(id) } }
        try db.transaction { () throws(StoreError) in
            for feed in feeds { try upsert.run(.text(feed.id), .text(feed.url), .real(now.timeIntervalSince1970)) }
            // A feed removed from the configuration stops being scheduled; its seen
            // items stay, so adding it back later does not alert on them again.
            for id in known where !configured.contains(id) { try remove.run(.text(id)) }
        }
    }

    public func feedState(_ id: String) throws(StoreError) -> FeedState? {
        var state: FeedState?
        try db.prepare("SELECT \(FeedColumns.list) FROM feeds WHERE id = ?").query(.text(id)) { state = FeedColumns.read($0) }
        return state
    }

    public func moveFeed(_ id: String, to url: String) throws(StoreError) {
        try db.prepare("UPDATE feeds SET moved_to = ? WHERE id = ?").run(.text(url), .text(id))
    }

    public func dueFeeds(now: Date, limit: Int) throws(StoreError) -> [FeedState] {
        var states: [FeedState] = []
        try db.prepare("SELECT \(FeedColumns.list) FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at LIMIT ?")
            .query(.real(now.timeIntervalSince1970), .int(limit)) { states.append(FeedColumns.read($0)) }
        return states
    }

    public func recordPoll(feedID: String, outcome: PollOutcome, nextPollAt: Date, reason: String?, now date: Date) throws(StoreError) {
        let next = SQLiteValue.real(nextPollAt.timeIntervalSince1970)
        switch outcome {
        case let .fetched(etag, lastModified):
            try storeFetch(feedID: feedID, FeedListing.Fetched(etag: etag, lastModified: lastModified, nextPollAt: nextPollAt, reason: reason), at: date)
        case let .notModified(resolution):
            try recordUnchanged([UnchangedPoll(feedID: feedID, nextPollAt: nextPollAt, reason: reason, resolution: resolution)], now: date)
        case let .failed(kind):
            try db.prepare("""
                UPDATE feeds SET next_poll_at = ?, poll_reason = ?, failures = failures + 1, last_error = ?,
                failing_since = coalesce(failing_since, ?), polled_at = ? WHERE id = ?
                """).run(next, .text(reason), .text(kind), .real(date.timeIntervalSince1970), .real(date.timeIntervalSince1970), .text(feedID))
        }
    }

    public func recordUnchanged(_ polls: [UnchangedPoll], now date: Date) throws(StoreError) {
        let now = SQLiteValue.real(date.timeIntervalSince1970)
        // Unchanged since the last full listing: what it listed then, it lists still.
        // Rows are rewritten only when their mark is older than `resolution`.
        let present = try db.prepare("""
            UPDATE seen_items SET last_seen = ? WHERE feed_id = ?
              AND last_seen >= (SELECT listed_at FROM feeds WHERE id = ?) - ? AND last_seen < ?
            """)
        let feed = try db.prepare("""
            UPDATE feeds SET next_poll_at = ?, poll_reason = ?, failures = 0, last_error = NULL, failing_since = NULL,
            polled_once = 1, polled_at = ? WHERE id = ?
            """)
        try db.transaction { () throws(StoreError) in
            for poll in polls {
                let id = SQLiteValue.text(poll.feedID)
                try present.run(now, id, id, .real(poll.resolution), .real(date.timeIntervalSince1970 - poll.resolution))
                try feed.run(.real(poll.nextPollAt.timeIntervalSince1970), .text(poll.reason), now, id)
            }
        }
    }

    private func storeFetch(feedID: String, _ fetched: FeedListing.Fetched, at date: Date) throws(StoreError) {
        try db.prepare("""
            UPDATE feeds SET etag = ?, last_modified = ?, next_poll_at = ?, poll_reason = ?, failures = 0, last_error = NULL,
            failing_since = NULL, polled_once = 1, polled_at = ? WHERE id = ?
            """).run(.text(fetched.etag), .text(fetched.lastModified), .real(fetched.nextPollAt.timeIntervalSince1970),
                     .text(fetched.reason), .real(date.timeIntervalSince1970), .text(feedID))
    }

    public func seenContentHash(feedID: String, itemKey: String) throws(StoreError) -> Int64? {
        var hash: Int64?
        try db.prepare("SELECT content_hash FROM seen_items WHERE feed_id = ? AND item_key = ?")
            .query(.text(feedID), .text(itemKey)) { hash = Int64($0.int(0)) }
        return hash
    }

    public func record(_ items: [ItemRecord], now: Date) throws(StoreError) -> [String] {
        try record(items, listings: [], now: now, inline: nil, admission: nil)
    }

    public func record(_ items: [ItemRecord], listings: [FeedListing], now: Date, inline: InlineDelivery?,
                       admission: GroupAdmission?) throws(StoreError) -> [String] {
        let time = SQLiteValue.real(now.timeIntervalSince1970)
        // An edited item keeps its first sighting and takes its new hash.
        let seen = try db.prepare("""
            INSERT INTO seen_items(feed_id, item_key, first_seen, last_seen, content_hash) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(feed_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, last_seen = excluded.last_seen
            """)
        let present = try db.prepare("UPDATE seen_items SET last_seen = ? WHERE feed_id = ? AND item_key = ? AND last_seen < ?")
        let listed = try db.prepare("UPDATE feeds SET listed_at = ? WHERE id = ?")
        let insertAlert = try db.prepare("""
            INSERT OR IGNORE INTO alerts(id, rule, item_key, identity, link, fired_at, payload, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let legacy = try LegacyAlertIDs(db)
        let queue = try db.prepare("INSERT INTO outbox(alert_id, output, next_attempt_at, alert_row) VALUES (?, ?, ?, ?)")
        let mentions = try MentionStatements(db)
        let counted = try db.prepare("UPDATE feeds SET alerts_fired = alerts_fired + 1 WHERE id = ?")
        let fired = try db.transaction { () throws(StoreError) -> [String] in
            for listing in listings {
                let stale = SQLiteValue.real(now.timeIntervalSince1970 - listing.resolution)
                for key in listing.itemKeys { try present.run(time, .text(listing.feedID), .text(key), stale) }
                try listed.run(time, .text(listing.feedID))
                if let fetched = listing.fetched { try storeFetch(feedID: listing.feedID, fetched, at: now) }
            }
            var fresh: [(alert: QueuedAlert, row: SQLiteValue, textKept: Bool)] = []
            var held: [String] = []
            var groups: [String: GroupState?] = [:]
            for item in items {
                try seen.run(.text(item.feedID), .text(item.itemKey), time, time, .int(Int(item.contentHash)))
                try mentions.count(item, now: now)
                for alert in item.alerts {
                    guard try !legacy.contains(alert.id) else { continue }
                    // An alert every output takes inline is kept for its identity, not its text;
                    // one that may wait in a group keeps its text for its notification.
                    let keepText = alert.group != nil || !(inline?.takesWhole(alert) ?? false)
                    try insertAlert.run(.text(alert.id), .text(alert.rule), .text(item.itemKey), .text(alert.identity), .text(alert.link),
                                        time, .text(keepText ? alert.payload : ""), .text(keepText ? alert.line : ""))
                    guard db.changes == 1 else { continue }  // fired before: by (rule, identity), or by (rule, link)
                    let row = db.lastInsertRowID
                    try counted.run(.text(item.feedID))
                    if let story = alert.story { try insertStory(story, at: time) }
                    if let key = alert.group, let admission,
                       try admit(alert, row: row, group: key, admission: admission, cache: &groups) {
                        held.append(alert.id)
                        continue
                    }
                    fresh.append((alert, .int(Int(row)), keepText))
                }
            }
            let taken = inline.map { inline in
                inline.deliver(fresh.map(\.alert).filter { $0.outputs.contains(where: inline.outputs.contains) })
            } ?? [:]
            let keepText = try db.prepare("UPDATE alerts SET payload = ?, line = ? WHERE rowid = ?")
            for (alert, row, textKept) in fresh {
                let waiting = alert.outputs.filter { taken[alert.id]?.contains($0) != true }
                if !textKept, !waiting.isEmpty { try keepText.run(.text(alert.payload), .text(alert.line), row) }
                for output in waiting { try queue.run(.text(alert.id), .text(output), time, row) }
            }
            return fresh.map(\.alert.id) + held
        }
        // The replay cache follows the state; losing it never loses state (`KeptItems`).
        let kept = items.filter { $0.keptEntry != nil }
        if !kept.isEmpty { keptWriter?.append(kept, at: now) }
        return fired
    }
}
