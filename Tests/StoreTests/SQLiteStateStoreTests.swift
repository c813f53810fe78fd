import Foundation
import Testing
import Model
@testable import Store

@Suite("SQLiteStateStore")
struct SQLiteStateStoreTests {
    static func temporaryStore() throws -> (SQLiteStateStore, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-store-\(UUID().uuidString)").path
        return (try SQLiteStateStore(directory: dir), dir)
    }

    static func alert(_ id: String, rule: String = "r", link: String? = nil, outputs: [String] = ["console", "hook"]) -> QueuedAlert {
        QueuedAlert(id: id, rule: rule, identity: "identity-of-\(id)", link: link, payload: "{\"id\":\"\(id)\"}", line: id, outputs: outputs)
    }

    @Test("records an item and queues one delivery per output, once")
    func recordsOnce() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date()
        let item = ItemRecord(feedID: "f", itemKey: "i1", alerts: [Self.alert("a1")])
        #expect(try store.record([item], now: now) == ["a1"])
        #expect(try store.record([item], now: now) == [])
        #expect(try store.isSeen(feedID: "f", itemKey: "i1"))
        #expect(try store.pendingDeliveries() == 2)
    }

    @Test("the same link under the same rule alerts once, whatever the item id")
    func sameLinkOnce() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date()
        _ = try store.record([ItemRecord(feedID: "f1", itemKey: "x", alerts: [Self.alert("a1", link: "https://e/1")])], now: now)
        #expect(try store.record([ItemRecord(feedID: "f2", itemKey: "y", alerts: [Self.alert("a2", link: "https://e/1")])], now: now) == [])
        #expect(try store.record([ItemRecord(feedID: "f2", itemKey: "z", alerts: [Self.alert("a3", rule: "other", link: "https://e/1")])], now: now) == ["a3"])
    }

    @Test("a delivery leaves the outbox only when marked delivered; retries wait their turn")
    func outbox() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date()
        _ = try store.record([ItemRecord(feedID: "f", itemKey: "i", alerts: [Self.alert("a1", outputs: ["hook"])])], now: now)
        let first = try #require(try store.dueDeliveries(now: now, limit: 10).first)
        #expect(first.attempt == 1)
        try store.markRetry(alertID: "a1", output: "hook", at: now.addingTimeInterval(60), reason: "HTTP 500")
        #expect(try store.dueDeliveries(now: now, limit: 10).isEmpty)
        let retry = try #require(try store.dueDeliveries(now: now.addingTimeInterval(61), limit: 10).first)
        #expect(retry.attempt == 2)
        #expect(retry.payload == first.payload)
        try store.markDelivered(alertID: "a1", output: "hook")
        #expect(try store.pendingDeliveries() == 0)
    }

    @Test("survives reopening: state is in the file")
    func persists() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.syncFeeds([(id: "f", url: "https://e/feed")], now: Date(timeIntervalSince1970: 100))
        try store.recordPoll(feedID: "f", outcome: .fetched(etag: "\"e\"", lastModified: nil), nextPollAt: Date(timeIntervalSince1970: 200), now: Date())
        let reopened = try SQLiteStateStore(directory: dir)
        let state = try #require(try reopened.feedState("f"))
        #expect(state.validators.etag == "\"e\"")
        #expect(state.polledOnce)
        #expect(state.nextPollAt == Date(timeIntervalSince1970: 200))
        #expect(try reopened.dueFeeds(now: Date(timeIntervalSince1970: 150), limit: 10).isEmpty)
        #expect(try reopened.dueFeeds(now: Date(timeIntervalSince1970: 250), limit: 10).count == 1)
    }

    @Test("a feed removed from the configuration is no longer scheduled")
    func removal() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.syncFeeds([(id: "a", url: "https://e/a"), (id: "b", url: "https://e/b")], now: Date(timeIntervalSince1970: 1))
        try store.syncFeeds([(id: "b", url: "https://e/b")], now: Date(timeIntervalSince1970: 1))
        #expect(try store.dueFeeds(now: Date(timeIntervalSince1970: 2), limit: 10).map(\.id) == ["b"])
    }

    @Test("a changed feed URL forgets the old validators")
    func urlChange() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.syncFeeds([(id: "f", url: "https://e/a")], now: Date())
        try store.recordPoll(feedID: "f", outcome: .fetched(etag: "\"e\"", lastModified: "x"), nextPollAt: Date(), now: Date())
        try store.syncFeeds([(id: "f", url: "https://e/b")], now: Date())
        let state = try #require(try store.feedState("f"))
        #expect(state.url == "https://e/b")
        #expect(state.validators.etag == nil)
    }

    @Test("every mention is counted; only watches with a spike rule keep the mentioning item")
    func listedMentions() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date()
        let item = ItemRecord(feedID: "f", itemKey: "i", alerts: [], mentions: ["a", "b"], listedMentions: ["a"], title: "T", link: "https://e/i")
        _ = try store.record([item], now: now)
        let hour = MentionHour.of(now)
        #expect(try store.mentionCount(watch: "b", hours: hour..<(hour + 1)) == 1)
        #expect(try store.recentMentions(watch: "a", since: now.addingTimeInterval(-60), limit: 5).map(\.link) == ["https://e/i"])
        #expect(try store.recentMentions(watch: "b", since: now.addingTimeInterval(-60), limit: 5).isEmpty)
    }

    @Test("inline outputs get only new alerts, before the commit; what they do not take is queued with its text")
    func inlineDelivery() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date()
        _ = try store.record([ItemRecord(feedID: "f", itemKey: "old", alerts: [Self.alert("a1", link: "https://e/1")])], now: now)
        _ = try store.dueDeliveries(now: now, limit: 10).map { try store.markDelivered(alertID: $0.alertID, output: $0.output) }
        let sameIdentity = Self.alert("a1", link: "https://e/other", outputs: ["file"])
        let sameLink = QueuedAlert(id: "a2", rule: "r", identity: "elsewhere", link: "https://e/1", payload: "{}", line: "", outputs: ["file"])
        let fileOnly = Self.alert("a3", outputs: ["file"])
        let fileAndHook = Self.alert("a4", outputs: ["file", "hook"])
        let refused = Self.alert("a5", outputs: ["file"])
        var offered: [String] = []
        var seenInside = false
        let inline = InlineDelivery(outputs: ["file"]) { alerts in
            offered = alerts.map(\.id)
            seenInside = (try? store.isSeen(feedID: "f", itemKey: "new")) == true  // written before the commit, inside it
            return Dictionary(uniqueKeysWithValues: alerts.filter { $0.id != "a5" }.map { ($0.id, ["file"]) })
        }
        let items = [ItemRecord(feedID: "f", itemKey: "new", alerts: [sameIdentity, sameLink, fileOnly, fileAndHook, refused])]
        #expect(try store.record(items, listings: [], now: now, inline: inline) == ["a3", "a4", "a5"])
        #expect(offered == ["a3", "a4", "a5"])
        #expect(seenInside)
        let queued = try store.dueDeliveries(now: now, limit: 10)
        #expect(queued.map { "\($0.alertID)>\($0.output)" }.sorted() == ["a4>hook", "a5>file"])
        #expect(queued.allSatisfy { $0.payload == "{\"id\":\"\($0.alertID)\"}" })
    }
}
