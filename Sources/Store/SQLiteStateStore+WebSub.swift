import Foundation
import Model

extension SQLiteStateStore {
    public func webSubSubscriptions() throws(StoreError) -> [WebSubSubscription] {
        var subscriptions: [WebSubSubscription] = []
        try db.prepare("""
            SELECT feed_id, hub, topic, token, secret, state, requested_at, lease_until, renew_at FROM websub ORDER BY feed_id
            """).query { row in
            subscriptions.append(WebSubSubscription(
                feedID: row.text(0) ?? "", hub: row.text(1) ?? "", topic: row.text(2) ?? "", token: row.text(3) ?? "",
                secret: row.text(4) ?? "", state: WebSubSubscription.State(rawValue: row.text(5) ?? "") ?? .requested,
                requestedAt: Date(timeIntervalSince1970: row.real(6)),
                leaseUntil: row.text(7) == nil ? nil : Date(timeIntervalSince1970: row.real(7)),
                renewAt: row.text(8) == nil ? nil : Date(timeIntervalSince1970: row.real(8))))
        }
        return subscriptions
    }

    /// Writes a feed's subscription, replacing the one it had.
    public func saveWebSub(_ subscription: WebSubSubscription) throws(StoreError) {
        try db.prepare("""
            INSERT OR REPLACE INTO websub(feed_id, hub, topic, token, secret, state, requested_at, lease_until, renew_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(.text(subscription.feedID), .text(subscription.hub), .text(subscription.topic), .text(subscription.token),
                     .text(subscription.secret), .text(subscription.state.rawValue), .real(subscription.requestedAt.timeIntervalSince1970),
                     subscription.leaseUntil.map { SQLiteValue.real($0.timeIntervalSince1970) } ?? .text(nil),
                     subscription.renewAt.map { SQLiteValue.real($0.timeIntervalSince1970) } ?? .text(nil))
    }

    public func removeWebSub(feedID: String) throws(StoreError) {
        try db.prepare("DELETE FROM websub WHERE feed_id = ?").run(.text(feedID))
    }
}
