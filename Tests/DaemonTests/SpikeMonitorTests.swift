import Foundation
import Testing
import TestSupport
import Model
import Store
@testable import Daemon

/// Spike rules over simulated days of traffic, with an injected clock and a real
/// SQLite store in a temporary directory.
@Suite("Mention spikes over simulated days")
struct SpikeMonitorTests {
    static let watch = [WatchEntry(id: "hamas", name: "Hamas", kind: .organization)]
    static let rule = Rule(id: "hamas-spike", when: .spike(SpikeCondition(watch: "hamas", window: 3600, baseline: 7 * 86400, factor: 3, min: 10)))
    static let start = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 3600))

    /// Records `items` mentions in the hour starting `hours` after `start`, then judges.
    static func hour(_ hours: Int, items: Int, store: SQLiteStateStore, monitor: SpikeMonitor) throws -> [Alert] {
        let now = start.addingTimeInterval(Double(hours) * 3600 + 1800)
        let records = (0..<items).map { i in
            ItemRecord(feedID: "f\(i % 7)", itemKey: "h\(hours)-\(i)", alerts: [], mentions: ["hamas"],
                       title: "Hamas item \(hours)-\(i)", link: "https://news.example/\(hours)/\(i)")
        }
        _ = try store.record(records, now: now)
        return try monitor.check(store, now: now)
    }

    @Test("a burst after a week of ordinary traffic fires once per episode, with a stable id")
    func episodes() throws {
        let scratch = try Scratch()
        let store = try SQLiteStateStore(directory: scratch.path)
        let monitor = SpikeMonitor(rules: [Self.rule], watch: Self.watch)
        var generator = SeededGenerator(seed: 42)
        var fired: [(Int, Alert)] = []
        // Seven days of 0–4 items an hour: noise, never a spike.
        for h in 0..<(7 * 24) {
            for alert in try Self.hour(h, items: Int.random(in: 0...4, using: &generator), store: store, monitor: monitor) { fired.append((h, alert)) }
        }
        #expect(fired.isEmpty)
        // Day 8: a burst of three hours, then calm; day 9: a second burst.
        let traffic = [30, 28, 25, 2, 1, 2, 3, 2, 1, 2, 2, 1, 40, 35]
        for (offset, items) in traffic.enumerated() {
            for alert in try Self.hour(7 * 24 + offset, items: items, store: store, monitor: monitor) { fired.append((7 * 24 + offset, alert)) }
        }
        #expect(fired.map(\.0) == [7 * 24, 7 * 24 + 12])
        let first = try #require(fired.first?.1)
        #expect(first.rule == "hamas-spike")
        #expect(first.spike?.count == 30)
        #expect(first.spike?.top.count == 5)
        #expect((first.spike?.expected ?? 99) < 3)
        #expect(fired[0].1.id != fired[1].1.id)
        // Judged again within the episode: nothing new.
        #expect(try monitor.check(store, now: Self.start.addingTimeInterval(Double(7 * 24 + 12) * 3600 + 3000)).isEmpty)
    }

    @Test("pruning keeps the counts a baseline needs and drops older ones")
    func pruning() throws {
        let scratch = try Scratch()
        let store = try SQLiteStateStore(directory: scratch.path)
        let monitor = SpikeMonitor(rules: [Self.rule], watch: Self.watch)
        for h in [0, 24 * 5, 24 * 9] { _ = try Self.hour(h, items: 3, store: store, monitor: monitor) }
        let now = Self.start.addingTimeInterval(Double(24 * 9) * 3600)
        try monitor.prune(store, now: now)
        let base = MentionHour.of(Self.start)
        #expect(try store.mentionCount(watch: "hamas", hours: base..<(base + 1)) == 0)
        #expect(try store.mentionCount(watch: "hamas", hours: (base + 24 * 5)..<(base + 24 * 5 + 1)) == 3)
        #expect(try store.recentMentions(watch: "hamas", since: Self.start, limit: 10).count == 3)
    }
}
