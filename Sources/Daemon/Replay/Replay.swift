import Foundation
import Model
import Store

/// `feedwatch replay`: the current rules over the items kept in the state
/// (`settings.keepItems`). A dry run says what would fire and why, and whether it
/// fired already; `deliver` queues the alerts that never fired, still one per
/// (rule, item), for the daemon to send. Rules are pure, so a replay decides exactly
/// what the daemon would have decided on those items with these rules.
public enum Replay {
    public struct Finding: Sendable {
        public var alert: Alert
        public var decision: ItemDecision
        public var firedBefore: Bool
    }

    public struct Report: Sendable {
        public var items = 0
        public var findings: [Finding] = []
    }

    /// Reads the items kept since `since` and decides them with the rules (all, or `rule` alone).
    public static func run(configuration: Configuration, store: SQLiteStateStore, since: Date, rule: String?,
                           now: Date) throws(StoreError) -> Report {
        let rules = configuration.rules.filter { rule == nil || $0.id == rule }
        let analyzer = ItemAnalyzer(watch: configuration.watch, rules: rules, storyText: false)
        let feeds = Dictionary(configuration.feeds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var report = Report()
        var decided: [ItemDecision] = []
        try store.forEachKeptItem(since: since) { kept in
            guard let entry = Entry(kept: kept.entry) else { return }
            report.items += 1
            let source = feeds[kept.feedID]
            let decision = analyzer.decide(entry, feedID: kept.feedID, feedURL: source?.url ?? "feed:\(kept.feedID)",
                                           feedTitle: kept.feedTitle, now: now, tags: Set(source?.tags ?? []))
            if !decision.alerts.isEmpty { decided.append(decision) }
        }
        for decision in decided {
            for alert in decision.alerts {
                let fired = try store.hasFired(rule: alert.rule, identity: decision.identity, link: alert.item.link)
                report.findings.append(Finding(alert: alert, decision: decision, firedBefore: fired))
            }
        }
        return report
    }

    /// Queues the alerts of `report` that never fired; returns how many were new. The
    /// store's uniqueness by (rule, item) holds here as in the daemon, so a replay run
    /// twice, or beside the daemon, never queues an alert twice.
    public static func deliver(_ report: Report, configuration: Configuration, store: SQLiteStateStore,
                               now: Date) throws(StoreError) -> Int {
        var records: [ItemRecord] = []
        for finding in report.findings where !finding.firedBefore {
            var decision = finding.decision
            decision.alerts = [finding.alert]
            guard var record = Daemon.records([decision], feedID: finding.alert.feed.id, feedTitle: finding.alert.feed.title,
                                              configuration: configuration).first else { continue }
            // The item was counted and kept when it was first seen.
            (record.mentions, record.listedMentions, record.keptEntry) = ([], [], nil)
            records.append(record)
        }
        guard !records.isEmpty else { return 0 }
        return try store.record(records, listings: [], now: now, inline: nil, admission: nil).count
    }
}
