import Foundation

/// How long a feed says it stays fresh (RSS 2.0 `<ttl>`, minutes; the RSS 1.0
/// syndication module's `sy:updatePeriod` divided by `sy:updateFrequency`). Values
/// that are not whole positive numbers are ignored; the longest declared lifetime wins,
/// and the scheduler holds it within `[interval, maxInterval]` anyway.
struct Freshness {
    var ttlMinutes: Int?
    var period: TimeInterval?
    var frequency: Int?

    static let periods: [String: TimeInterval] = [
        "hourly": 3600, "daily": 86_400, "weekly": 7 * 86_400, "monthly": 30 * 86_400, "yearly": 365 * 86_400,
    ]

    /// At most 30 days: beyond, a feed is polled at `maxInterval` anyway.
    static let longest: TimeInterval = 30 * 86_400

    var lifetime: TimeInterval? {
        let ttl = ttlMinutes.flatMap { $0 > 0 ? min(TimeInterval($0) * 60, Self.longest) : nil }
        // sy:updateFrequency defaults to 1 (RSS 1.0 syndication module).
        let declared = period.map { $0 / TimeInterval(max(1, min(frequency ?? 1, 1_000_000))) }
        switch (ttl, declared) {
        case let (a?, b?): return max(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }
}
