import Foundation

/// What a poll learnt about when the feed is worth polling again: the server's freshness
/// (Cache-Control max-age, Expires), a Retry-After on any answer, the feed's own
/// `<ttl>` or `sy:updatePeriod`, and when its items were published.
struct PollHints: Sendable, Equatable {
    var maxAge: TimeInterval?
    var retryAfter: TimeInterval?
    var ttl: TimeInterval?
    /// The publication dates of the items the feed lists (for the adaptive rhythm).
    var itemDates: [Date] = []
    /// A WebSub hub pushes the feed: polls are only a safety net, at `maxInterval`.
    var pushed = false
}

extension PollSchedule {
    /// After a good poll: the interval, stretched (never shortened) by the hints, held to
    /// `[interval, maxInterval]`, then spread by `jitter`. The reason says which hint won.
    /// - Adaptive (`adaptive`): a feed whose newest item is older than a week is polled at
    ///   `maxInterval`; one that published n items in the last week, every 7 days / n; one
    ///   whose newest item is younger than the interval may be in a burst, so the interval.
    static func next(interval: TimeInterval, maxInterval: TimeInterval, hints: PollHints, adaptive: Bool, jitter: Double,
                     now: Date, random: Double = Double.random(in: -1...1)) -> (at: Date, reason: String) {
        var wait = interval
        var reason = "the interval"
        func stretch(_ seconds: TimeInterval?, _ why: String) {
            guard let seconds, seconds.isFinite, seconds > wait else { return }
            wait = seconds
            reason = why
        }
        stretch(hints.maxAge, "Cache-Control or Expires")
        stretch(hints.ttl, "the feed's ttl or sy:updatePeriod")
        if adaptive, let rhythm = rhythm(hints.itemDates, interval: interval, maxInterval: maxInterval, now: now) {
            stretch(rhythm.wait, rhythm.reason)
        }
        stretch(hints.retryAfter, "Retry-After")
        if hints.pushed { stretch(maxInterval, "WebSub pushes it; polled at maxInterval as a safety net") }
        let ceiling = max(interval, maxInterval)
        if wait > ceiling {
            wait = ceiling
            reason += ", held to maxInterval"
        }
        return (now.addingTimeInterval(wait * (1 + jitter * random)), reason)
    }

    /// How often the feed publishes, from its items' dates; nil when it says nothing.
    static func rhythm(_ dates: [Date], interval: TimeInterval, maxInterval: TimeInterval,
                       now: Date) -> (wait: TimeInterval, reason: String)? {
        let past = dates.filter { $0 <= now.addingTimeInterval(300) }
        guard let newest = past.max() else { return nil }
        let age = now.timeIntervalSince(newest)
        if age < interval { return nil }  // a burst may be under way
        let week: TimeInterval = 7 * 86_400
        if age > week { return (maxInterval, "no new item for a week") }
        let recent = past.filter { now.timeIntervalSince($0) <= week }.count
        return (week / Double(max(recent, 1)), "publishes \(recent) item\(recent == 1 ? "" : "s") a week")
    }
}
