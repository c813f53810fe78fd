import Foundation

/// `{"spike": {"watch": ID, "window": "1h", "baseline": "7d", "factor": 3, "min": 10}}`:
/// the items mentioning a watch across all feeds in the last `window` exceed
/// `factor` times what the `baseline` before it leads one to expect, and are at least `min`.
public struct SpikeCondition: Sendable, Equatable {
    public var watch: String
    /// Whole hours: counts are kept per hour.
    public var window: TimeInterval
    public var baseline: TimeInterval
    public var factor: Double
    public var min: Int

    public init(watch: String, window: TimeInterval = 3600, baseline: TimeInterval = 7 * 86400, factor: Double = 3, min: Int = 10) {
        self.watch = watch
        self.window = window
        self.baseline = baseline
        self.factor = factor
        self.min = min
    }
}

/// What a spike alert says beyond an ordinary alert: the window's count, the
/// baseline it was measured against and the items that made it.
public struct SpikeReport: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var feed: String
        public var title: String?
        public var link: String?
        public init(feed: String, title: String?, link: String?) {
            self.feed = feed
            self.title = title
            self.link = link
        }
    }

    public var watch: String
    public var window: TimeInterval
    public var count: Int
    /// Items expected in a window of that length, from the baseline.
    public var expected: Double
    public var factor: Double
    public var since: Date
    public var top: [Item]

    public init(watch: String, window: TimeInterval, count: Int, expected: Double, factor: Double, since: Date, top: [Item]) {
        self.watch = watch
        self.window = window
        self.count = count
        self.expected = expected
        self.factor = factor
        self.since = since
        self.top = top
    }
}
