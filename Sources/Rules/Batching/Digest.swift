import Foundation
import Model

/// The one notification a group's held alerts go out in (CONTRACT.md, "Alerts and
/// notifications"): `{"id", "kind": "digest", "rule", "from", "to", "alerts": [alert, …]}`,
/// plus `mode` (group, cooldown or digest) and `count`. The same object is a file line,
/// a stdout JSON line and a webhook body; chat and e-mail outputs render it as one message.
public struct Digest: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var id: String
        /// The alert's JSON text, as it was queued.
        public var json: String
        /// Its readable line, when one was kept.
        public var line: String

        public init(id: String, json: String, line: String) {
            self.id = id
            self.json = json
            self.line = line
        }
    }

    public var rule: String
    public var mode: String
    public var group: String
    public var from: Date
    public var to: Date
    public var alerts: [Member]

    public init(rule: String, mode: String, group: String, from: Date, to: Date, alerts: [Member]) {
        self.rule = rule
        self.mode = mode
        self.group = group
        self.from = from
        self.to = to
        self.alerts = alerts
    }

    /// What the digest's id is made from with its rule: its group and the ids of the
    /// alerts in it. A pure function of them, so a retry or a second machine reaches the
    /// same id, and no two digests of one rule share one.
    public var identity: String {
        "digest\n\(group)\n" + alerts.map(\.id).joined(separator: "\n")
    }

    public func json(id: String) -> String {
        var out = JSONWriter(capacity: 256 + alerts.reduce(0) { $0 + $1.json.utf8.count + 1 })
        out.object { out in
            out.key("id"); out.string(id)
            out.key("kind"); out.string("digest")
            out.key("mode"); out.string(mode)
            out.key("rule"); out.string(rule)
            out.key("from"); out.date(from)
            out.key("to"); out.date(to)
            out.key("count"); out.int(alerts.count)
            out.key("alerts"); out.array(alerts.filter { !$0.json.isEmpty }) { out, alert in out.raw(Array(alert.json.utf8)) }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// For a terminal: a heading line, then each alert's own line indented.
    public var readableLines: String {
        let heading = "\(Timestamp.rfc3339(to)) \(rule): \(alerts.count) alert\(alerts.count == 1 ? "" : "s") "
            + "from \(Timestamp.rfc3339(from)) (\(mode))"
        return ([heading] + alerts.map(\.line).filter { !$0.isEmpty }.map { "  " + $0 }).joined(separator: "\n")
    }
}
