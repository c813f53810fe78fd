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
        var rows = [["FEED", "STATE", "LAST POLL", "NEXT POLL", "WHY", "ERROR"]]
        for feed in report.feeds {
            let error = feed.error.map { error in feed.failingSince.map { "\(error) since \(Timestamp.rfc3339($0))" } ?? error } ?? ""
            rows.append([feed.id + (feed.moved ? " (moved)" : ""), state(of: feed), feed.polledAt.map(Timestamp.rfc3339) ?? "-",
                         Timestamp.rfc3339(feed.nextPollAt), feed.reason ?? "", error])
        }
        for feed in waiting { rows.append([feed.id, "new", "-", "-", "", ""]) }
        lines += aligned(rows)
        lines.append("")
        if report.outputs.isEmpty {
            lines.append("outbox: empty")
        } else {
            var outbox = [["OUTPUT", "PENDING", "DEAD", "OLDEST PENDING"]]
            for output in report.outputs {
                outbox.append([output.output, "\(output.pending)", "\(output.dead)", output.oldestPending.map(Timestamp.rfc3339) ?? "-"])
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

    private static func aligned(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
