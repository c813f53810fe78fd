import Foundation
import Testing
import Model
@testable import Store

/// A state file written by an older feedwatch opens, keeps what it queued and
/// never fires again what it already fired.
@Suite("Schema upgrades")
struct SchemaUpgradeTests {
    /// The tables as version 4 laid them out, with one alert fired and one delivery pending.
    static let version4 = """
        CREATE TABLE feeds(id TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
          next_poll_at REAL NOT NULL, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
          polled_once INTEGER NOT NULL DEFAULT 0, listed_at REAL NOT NULL DEFAULT 0);
        CREATE TABLE seen_items(feed_id TEXT NOT NULL, item_key TEXT NOT NULL, first_seen REAL NOT NULL,
          last_seen REAL NOT NULL DEFAULT 0, PRIMARY KEY(feed_id, item_key)) WITHOUT ROWID;
        CREATE TABLE alerts(id TEXT PRIMARY KEY, rule TEXT NOT NULL, item_key TEXT NOT NULL, link TEXT,
          fired_at REAL NOT NULL, payload TEXT NOT NULL, line TEXT NOT NULL);
        CREATE UNIQUE INDEX alerts_rule_link ON alerts(rule, link) WHERE link IS NOT NULL;
        CREATE INDEX seen_items_last_seen ON seen_items(last_seen);
        CREATE INDEX alerts_fired_at ON alerts(fired_at);
        CREATE TABLE outbox(id INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, output TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending', last_error TEXT);
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
        CREATE TABLE mention_counts(watch TEXT NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,
          PRIMARY KEY(watch, hour)) WITHOUT ROWID;
        CREATE TABLE recent_mentions(watch TEXT NOT NULL, at REAL NOT NULL, feed_id TEXT NOT NULL, title TEXT, link TEXT);
        CREATE INDEX recent_mentions_watch ON recent_mentions(watch, at);
        CREATE TABLE spike_episodes(rule TEXT PRIMARY KEY, since REAL NOT NULL);
        INSERT INTO alerts VALUES ('old-sent', 'r', 'k1', NULL, 1000, '{"id":"old-sent"}', 'sent');
        INSERT INTO alerts VALUES ('old-queued', 'r', 'k2', 'https://e/2', 1000, '{"id":"old-queued"}', 'queued');
        INSERT INTO outbox(alert_id, output, next_attempt_at) VALUES ('old-queued', 'file', 1000);
        PRAGMA user_version = 4;
        """

    @Test("version 4 → 5: the pending delivery keeps its payload, and an id fired before never fires again")
    func fromVersion4() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-upgrade-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let old = try SQLiteDatabase(path: (dir as NSString).appendingPathComponent("state.db"))
            try old.execute(Self.version4)
        }
        let store = try SQLiteStateStore(directory: dir)
        let due = try store.dueDeliveries(now: Date(), limit: 10)
        #expect(due.map(\.alertID) == ["old-queued"])
        #expect(due.first?.payload == #"{"id":"old-queued"}"#)
        let again = QueuedAlert(id: "old-sent", rule: "r", identity: "https://e/1", link: nil, payload: "{}", line: "", outputs: ["file"])
        #expect(try store.record([ItemRecord(feedID: "f", itemKey: "k1", alerts: [again])], now: Date()) == [])
        let fresh = QueuedAlert(id: "new", rule: "r", identity: "https://e/3", link: "https://e/3", payload: "{}", line: "", outputs: ["file"])
        #expect(try store.record([ItemRecord(feedID: "f", itemKey: "k3", alerts: [fresh])], now: Date()) == ["new"])
        // Retention forgets the old ids with their alerts.
        _ = try store.prune(before: Date())
        #expect(try store.record([ItemRecord(feedID: "g", itemKey: "k1", alerts: [again])], now: Date()) == ["old-sent"])
    }
}
