import Foundation
import Testing
import Model
@testable import Store

/// Alerts held in groups (`GroupAdmission`) leave them only in one release, which
/// queues their notification in the same transaction.
@Suite("Held groups")
struct HeldGroupTests {
    /// Holds every alert until `due`, in group "g".
    static func holding(until due: Date) -> GroupAdmission {
        GroupAdmission { alert, key, state in
            (true, GroupState(rule: alert.rule, key: key, dueAt: state?.dueAt ?? due, since: state?.since ?? due.addingTimeInterval(-60)))
        }
    }

    static func grouped(_ id: String) -> QueuedAlert {
        var alert = SQLiteStateStoreTests.alert(id, outputs: ["hook"])
        alert.group = "g"
        return alert
    }

    @Test("a held alert has no delivery of its own; its release queues one notification and holds it no more")
    func holdAndRelease() throws {
        let (store, dir) = try SQLiteStateStoreTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let due = now.addingTimeInterval(30)
        let fired = try store.record([ItemRecord(feedID: "f", itemKey: "i1", alerts: [Self.grouped("a1")]),
                                      ItemRecord(feedID: "f", itemKey: "i2", alerts: [Self.grouped("a2")])],
                                     listings: [], now: now, inline: nil, admission: Self.holding(until: due))
        #expect(fired == ["a1", "a2"])
        #expect(try store.pendingDeliveries() == 0)
        #expect(try store.heldAlerts() == 2)
        #expect(try store.dueGroups(now: now, limit: 10).isEmpty)  // not yet due

        let groups = try store.dueGroups(now: due, limit: 10)
        #expect(groups.count == 1)
        let group = try #require(groups.first)
        #expect(group.alerts.map(\.id) == ["a1", "a2"])
        #expect(group.outputs == ["hook"])
        #expect(group.alerts.map(\.payload) == [#"{"id":"a1"}"#, #"{"id":"a2"}"#])

        var released = group.state
        released.dueAt = nil
        let notification = QueuedAlert(id: "d1", rule: "r", identity: "digest d1", link: nil, payload: #"{"id":"d1"}"#, line: "",
                                       outputs: group.outputs)
        try store.release(group, as: notification, state: released, now: due)
        #expect(try store.heldAlerts() == 0)
        #expect(try store.dueGroups(now: due.addingTimeInterval(3600), limit: 10).isEmpty)
        let deliveries = try store.dueDeliveries(now: due, limit: 10)
        #expect(deliveries.map(\.alertID) == ["d1"])
        #expect(deliveries.first?.payload == #"{"id":"d1"}"#)

        // The same release again (a replay after a crash) queues nothing more.
        try store.release(group, as: notification, state: released, now: due)
        #expect(try store.pendingDeliveries() == 1)
    }

    @Test("an alert the admission sends at once is queued as any other; one fired before is not admitted again")
    func sentAtOnce() throws {
        let (store, dir) = try SQLiteStateStoreTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let admitted = LockedCount()
        let admission = GroupAdmission { alert, key, state in
            admitted.add()
            return (false, GroupState(rule: alert.rule, key: key, dueAt: nil, since: now, quietUntil: now.addingTimeInterval(60)))
        }
        let item = ItemRecord(feedID: "f", itemKey: "i1", alerts: [Self.grouped("a1")])
        #expect(try store.record([item], listings: [], now: now, inline: nil, admission: admission) == ["a1"])
        #expect(try store.record([item], listings: [], now: now, inline: nil, admission: admission) == [])
        #expect(admitted.value == 1)
        #expect(try store.pendingDeliveries() == 1)
        #expect(try store.heldAlerts() == 0)
    }

    @Test("retention never removes a held alert")
    func retentionKeepsHeld() throws {
        let (store, dir) = try SQLiteStateStoreTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try store.record([ItemRecord(feedID: "f", itemKey: "i1", alerts: [Self.grouped("a1")])], listings: [], now: old, inline: nil,
                             admission: Self.holding(until: old.addingTimeInterval(86_400 * 400)))
        let report = try store.prune(before: old.addingTimeInterval(86_400 * 365))
        #expect(report.alerts == 0)
        #expect(try store.dueGroups(now: old.addingTimeInterval(86_400 * 400), limit: 10).first?.alerts.map(\.id) == ["a1"])
    }
}

/// A counter an admission closure bumps (the store calls it synchronously).
final class LockedCount {
    private(set) var value = 0
    func add() { value += 1 }
}
