import Foundation
import Outputs
import Model
import Rules
import Store

/// Judges the spike rules against the store's hourly counts after each poll's
/// items are recorded, opens and closes episodes, and builds one alert per
/// episode. The alert's id is a pure function of the rule and the hour its
/// episode began, so it is the same however often it is judged.
struct SpikeMonitor {
    let rules: [Rule]
    let watchByID: [String: WatchEntry]

    init(rules: [Rule], watch: [WatchEntry]) {
        self.rules = rules.filter { $0.spike != nil }
        watchByID = Dictionary(watch.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The alerts of episodes that start now; episodes that end are closed in the store.
    func check(_ store: any StateStore, now: Date) throws(StoreError) -> [Alert] {
        var alerts: [Alert] = []
        let hour = MentionHour.of(now)
        for rule in rules {
            guard let spike = rule.spike else { continue }
            let windowHours = Int(SpikeDetector.hours(spike.window)), baselineHours = Int(SpikeDetector.hours(spike.baseline))
            let windowStart = hour + 1 - windowHours
            let count = try store.mentionCount(watch: spike.watch, hours: windowStart..<(hour + 1))
            let baseline = try store.mentionCount(watch: spike.watch, hours: (windowStart - baselineHours)..<windowStart)
            let open = try store.spikeEpisode(rule: rule.id)
            switch SpikeDetector.verdict(windowCount: count, baselineCount: baseline, inEpisode: open != nil, spike) {
            case .quiet, .continues: continue
            case .ends: try store.setSpikeEpisode(rule: rule.id, since: nil)
            case .starts:
                try store.setSpikeEpisode(rule: rule.id, since: now)
                let since = Date(timeIntervalSince1970: Double(windowStart) * 3600)
                let top = try store.recentMentions(watch: spike.watch, since: since, limit: 5)
                let report = SpikeReport(watch: spike.watch, window: spike.window, count: count,
                                         expected: SpikeDetector.expected(baselineCount: baseline, spike), factor: spike.factor,
                                         since: since, top: top)
                alerts.append(alert(rule, report, episodeHour: hour, now: now))
            }
        }
        return alerts
    }

    /// Hourly counts are kept for the longest window and baseline of any spike rule and
    /// a day more (at least eight days); mentioning items for the longest window.
    func prune(_ store: any StateStore, now: Date) throws(StoreError) {
        let longest = rules.compactMap(\.spike).map { SpikeDetector.hours($0.window) + SpikeDetector.hours($0.baseline) }.max() ?? 0
        let countHours = max(Int(longest) + 24, 8 * 24)
        let window = rules.compactMap(\.spike).map { SpikeDetector.hours($0.window) }.max() ?? 0
        try store.pruneMentions(countsBefore: MentionHour.of(now) - countHours,
                                recentBefore: now.addingTimeInterval(-max(window + 1, 24) * 3600))
    }

    /// The most recent item stands for the episode as the alert's item.
    private func alert(_ rule: Rule, _ report: SpikeReport, episodeHour: Int, now: Date) -> Alert {
        let watch = watchByID[report.watch]
        let name = watch?.name ?? report.watch
        let key = "spike:\(rule.id):\(episodeHour)"
        let title = "\(name): \(report.count) items in \(Int(SpikeDetector.hours(report.window)))h, "
            + String(format: "%.1f expected", report.expected)
        let summary = report.top.compactMap(\.title).joined(separator: " · ")
        return Alert(id: AlertID.make(rule: rule.id, itemIdentity: key), rule: rule.id, severity: rule.severity, firedAt: now,
                     feed: .init(id: "feedwatch.spike", url: "feedwatch:spike", title: nil),
                     item: .init(id: key, title: title, link: report.top.first?.link, published: nil,
                                 summary: summary.isEmpty ? nil : summary),
                     matches: [WatchMatch(watch: report.watch, name: name, type: watch?.kind.rawValue ?? "", mentions: [])],
                     entities: [], spike: report)
    }
}
