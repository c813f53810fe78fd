import Foundation
import Logging
import Model
import Outputs
import Store

/// Alerts about feedwatch itself (`settings.selfAlerts` names their outputs): a feed failing
/// for `settings.failingAfter`, its recovery, an output whose endpoint is gone. Each is an
/// ordinary alert, with rule `feedwatch.feed-failing`, `feedwatch.feed-recovered` or
/// `feedwatch.output-dead`, whose item describes the feed or output; its id is a pure
/// function of what it reports and when that began, so one episode alerts once.
extension Daemon {
    static let feedFailingRule = "feedwatch.feed-failing"
    static let feedRecoveredRule = "feedwatch.feed-recovered"
    static let outputDeadRule = "feedwatch.output-dead"

    /// After a failed poll: the feed has failed since `since` for at least `failingAfter`.
    func selfAlertFailing(_ state: FeedState, error: String) throws(StoreError) {
        guard let since = state.failingSince, clock().timeIntervalSince(since) >= configuration.settings.failingAfter else { return }
        let title = "Feed \(state.id) failing since \(Timestamp.rfc3339(since)): \(error)"
        try selfAlert(rule: Self.feedFailingRule, key: "feed:\(state.id):\(Int(since.timeIntervalSince1970))", title: title,
                      link: state.url, feed: state, outputs: configuration.settings.selfAlerts)
    }

    /// After a good poll of a feed that had failed long enough to be reported.
    func selfAlertRecovered(_ state: FeedState) throws(StoreError) {
        guard let since = state.failingSince, clock().timeIntervalSince(since) >= configuration.settings.failingAfter else { return }
        let title = "Feed \(state.id) answers again (failing since \(Timestamp.rfc3339(since)))"
        try selfAlert(rule: Self.feedRecoveredRule, key: "feed:\(state.id):\(Int(since.timeIntervalSince1970))", title: title,
                      link: state.url, feed: state, outputs: configuration.settings.selfAlerts)
    }

    /// An output's endpoint is gone; told to every self-alert output but that one.
    func selfAlertOutputDead(_ output: String, reason: String) throws(StoreError) {
        let now = clock()
        try selfAlert(rule: Self.outputDeadRule, key: "output:\(output):\(Int(now.timeIntervalSince1970))",
                      title: "Output \(output) is dead: \(reason)", link: nil, feed: nil,
                      outputs: configuration.settings.selfAlerts.filter { $0 != output })
    }

    private func selfAlert(rule: String, key: String, title: String, link: String?, feed: FeedState?, outputs: [String]) throws(StoreError) {
        guard !outputs.isEmpty else { return }
        let now = clock()
        let alert = Alert(id: AlertID.make(rule: rule, itemIdentity: key), rule: rule, severity: "warning", firedAt: now,
                          feed: .init(id: feed?.id ?? "feedwatch", url: feed?.url ?? "feedwatch:self", title: nil),
                          item: .init(id: key, title: title, link: link, published: nil, summary: nil), matches: [], entities: [])
        let line = configuration.printsReadableLines(outputs) ? alert.readableLine : ""
        let queued = QueuedAlert(id: alert.id, rule: rule, identity: key, link: nil, payload: alert.jsonText, line: line, outputs: outputs)
        let fired = try store.record([ItemRecord(feedID: "feedwatch", itemKey: key, alerts: [queued])], listings: [], now: now,
                                     inline: inlineDelivery)
        if !fired.isEmpty {
            metrics.fired(rule: rule)
            logger.info("self-alert fired", metadata: ["alert.id": "\(alert.id)", "alert.rule": "\(rule)"])
        }
    }
}
