import Foundation
import Model

/// Alerts of batching rules (`Batching`): held with their group until it is due, then
/// released as one notification. Holding happens inside `record`'s transaction, and a
/// release moves the held alerts into their notification's outbox rows in one
/// transaction, so each alert goes out in exactly one notification across crashes.
extension SQLiteStateStore {
    public func dueGroups(now: Date, limit: Int) throws(StoreError) -> [HeldGroup] {
        var states: [(GroupState, [String])] = []
        try db.prepare("""
            SELECT rule, key, due_at, since, quiet_until, outputs FROM batch_groups
            WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?
            """).query(.real(now.timeIntervalSince1970), .int(limit)) { row in
            states.append((Self.groupState(row), Self.outputs(row.text(5))))
        }
        let members = try db.prepare("""
            SELECT a.rowid, a.id, a.payload, a.line, a.fired_at FROM held_alerts h JOIN alerts a ON a.rowid = h.alert_row
            WHERE h.rule = ? AND h.key = ? ORDER BY a.fired_at, a.rowid
            """)
        var groups: [HeldGroup] = []
        for (state, outputs) in states {
            var alerts: [HeldGroup.Member] = []
            try members.query(.text(state.rule), .text(state.key)) { row in
                alerts.append(.init(row: Int64(row.int(0)), id: row.text(1) ?? "", payload: row.text(2) ?? "", line: row.text(3) ?? "",
                                    firedAt: Date(timeIntervalSince1970: row.real(4))))
            }
            groups.append(HeldGroup(state: state, outputs: outputs, alerts: alerts))
        }
        return groups
    }

    public func release(_ group: HeldGroup, as notification: QueuedAlert?, state: GroupState, now: Date) throws(StoreError) {
        let time = SQLiteValue.real(now.timeIntervalSince1970)
        try db.transaction { () throws(StoreError) in
            if let notification, !group.alerts.isEmpty {
                try db.prepare("""
                    INSERT OR IGNORE INTO alerts(id, rule, item_key, identity, link, fired_at, payload, line) VALUES (?, ?, '', ?, NULL, ?, ?, ?)
                    """).run(.text(notification.id), .text(notification.rule), .text(notification.identity), time,
                             .text(notification.payload), .text(notification.line))
                // Released before (a crash after its commit cannot happen, but a replayed
                // release must not queue the notification twice).
                if db.changes == 1 {
                    let row = SQLiteValue.int(Int(db.lastInsertRowID))
                    let queue = try db.prepare("INSERT INTO outbox(alert_id, output, next_attempt_at, alert_row) VALUES (?, ?, ?, ?)")
                    for output in notification.outputs { try queue.run(.text(notification.id), .text(output), time, row) }
                }
                let drop = try db.prepare("DELETE FROM held_alerts WHERE rule = ? AND key = ? AND alert_row = ?")
                for member in group.alerts { try drop.run(.text(group.state.rule), .text(group.state.key), .int(Int(member.row))) }
            }
            try storeGroup(state, outputs: group.outputs)
        }
    }

    public func heldAlerts() throws(StoreError) -> Int {
        var count = 0
        try db.prepare("SELECT COUNT(*) FROM held_alerts").query { count = $0.int(0) }
        return count
    }

    /// Inside `record`'s transaction: a fresh alert of a batching rule, admitted to its
    /// group. True when it is held (no delivery of its own).
    func admit(_ alert: QueuedAlert, row: Int64, group key: String, admission: GroupAdmission,
               cache: inout [String: GroupState?]) throws(StoreError) -> Bool {
        let cacheKey = alert.rule + "\u{0}" + key
        let known: GroupState?
        if let cached = cache[cacheKey] {
            known = cached
        } else {
            var read: GroupState?
            try db.prepare("SELECT rule, key, due_at, since, quiet_until FROM batch_groups WHERE rule = ? AND key = ?")
                .query(.text(alert.rule), .text(key)) { read = Self.groupState($0) }
            known = read
        }
        let decision = admission.admit(alert, key, known)
        cache[cacheKey] = .some(decision.state)
        try storeGroup(decision.state, outputs: alert.outputs)
        if decision.hold {
            try db.prepare("INSERT OR IGNORE INTO held_alerts(rule, key, alert_row) VALUES (?, ?, ?)")
                .run(.text(alert.rule), .text(key), .int(Int(row)))
        }
        return decision.hold
    }

    private func storeGroup(_ state: GroupState, outputs: [String]) throws(StoreError) {
        try db.prepare("""
            INSERT INTO batch_groups(rule, key, due_at, since, quiet_until, outputs) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(rule, key) DO UPDATE SET due_at = excluded.due_at, since = excluded.since,
              quiet_until = excluded.quiet_until, outputs = excluded.outputs
            """).run(.text(state.rule), .text(state.key), Self.time(state.dueAt), .real(state.since.timeIntervalSince1970),
                     Self.time(state.quietUntil), .text(outputs.joined(separator: Self.outputSeparator)))
    }

    /// Output names are configuration keys; a unit separator cannot be typed into one by accident.
    private static let outputSeparator = "\u{1F}"

    private static func outputs(_ text: String?) -> [String] {
        (text ?? "").split(separator: Character(outputSeparator)).map(String.init)
    }

    private static func time(_ date: Date?) -> SQLiteValue {
        date.map { .real($0.timeIntervalSince1970) } ?? .text(nil)
    }

    private static func groupState(_ row: SQLiteRow) -> GroupState {
        let date = { (column: Int32) -> Date? in row.text(column) == nil ? nil : Date(timeIntervalSince1970: row.real(column)) }
        return GroupState(rule: row.text(0) ?? "", key: row.text(1) ?? "", dueAt: date(2),
                          since: Date(timeIntervalSince1970: row.real(3)), quietUntil: date(4))
    }
}
