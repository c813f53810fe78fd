import Foundation
import Model

/// The alerts an item's firing rules make. Each is the item's common part (feed, item,
/// entities, provenance, story) with the rule's own: its id, severity, and the watches
/// it names that the item mentions, each with its mentions. Pure.
public struct AlertAssembly: Sendable {
    private let watchByID: [String: WatchEntry]

    public init(watch: [WatchEntry]) {
        watchByID = Dictionary(watch.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `common`: the item's alert without a rule (its `id`, `rule`, `severity` and `matches`
    /// are set here); `id`: an alert's id for a rule (a pure function of rule and item).
    public func alerts(firing rules: [Rule], mentions: [String: [Mention]], common: Alert, id: (Rule) -> String) -> [Alert] {
        let present = Set(mentions.keys)
        return rules.map { rule in
            var alert = common
            alert.id = id(rule)
            alert.rule = rule.id
            alert.severity = rule.severity
            alert.matches = rule.when.positiveWatches.intersection(present).sorted().compactMap { watchID in
                watchByID[watchID].map { WatchMatch(watch: watchID, name: $0.name, type: $0.kind.rawValue, mentions: mentions[watchID] ?? []) }
            }
            return alert
        }
    }
}
