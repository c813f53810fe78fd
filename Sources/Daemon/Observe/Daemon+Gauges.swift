import Foundation
import Store

extension Daemon {
    /// How often the gauges (feeds by state, the outbox) are read from the store.
    static let gaugeRefresh: TimeInterval = 5

    /// Reads the counts behind the gauges, at most every `gaugeRefresh`: a few
    /// aggregate queries, so a scrape sees figures at most that old.
    func refreshGaugesIfDue() throws(StoreError) {
        let now = clock()
        guard now.timeIntervalSince(lastGaugeRefresh) >= Self.gaugeRefresh || now < lastGaugeRefresh else { return }
        lastGaugeRefresh = now
        metrics.show(try store.gauges(), now: now)
    }
}
