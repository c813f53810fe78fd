import CoreMetrics
import Foundation
import Fetch
import Store

/// The daemon's series (README, "Operating feedwatch"), through swift-metrics; the
/// executable's factory turns them into Prometheus text. No label names a feed: at
/// 10,000 feeds that would be 10,000 series. Per-feed detail is `feedwatch status`'s.
/// Labels are bounded by the configuration (rules, outputs) or fixed here.
/// Confined to the daemon's loop, like the rest of its state; the metric objects are Sendable.
struct DaemonMetrics {
    enum PollOutcome: String, CaseIterable { case fetched, notModified = "not_modified", failed }
    enum ItemKind: String, CaseIterable { case new, seen, backfill }
    enum DeliveryResult: String, CaseIterable { case delivered, retried, dead }
    static let feedStates = ["ok", "failing", "gone"]

    let factory: any MetricsFactory
    let fetchDuration: CoreMetrics.Timer
    private let polls: [PollOutcome: Counter]
    private let items: [ItemKind: Counter]
    private let oldestPending: Gauge
    private let feeds: [String: Gauge]
    private var alertsFired: [String: Counter] = [:]
    private var deliveries: [String: [DeliveryResult: Counter]] = [:]
    private var outboxPending: [String: Gauge] = [:]

    init(factory: any MetricsFactory) {
        self.factory = factory
        fetchDuration = Timer(label: "feedwatch_fetch_duration_seconds", factory: factory)
        polls = Dictionary(uniqueKeysWithValues: PollOutcome.allCases.map {
            ($0, Counter(label: "feedwatch_polls_total", dimensions: [("outcome", $0.rawValue)], factory: factory))
        })
        items = Dictionary(uniqueKeysWithValues: ItemKind.allCases.map {
            ($0, Counter(label: "feedwatch_items_total", dimensions: [("kind", $0.rawValue)], factory: factory))
        })
        oldestPending = Gauge(label: "feedwatch_outbox_oldest_pending_seconds", factory: factory)
        feeds = Dictionary(uniqueKeysWithValues: Self.feedStates.map {
            ($0, Gauge(label: "feedwatch_feeds", dimensions: [("state", $0)], factory: factory))
        })
        Gauge(label: "feedwatch_build_info", dimensions: [("version", FetchEngine.version)], factory: factory).record(1)
    }

    func polled(_ outcome: PollOutcome) { polls[outcome]?.increment() }

    func items(_ kind: ItemKind, _ count: Int) {
        if count > 0 { items[kind]?.increment(by: count) }
    }

    /// Every rule and output of the configuration, at zero, so that a scrape shows them before
    /// their first event (Prometheus' `rate` and `absent` read a missing series as nothing).
    mutating func declare(rules: [String], outputs: [String]) {
        for rule in rules { _ = alertFiredCounter(rule) }
        for output in outputs {
            for result in DeliveryResult.allCases { _ = deliveryCounter(output, result) }
            _ = pendingGauge(output)
        }
    }

    mutating func fired(rule: String) { alertFiredCounter(rule).increment() }

    mutating func delivered(_ output: String, _ result: DeliveryResult, count: Int = 1) {
        if count > 0 { deliveryCounter(output, result).increment(by: count) }
    }

    /// The gauges read from the store: every known output and state is set, to 0 when absent.
    mutating func show(_ gauges: StoreGauges, now: Date) {
        for state in Self.feedStates { feeds[state]?.record(gauges.feeds[state] ?? 0) }
        for output in Set(outboxPending.keys).union(gauges.pending.keys) { pendingGauge(output).record(gauges.pending[output] ?? 0) }
        oldestPending.record(gauges.oldestPendingFiredAt.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    /// A counter for deliveries of one output, for code that runs away from the loop (inline writes).
    mutating func deliveryCounter(_ output: String, _ result: DeliveryResult) -> Counter {
        if let counter = deliveries[output]?[result] { return counter }
        let counter = Counter(label: "feedwatch_deliveries_total", dimensions: [("output", output), ("result", result.rawValue)],
                              factory: factory)
        deliveries[output, default: [:]][result] = counter
        return counter
    }

    private mutating func alertFiredCounter(_ rule: String) -> Counter {
        if let counter = alertsFired[rule] { return counter }
        let counter = Counter(label: "feedwatch_alerts_fired_total", dimensions: [("rule", rule)], factory: factory)
        alertsFired[rule] = counter
        return counter
    }

    private mutating func pendingGauge(_ output: String) -> Gauge {
        if let gauge = outboxPending[output] { return gauge }
        let gauge = Gauge(label: "feedwatch_outbox_pending", dimensions: [("output", output)], factory: factory)
        outboxPending[output] = gauge
        return gauge
    }
}
