import Foundation

/// The bounds every number that comes from outside (a server's header, a
/// feed's value, a receiver's answer, a configuration line) is held to.
/// README.md, "Bounds", lists them for users; change both together.
public enum Bounds {
    /// The longest a server may make feedwatch wait: a Retry-After, a back-off
    /// or a feed's own schedule never parks a feed or an alert for longer.
    public static let longestWait: TimeInterval = 86_400

    /// The longest duration a configuration may write (a hundred years, which
    /// a backfill uses to mean "everything"); longer is a config error.
    public static let longestDuration: TimeInterval = 36_500 * 86_400

    /// The dates a feed may carry: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z,
    /// what RFC 3339's four-digit year can write. A date outside is unreadable (nil).
    public static let epochSeconds: ClosedRange<Int64> = -62_135_596_800 ... 253_402_300_799

    /// The wait a server asked for, held to `0...longestWait`; NaN is no wait.
    public static func wait(_ seconds: TimeInterval) -> TimeInterval {
        guard seconds > 0 else { return 0 }
        return min(seconds, longestWait)
    }

    /// A date from seconds since 1970, or nil when the value is not finite or
    /// outside `epochSeconds`.
    public static func date(epochSeconds seconds: Double) -> Date? {
        guard seconds.isFinite, seconds >= Double(epochSeconds.lowerBound),
              seconds <= Double(epochSeconds.upperBound) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whole seconds since 1970, clamped into `epochSeconds` (NaN is 0): what a
    /// date stored or written as text becomes, whatever produced it.
    public static func epochSeconds(of date: Date) -> Int64 {
        Int64(saturating: date.timeIntervalSince1970.rounded(.down))
            .clamped(to: epochSeconds)
    }
}

extension Comparable {
    /// The value, moved into `range` when it lies outside.
    public func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
