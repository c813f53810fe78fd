import Foundation
import Model

/// The alerts an item's firing rules make. Each is the item's common part (feed, item,
/// entities, provenance, story) with the rule's own: its id, severity, and the watches
/// it names that the item mentions, each with its mentions. Pure.
public struct AlertAssembly: Sendable {
    private let watchByID: [String: WatchEntry]
    /// Per rule id, the watches that count in its favour, in order (worked out once, not per alert).
    private let positive: [String: [String]]

    public init(watch: [WatchEntry], rules: [Rule] = []) {
        watchByID = Dictionary(watch.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positive = Dictionary(rules.map { ($0.id, $0.when.positiveWatches.sorted()) }, uniquingKeysWith: { first, _ in first })
    }

    /// `common`: the item's alert without a rule (its `id`, `rule`, `severity` and `matches`
    /// are set here); `id`: an alert's id for a rule (a pure function of rule and item).
    public func alerts(firing rules: [Rule], mentions: [String: [Mention]], common: Alert, id: (Rule) -> String) -> [Alert] {
        rules.map { rule in
            var alert = common
            alert.id = id(rule)
            alert.rule = rule.id
            alert.severity = rule.severity
            let watches = positive[rule.id] ?? rule.when.positiveWatches.sorted()
            alert.matches = watches.compactMap { watchID in
                guard let found = mentions[watchID], let watch = watchByID[watchID] else { return nil }
                return WatchMatch(watch: watchID, name: watch.name, type: watch.kind.rawValue, mentions: found)
            }
            return alert
        }
    }
}
