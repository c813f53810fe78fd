import Foundation
import Bounds
import Model

/// Mentions counted per watch and hour, the latest mentioning items, and open
/// spike episodes: what spike rules are judged from. Bounded by pruning.
extension SQLiteStateStore {
    public func mentionCount(watch: String, hours: Range<Int>) throws(StoreError) -> Int {
        var total = 0
        try db.prepare("SELECT COALESCE(SUM(count), 0) FROM mention_counts WHERE watch = ? AND hour >= ? AND hour < ?")
            .query(.text(watch), .int(hours.lowerBound), .int(hours.upperBound)) { total = $0.int(0) }
        return total
    }

    public func recentMentions(watch: String, since: Date, limit: Int) throws(StoreError) -> [SpikeReport.Item] {
        var items: [SpikeReport.Item] = []
        try db.prepare("SELECT feed_id, title, link FROM recent_mentions WHERE watch = ? AND at >= ? ORDER BY at DESC LIMIT ?")
            .query(.text(watch), .real(since.timeIntervalSince1970), .int(limit)) { row in
                items.append(SpikeReport.Item(feed: row.text(0) ?? "", title: row.text(1), link: row.text(2)))
            }
        return items
    }

    public func spikeEpisode(rule: String) throws(StoreError) -> Date? {
        var since: Date?
        try db.prepare("SELECT since FROM spike_episodes WHERE rule = ?").query(.text(rule)) {
            since = Date(timeIntervalSince1970: $0.real(0))
        }
        return since
    }

    public func setSpikeEpisode(rule: String, since: Date?) throws(StoreError) {
        if let since {
            try db.prepare("INSERT INTO spike_episodes(rule, since) VALUES (?, ?) ON CONFLICT(rule) DO UPDATE SET since = excluded.since")
                .run(.text(rule), .real(since.timeIntervalSince1970))
        } else {
            try db.prepare("DELETE FROM spike_episodes WHERE rule = ?").run(.text(rule))
        }
    }

    public func pruneMentions(countsBefore hour: Int, recentBefore: Date) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            try db.prepare("DELETE FROM mention_counts WHERE hour < ?").run(.int(hour))
            try db.prepare("DELETE FROM recent_mentions WHERE at < ?").run(.real(recentBefore.timeIntervalSince1970))
        }
    }
}

/// Mentions are counted per hour since 1970.
public enum MentionHour {
    public static func of(_ date: Date) -> Int {
        Int(Bounds.epochSeconds(of: date) / 3600)
    }
}

/// The statements `record` counts an item's mentions with, inside its transaction.
struct MentionStatements {
    let increment: SQLiteStatement
    let remember: SQLiteStatement

    init(_ db: SQLiteDatabase) throws(StoreError) {
        increment = try db.prepare("""
            INSERT INTO mention_counts(watch, hour, count) VALUES (?, ?, 1)
            ON CONFLICT(watch, hour) DO UPDATE SET count = count + 1
            """)
        remember = try db.prepare("INSERT INTO recent_mentions(watch, at, feed_id, title, link) VALUES (?, ?, ?, ?, ?)")
    }

    func count(_ item: ItemRecord, now: Date) throws(StoreError) {
        let hour = MentionHour.of(now)
        for watch in Set(item.mentions) { try increment.run(.text(watch), .int(hour)) }
        for watch in Set(item.listedMentions) {
            try remember.run(.text(watch), .real(now.timeIntervalSince1970), .text(item.feedID), .text(item.title), .text(item.link))
        }
    }
}
