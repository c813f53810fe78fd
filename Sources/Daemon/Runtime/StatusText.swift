import Foundation
import Model
import Store

/// `feedwatch status` as tables or as one JSON object.
public enum StatusText {
    /// ok: answering; failing: the last polls failed; parked: gone (410) or failing for long,
    /// polled once a day; new: in feeds.json, not polled yet.
    static func state(of feed: StatusReport.FeedLine) -> String {
        if feed.failures == 0 { return feed.polledAt == nil ? "new" : "ok" }
        if let reason = feed.reason, reason.hasPrefix("gone") || reason.hasPrefix("failing (") { return "parked" }
        return "failing"
    }

    public static func table(_ report: StatusReport, waiting: [(id: String, url: String)]) -> [String] {
        let counts = Dictionary(grouping: report.feeds, by: state(of:)).mapValues(\.count)
        var parts: [String] = []
        for name in ["ok", "failing", "parked", "new"] {
            if let count = counts[name] { parts.append("\(count) \(name)") }
        }
        if !waiting.isEmpty { parts.append("\(waiting.count) not taken up yet") }
        var lines = ["feeds: \(report.feeds.count + waiting.count) (" + parts.joined(separator: ", ") + ")"]
        var rows = [["FEED", "STATE", "LAST POLL", "NEXT POLL", "ITEMS", "ALERTS", "WHY, OR THE ERROR AND SINCE WHEN"]]
        // The feeds that need a look first: failing, then parked, then new, then the rest; each by id.
        let order = ["failing": 0, "parked": 1, "new": 2, "ok": 3]
        var feeds: [(rank: Int, id: String, row: [String])] = report.feeds.map { feed in
            let error = feed.error.map(readable).map { error in feed.failingSince.map { "\(error), since \(short($0))" } ?? error }
            return (order[state(of: feed)] ?? 4, feed.id,
                    [cut(feed.id + (feed.moved ? " (moved)" : ""), 24), state(of: feed), feed.polledAt.map(short) ?? "-",
                     short(feed.nextPollAt), "\(feed.items)", "\(feed.alerts)", error ?? feed.reason ?? ""])
        }
        feeds += waiting.map { (2, $0.id, [cut($0.id, 24), "new", "-", "-", "0", "0", "in feeds.json, not taken up yet"]) }
        rows += feeds.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.map(\.row)
        lines += aligned(rows)
        lines.append("")
        if report.outputs.isEmpty {
            lines.append("outbox: empty")
        } else {
            var outbox = [["OUTPUT", "PENDING", "DEAD", "OLDEST PENDING"]]
            for output in report.outputs {
                outbox.append([cut(output.output, 40), "\(output.pending)", "\(output.dead)", output.oldestPending.map(short) ?? "-"])
            }
            lines += aligned(outbox)
        }
        lines.append("held in groups: \(report.held)")
        return lines
    }

    public static func json(_ report: StatusReport, waiting: [(id: String, url: String)]) -> String {
        var out = JSONWriter()
        out.object { out in
            out.key("feeds"); out.array { out in
                for feed in report.feeds {
                    out.element { out in
                        out.object { out in
                            out.key("id"); out.string(feed.id)
                            out.key("url"); out.string(feed.url)
                            out.key("state"); out.string(state(of: feed))
                            out.key("lastPoll"); out.date(feed.polledAt)
                            out.key("nextPoll"); out.date(feed.nextPollAt)
                            out.key("reason"); out.string(feed.reason)
                            out.key("failures"); out.int(feed.failures)
                            out.key("error"); out.string(feed.error)
                            out.key("failingSince"); out.date(feed.failingSince)
                            out.key("moved"); out.bool(feed.moved)
                            out.key("items"); out.int(feed.items)
                            out.key("alerts"); out.int(feed.alerts)
                        }
                    }
                }
                for feed in waiting {
                    out.element { out in
                        out.object { out in
                            out.key("id"); out.string(feed.id)
                            out.key("url"); out.string(feed.url)
                            out.key("state"); out.string("new")
                        }
                    }
                }
            }
            out.key("outbox"); out.array(report.outputs) { out, output in
                out.object { out in
                    out.key("output"); out.string(output.output)
                    out.key("pending"); out.int(output.pending)
                    out.key("dead"); out.int(output.dead)
                    out.key("oldestPending"); out.date(output.oldestPending)
                }
            }
            out.key("held"); out.int(report.held)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A failure's kind as the table says it ("curl-7" is "cannot connect (curl 7)").
    static func readable(_ kind: String) -> String {
        let curl: [String: String] = ["6": "cannot resolve the host", "7": "cannot connect", "28": "timed out", "35": "TLS handshake failed",
                                      "37": "cannot read the file", "52": "empty answer", "56": "connection reset",
                                      "60": "certificate not trusted"]
        if kind.hasPrefix("curl-") {
            let code = String(kind.dropFirst(5))
            return curl[code].map { "\($0) (curl \(code))" } ?? "transfer failed (curl \(code))"
        }
        if kind.hasPrefix("http-") { return "HTTP " + kind.dropFirst(5) }
        switch kind {
        case "not-a-feed": return "not a feed"
        case "too-large": return "larger than maxFeedBytes"
        case "redirects": return "too many redirects"
        default: return kind
        }
    }

    /// The table is read in a terminal: at most `width` columns, the last cell cut to fit.
    static let width = 100

    /// "12-08 14:05" (UTC): a time in the table, short enough for five columns beside it.
    static func short(_ date: Date) -> String {
        let utf8 = Array(Timestamp.rfc3339(date).utf8)  // 2026-12-08T14:05:00Z
        guard utf8.count >= 16 else { return Timestamp.rfc3339(date) }
        return String(decoding: utf8[5..<10], as: UTF8.self) + " " + String(decoding: utf8[11..<16], as: UTF8.self)
    }

    private static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "\u{2026}"
    }

    private static func aligned(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let line = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            return cut(line, width)
        }
    }
}
