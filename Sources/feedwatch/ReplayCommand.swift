import ArgumentParser
import Daemon
import Foundation
import Model
import Store

/// `feedwatch replay`: the current rules over the items of the last DURATION.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the current rules over the items kept in the state (settings.keepItems): what would fire, and why.",
        discussion: """
            A dry run unless --deliver. With --deliver, the alerts that never fired are queued, still one per \
            (rule, item); a running daemon sends them at once, else the next `feedwatch run`.
            """)

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateDirOption
    @Option(help: "How far back: 90m, 24h, 7d.") var since: String
    @Option(help: "Only this rule.") var rule: String?
    @Flag(help: "Queue the alerts that never fired.") var deliver = false
    @Flag(help: "One JSON object per alert: {\"firedBefore\": bool, \"alert\": {...}}.") var json = false

    func validate() throws {
        guard let seconds = DurationText.seconds(since), seconds > 0 else {
            throw ValidationError("--since: expected a duration, like 24h or 7d")
        }
        _ = seconds
    }

    func run() throws {
        let configuration = try config.load()
        if let rule, !configuration.rules.contains(where: { $0.id == rule }) {
            throw ValidationError("--rule: no rule \"\(rule)\" in \(configuration.path)")
        }
        let now = Date()
        let start = now.addingTimeInterval(-(DurationText.seconds(since) ?? 0))
        let store = try Deliveries.open(state, write: deliver)
        let report = try Replay.run(configuration: configuration, store: store, since: start, rule: rule, now: now)
        for finding in report.findings {
            print(json ? Self.json(finding) : Self.text(finding))
        }
        let fresh = report.findings.filter { !$0.firedBefore }.count
        var summary = "\(report.items) items since \(Timestamp.rfc3339(start)); \(fresh) alerts never fired"
            + ", \(report.findings.count - fresh) fired before"
        if deliver {
            let queued = try Replay.deliver(report, configuration: configuration, store: store, now: now)
            summary += "; \(queued) queued for delivery"
        } else if fresh > 0 {
            summary += " (a dry run: --deliver queues them)"
        }
        StandardError.write(summary)
    }

    static func text(_ finding: Replay.Finding) -> String {
        let alert = finding.alert
        var lines = ["\(finding.firedBefore ? "fired before" : "would fire")  \(alert.rule)  \(alert.feed.id)  "
            + "\(alert.item.published.map(Timestamp.rfc3339) ?? "-")  \(alert.item.title ?? "(no title)")  \(alert.item.link ?? "")"]
        for match in alert.matches {
            let said = match.mentions.prefix(3).map { "\u{201C}\($0.text)\u{201D} in \($0.field.rawValue)" }.joined(separator: ", ")
            lines.append("    \(match.name) (\(match.type)): \(said)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ finding: Replay.Finding) -> String {
        var out = JSONWriter()
        out.object { out in
            out.key("firedBefore"); out.bool(finding.firedBefore)
            out.key("alert"); out.raw(Array(finding.alert.jsonText.utf8))
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
