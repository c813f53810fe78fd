import Foundation
import Model

/// What `feedwatch status` shows, read from the state while the daemon may be running.
public struct StatusReport: Sendable, Equatable {
    public struct FeedLine: Sendable, Equatable {
        public var id: String
        public var url: String
        public var polledAt: Date?
        public var nextPollAt: Date
        public var reason: String?
        public var failures: Int
        public var error: String?
        public var failingSince: Date?
        public var moved: Bool
        /// Items of the feed in the state (seen, within the retention), and alerts they fired.
        public var items = 0
        public var alerts = 0
    }

    public struct OutputLine: Sendable, Equatable {
        public var output: String
        public var pending: Int
        public var dead: Int
        public var oldestPending: Date?
    }

    public var feeds: [FeedLine] = []
    public var outputs: [OutputLine] = []
    /// Alerts waiting in groups of batching rules.
    public var held = 0
}

extension SQLiteStateStore {
    /// Opens `state.db` in `directory` to read only: no lock, no schema change, no write.
    public static func reading(directory: String) throws(StoreError) -> SQLiteStateStore {
        try SQLiteStateStore(directory: directory, readOnly: true)
    }

    /// Opens an existing `state.db` to change it beside a running daemon: of this schema
    /// version only, never created or upgraded here.
    public static func existing(directory: String) throws(StoreError) -> SQLiteStateStore {
        _ = try reading(directory: directory)  // there, and of this version
        return try SQLiteStateStore(directory: directory)
    }

    public func statusReport() throws(StoreError) -> StatusReport {
        var report = StatusReport()
        try db.prepare("""
            SELECT id, coalesce(moved_to, url), polled_at, next_poll_at, poll_reason, failures, last_error, failing_since,
                   moved_to IS NOT NULL, alerts_fired FROM feeds ORDER BY id
            """).query { row in
            let date = { (column: Int32) -> Date? in row.text(column) == nil ? nil : Date(timeIntervalSince1970: row.real(column)) }
            report.feeds.append(.init(id: row.text(0) ?? "", url: row.text(1) ?? "", polledAt: date(2),
                                      nextPollAt: Date(timeIntervalSince1970: row.real(3)), reason: row.text(4), failures: row.int(5),
                                      error: row.text(6), failingSince: date(7), moved: row.int(8) != 0, alerts: row.int(9)))
        }
        var items: [String: Int] = [:]
        try db.prepare("SELECT feed_id, COUNT(*) FROM seen_items GROUP BY feed_id").query { row in items[row.text(0) ?? ""] = row.int(1) }
        for index in report.feeds.indices { report.feeds[index].items = items[report.feeds[index].id] ?? 0 }
        var outputs: [String: StatusReport.OutputLine] = [:]
        try db.prepare("""
            SELECT o.output, o.state, COUNT(*), MIN(CASE WHEN o.state = 'pending' THEN a.fired_at END)
            FROM outbox o LEFT JOIN alerts a ON a.rowid = o.alert_row GROUP BY o.output, o.state
            """).query { row in
            let name = row.text(0) ?? ""
            var line = outputs[name] ?? .init(output: name, pending: 0, dead: 0, oldestPending: nil)
            if row.text(1) == "dead" { line.dead += row.int(2) } else { line.pending += row.int(2) }
            if row.text(3) != nil { line.oldestPending = Date(timeIntervalSince1970: row.real(3)) }
            outputs[name] = line
        }
        report.outputs = outputs.values.sorted { $0.output < $1.output }
        report.held = try heldAlerts()
        return report
    }
}

/// The figures the daemon's gauges show (`feedwatch_feeds`, `feedwatch_outbox_pending`,
/// `feedwatch_outbox_oldest_pending_seconds`): counts, never a row per feed.
public struct StoreGauges: Sendable, Equatable {
    /// Feeds by state: `ok`, `failing`, `gone` (parked: gone, or failing for long).
    public var feeds: [String: Int] = [:]
    /// Deliveries waiting, by output.
    public var pending: [String: Int] = [:]
    /// When the oldest waiting delivery's alert fired.
    public var oldestPendingFiredAt: Date?

    public init() {}
}

extension SQLiteStateStore {
    public func gauges() throws(StoreError) -> StoreGauges {
        var gauges = StoreGauges()
        // The same states as `status` (StatusText.state), parked ones as "gone".
        try db.prepare("""
            SELECT CASE WHEN failures = 0 THEN 'ok'
                        WHEN poll_reason LIKE 'gone%' OR poll_reason LIKE 'failing (%' THEN 'gone'
                        ELSE 'failing' END, COUNT(*) FROM feeds GROUP BY 1
            """).query { row in gauges.feeds[row.text(0) ?? "ok"] = row.int(1) }
        try db.prepare("SELECT output, COUNT(*) FROM outbox WHERE state = 'pending' GROUP BY output").query { row in
            gauges.pending[row.text(0) ?? ""] = row.int(1)
        }
        try db.prepare("""
            SELECT MIN(alerts.fired_at) FROM outbox JOIN alerts ON alerts.rowid = outbox.alert_row WHERE outbox.state = 'pending'
            """).query { row in
            if row.text(0) != nil { gauges.oldestPendingFiredAt = Date(timeIntervalSince1970: row.real(0)) }
        }
        return gauges
    }
}

extension SQLiteStateStore {
    public func nextDue() throws(StoreError) -> Date? {
        var due: Double?
        try db.prepare("""
            SELECT MIN(t) FROM (SELECT MIN(next_poll_at) AS t FROM feeds
                                UNION ALL SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending')
            """).query { row in if row.text(0) != nil { due = row.real(0) } }
        return due.map(Date.init(timeIntervalSince1970:))
    }
}
