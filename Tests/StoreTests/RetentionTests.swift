import Foundation
import Testing
import Model
@testable import Store

/// A year of simulated polls, with an injected clock and a real SQLite file:
/// items churn on every poll, a fifth of them alert, and state is pruned daily.
@Suite("Retention keeps state bounded")
struct RetentionTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func alert(_ id: String) -> QueuedAlert {
        QueuedAlert(id: id, rule: "r", identity: "https://e/\(id)", link: "https://e/\(id)", payload: "{\"id\":\"\(id)\"}", line: id, outputs: ["file"])
    }

    @Test("the database levels off over a year of churn; an item back within retention is still seen, after it new")
    func yearOfChurn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-retention-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStateStore(directory: directory)
        let feeds = (0..<8).map { "feed-\($0)" }
        try store.syncFeeds(feeds.map { ($0, "https://e/\($0)") }, now: Self.start)
        let retention = 30 * Self.day
        var sizes: [Int: Int] = [:]
        var next = 0
        var listings: [String: [String]] = [:]
        for day in 0..<365 {
            for poll in 0..<2 {
                let now = Self.start.addingTimeInterval(Double(day) * Self.day + Double(poll) * Self.day / 2)
                for feed in feeds {
                    // Each poll two items arrive and the two oldest leave the feed's 20.
                    var listed = listings[feed] ?? []
                    var fresh: [ItemRecord] = []
                    for _ in 0..<2 {
                        next += 1
                        let key = "item-\(next)"
                        listed.append(key)
                        fresh.append(ItemRecord(feedID: feed, itemKey: key, alerts: next % 5 == 0 ? [Self.alert("a\(next)")] : []))
                    }
                    listed = Array(listed.suffix(20))
                    listings[feed] = listed
                    for id in try store.record(fresh, listing: FeedListing(feedID: feed, itemKeys: listed, resolution: Self.day), now: now) {
                        try store.markDelivered(alertID: id, output: "file")
                    }
                    try store.recordPoll(feedID: feed, outcome: .fetched(etag: nil, lastModified: nil), nextPollAt: now, now: now)
                }
            }
            _ = try store.prune(before: Self.start.addingTimeInterval(Double(day + 1) * Self.day - retention))
            if [60, 120, 240, 364].contains(day) { sizes[day] = try store.sizeInBytes() }
        }
        let (at60, at120, at364) = (try #require(sizes[60]), try #require(sizes[120]), try #require(sizes[364]))
        // Past the retention the size stops growing: day 364 within 15% of day 120,
        // where without pruning it would be three times as large.
        #expect(Double(at364) <= Double(at120) * 1.15, "sizes: \(sizes)")
        #expect(Double(at364) <= Double(at60) * 1.3, "sizes: \(sizes)")
        // 8 feeds × 2 items a poll × 2 polls a day × 30 days, plus what each feed still lists.
        #expect(try store.seenCount() <= 8 * 4 * 31 + 8 * 20)
        // An item the feed listed 10 days ago is still seen; one gone 40 days is not.
        let recentGone = "item-\(next - 8 * 4 * 10)", oldGone = "item-\(next - 8 * 4 * 40)"
        var seenRecent = false, seenOld = false
        for feed in feeds {
            seenRecent = try seenRecent || store.isSeen(feedID: feed, itemKey: recentGone)
            seenOld = try seenOld || store.isSeen(feedID: feed, itemKey: oldGone)
        }
        #expect(seenRecent)
        #expect(!seenOld)
    }

    @Test("a feed failing for longer than the retention keeps its keys; a 304 keeps listed items present")
    func failingFeedKeepsKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-retention-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStateStore(directory: directory)
        try store.syncFeeds([("down", "https://e/down"), ("steady", "https://e/steady")], now: Self.start)
        _ = try store.record([ItemRecord(feedID: "down", itemKey: "d1", alerts: [])], listing: FeedListing(feedID: "down", itemKeys: ["d1"]), now: Self.start)
        _ = try store.record([ItemRecord(feedID: "steady", itemKey: "s1", alerts: [])], listing: FeedListing(feedID: "steady", itemKeys: ["s1"]), now: Self.start)
        // "steady" answers 304 every day for 60 days; "down" never answers.
        for day in 1...60 {
            let now = Self.start.addingTimeInterval(Double(day) * Self.day)
            try store.recordPoll(feedID: "steady", outcome: .notModified(resolution: Self.day), nextPollAt: now, now: now)
            try store.recordPoll(feedID: "down", outcome: .failed(kind: "http-503"), nextPollAt: now, now: now)
        }
        _ = try store.prune(before: Self.start.addingTimeInterval(60 * Self.day - 30 * Self.day))
        #expect(try store.isSeen(feedID: "down", itemKey: "d1"))
        #expect(try store.isSeen(feedID: "steady", itemKey: "s1"))
    }

    @Test("a poll rewrites an item's mark only when it is older than the resolution: unchanged feeds write nothing")
    func throttledMarks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-retention-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStateStore(directory: directory)
        try store.syncFeeds([("f", "https://e/f")], now: Self.start)
        func mark() throws -> Double {
            var seen = 0.0
            try store.db.prepare("SELECT last_seen FROM seen_items WHERE item_key = 'k'").query { seen = $0.real(0) }
            return seen
        }
        let listing = FeedListing(feedID: "f", itemKeys: ["k"], resolution: 3600)
        _ = try store.record([ItemRecord(feedID: "f", itemKey: "k", alerts: [])], listing: listing, now: Self.start)
        _ = try store.record([], listing: listing, now: Self.start.addingTimeInterval(1800))
        #expect(try mark() == Self.start.timeIntervalSince1970)
        try store.recordPoll(feedID: "f", outcome: .notModified(resolution: 3600), nextPollAt: Self.start, now: Self.start.addingTimeInterval(2400))
        #expect(try mark() == Self.start.timeIntervalSince1970)
        try store.recordPoll(feedID: "f", outcome: .notModified(resolution: 3600), nextPollAt: Self.start, now: Self.start.addingTimeInterval(7200))
        #expect(try mark() == Self.start.timeIntervalSince1970 + 7200)
        _ = try store.record([], listing: listing, now: Self.start.addingTimeInterval(14_400))
        #expect(try mark() == Self.start.timeIntervalSince1970 + 14_400)
    }

    @Test("a new database vacuums incrementally")
    func autoVacuum() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-retention-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStateStore(directory: directory)
        var mode = -1
        try store.db.prepare("PRAGMA auto_vacuum").query { mode = $0.int(0) }
        #expect(mode == 2)
    }

    @Test("kept items are read back oldest first from a time on, and pruned by keepItems")
    func keptItems() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-kept-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStateStore(directory: directory)
        for day in 0..<10 {
            var entry = Entry()
            entry.title = "Item of day \(day) \u{2014} ünïcode"
            entry.published = Self.start.addingTimeInterval(Double(day) * Self.day)
            entry.content = String(repeating: "x", count: Entry.keptContentBytes + 100)
            var record = ItemRecord(feedID: "f", itemKey: "k\(day)", alerts: [])
            (record.keptEntry, record.feedTitle) = (entry.keptJSON, "Feed")
            _ = try store.record([record], listings: [], now: Self.start.addingTimeInterval(Double(day) * Self.day))
        }
        var read: [KeptItem] = []
        try store.forEachKeptItem(since: Self.start.addingTimeInterval(7 * Self.day)) { read.append($0) }
        #expect(read.map(\.itemKey) == ["k7", "k8", "k9"])
        let entry = try #require(read.first.flatMap { Entry(kept: $0.entry) })
        #expect(entry.title == "Item of day 7 \u{2014} ünïcode")
        #expect(entry.published == Self.start.addingTimeInterval(7 * Self.day))
        #expect(entry.content?.utf8.count == Entry.keptContentBytes)
        try store.pruneKeptItems(before: Self.start.addingTimeInterval(8 * Self.day))
        read = []
        try store.forEachKeptItem(since: Self.start) { read.append($0) }
        #expect(read.map(\.itemKey) == ["k8", "k9"])
    }
}
