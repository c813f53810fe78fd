import Foundation
import Model

/// One row of the outbox as `feedwatch deliveries` lists it.
public struct DeliveryLine: Sendable, Equatable {
    public var alertID: String
    public var output: String
    public var rule: String
    /// "pending" or "dead".
    public var state: String
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var firedAt: Date
}

/// The outbox and its dead letters, for operators: list, send again, give up.
extension SQLiteStateStore {
    public func deliveryLines(deadOnly: Bool, limit: Int = 10_000) throws(StoreError) -> [DeliveryLine] {
        var lines: [DeliveryLine] = []
        try db.prepare("""
            SELECT o.alert_id, o.output, a.rule, o.state, o.attempts, o.next_attempt_at, o.last_error, a.fired_at
            FROM outbox o JOIN alerts a ON a.rowid = o.alert_row
            WHERE (? = 0 OR o.state = 'dead') ORDER BY o.state, o.next_attempt_at LIMIT ?
            """).query(.int(deadOnly ? 1 : 0), .int(limit)) { row in
            lines.append(DeliveryLine(alertID: row.text(0) ?? "", output: row.text(1) ?? "", rule: row.text(2) ?? "", state: row.text(3) ?? "",
                                      attempts: row.int(4), nextAttemptAt: Date(timeIntervalSince1970: row.real(5)),
                                      lastError: row.text(6), firedAt: Date(timeIntervalSince1970: row.real(7))))
        }
        return lines
    }

    /// Dead deliveries of these alerts (every dead one with `allDead`) are pending again, due
    /// now, with their attempts counted afresh; returns how many.
    public func retryDeliveries(alertIDs: [String], allDead: Bool, now: Date) throws(StoreError) -> Int {
        let time = SQLiteValue.real(now.timeIntervalSince1970)
        if allDead {
            try db.prepare("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE state = 'dead'").run(time)
            return db.changes
        }
        return try db.transaction { () throws(StoreError) -> Int in
            var changed = 0
            let retry = try db.prepare("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE alert_id = ?")
            for id in alertIDs {
                try retry.run(time, .text(id))
                changed += db.changes
            }
            return changed
        }
    }

    /// The deliveries of these alerts leave the outbox, sent or not; returns how many.
    public func dropDeliveries(alertIDs: [String]) throws(StoreError) -> Int {
        try db.transaction { () throws(StoreError) -> Int in
            var dropped = 0
            let drop = try db.prepare("DELETE FROM outbox WHERE alert_id = ?")
            for id in alertIDs {
                try drop.run(.text(id))
                dropped += db.changes
            }
            return dropped
        }
    }
}
