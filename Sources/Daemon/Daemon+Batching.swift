import Foundation
import Logging
import Model
import Outputs
import Rules
import Store

/// Rules that batch their alerts (`group`, `cooldown`, `digest`): a new alert is admitted
/// to its group as its poll is recorded (`Batcher.admit`, inside the transaction), and
/// a group that is due goes out as one notification (`Digest`), queued in the outbox
/// like an alert, in the transaction that stops holding its alerts.
extension Daemon {
    /// The decision `record` applies to each new alert that names a group.
    func groupAdmission(now: Date) -> GroupAdmission {
        let rules = rulesByID
        return GroupAdmission { alert, key, state in
            Batcher.admit(rules[alert.rule]?.batching ?? .each, rule: alert.rule, key: key, state: state, now: now)
        }
    }

    var rulesByID: [String: Rule] {
        Dictionary(configuration.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Releases the groups due now; at most once a second (groups are due to the second).
    /// `force`: `run --once` is done polling, so `group` rules send what they hold now
    /// (digests and cooldown summaries keep their time: the next run sends them).
    func releaseDueGroups(force: Bool = false) throws(StoreError) {
        let now = clock()
        guard force || now.timeIntervalSince(lastGroupRelease) >= 1 else { return }
        lastGroupRelease = now
        let rules = rulesByID
        let due = try store.dueGroups(now: force ? .distantFuture : now, limit: 256)
        for group in due {
            let batching = rules[group.state.rule]?.batching
            if force, let dueAt = group.state.dueAt, dueAt > now, !Self.isGroup(batching) { continue }
            try release(group, batching: batching ?? .each, now: now)
        }
    }

    private static func isGroup(_ batching: Batching?) -> Bool {
        if case .group = batching { return true }
        return false
    }

    private func release(_ group: HeldGroup, batching: Batching, now: Date) throws(StoreError) {
        let state = Batcher.released(batching, state: group.state, now: now)
        guard !group.alerts.isEmpty else {
            try store.release(group, as: nil, state: state, now: now)
            return
        }
        let digest = Digest(rule: group.state.rule, mode: batching == .each ? "group" : batching.mode, group: group.state.key,
                            from: min(group.state.since, group.alerts.map(\.firedAt).min() ?? now), to: now,
                            alerts: group.alerts.map { Digest.Member(id: $0.id, json: $0.payload, line: $0.line) })
        let id = AlertID.make(rule: digest.rule, itemIdentity: digest.identity)
        let line = configuration.printsReadableLines(group.outputs) ? digest.readableLines : ""
        let notification = QueuedAlert(id: id, rule: digest.rule, identity: "digest " + id, link: nil, payload: digest.json(id: id),
                                       line: line, outputs: group.outputs)
        try store.release(group, as: notification, state: state, now: now)
        logger.info("digest queued", metadata: ["alert.id": "\(id)", "alert.rule": "\(digest.rule)", "digest.mode": "\(digest.mode)",
                                                "digest.alerts": "\(group.alerts.count)"])
    }
}
