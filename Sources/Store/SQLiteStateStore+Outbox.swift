import Foundation
import Model

/// The outbox: a delivery leaves it only once its output confirmed it.
extension SQLiteStateStore {
    public func dueDeliveries(now: Date, limit: Int) throws(StoreError) -> [Delivery] {
        var deliveries: [Delivery] = []
        try db.prepare("""
            SELECT o.alert_id, o.output, a.payload, a.line, o.attempts, o.id FROM outbox o JOIN alerts a ON a.rowid = o.alert_row
            WHERE o.state = 'pending' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ?
            """).query(.real(now.timeIntervalSince1970), .int(limit)) { row in
            deliveries.append(Delivery(alertID: row.text(0) ?? "", output: row.text(1) ?? "", payload: row.text(2) ?? "",
                                       line: row.text(3) ?? "", attempt: row.int(4) + 1, row: Int64(row.int(5))))
        }
        return deliveries
    }

    public func markDelivered(alertID: String, output: String) throws(StoreError) {
        try db.prepare("DELETE FROM outbox WHERE alert_id = ? AND output = ?")
            .run(.text(alertID), .text(output))
    }

    public func markRetry(alertID: String, output: String, at: Date, reason: String) throws(StoreError) {
        try db.prepare("""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE alert_id = ? AND output = ?
            """).run(.real(at.timeIntervalSince1970), .text(reason), .text(alertID), .text(output))
    }

    public func markDead(alertID: String, output: String, reason: String) throws(StoreError) {
        try db.prepare("UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE alert_id = ? AND output = ?")
            .run(.text(reason), .text(alertID), .text(output))
    }

    public func settle(_ settlements: [Settlement]) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            for settlement in settlements where settlement.row > 0 {
                let row = SQLiteValue.int(Int(settlement.row))
                switch settlement.outcome {
                case .delivered: try db.prepare("DELETE FROM outbox WHERE id = ?").run(row)
                case let .retry(at, reason):
                    try db.prepare("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                        .run(.real(at.timeIntervalSince1970), .text(reason), row)
                case let .dead(reason):
                    try db.prepare("UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?")
                        .run(.text(reason), row)
                }
            }
            for settlement in settlements where settlement.row <= 0 {
                switch settlement.outcome {
                case .delivered: try markDelivered(alertID: settlement.alertID, output: settlement.output)
                case let .retry(at, reason): try markRetry(alertID: settlement.alertID, output: settlement.output, at: at, reason: reason)
                case let .dead(reason): try markDead(alertID: settlement.alertID, output: settlement.output, reason: reason)
                }
            }
        }
    }

    public func pendingDeliveries() throws(StoreError) -> Int {
        var count = 0
        try db.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").query { count = $0.int(0) }
        return count
    }

    /// The outbox's rows by state ("pending", "dead"): delivered rows are gone.
    public func deliveryStates() throws(StoreError) -> [String: Int] {
        var counts: [String: Int] = [:]
        try db.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state").query { counts[$0.text(0) ?? "?"] = $0.int(1) }
        return counts
    }
}
