import Foundation

/// How a rule's alerts go out (CONTRACT.md, "Rules"): each at once, or gathered into
/// notifications of the shape `{"id", "kind": "digest", "rule", "from", "to", "alerts"}`.
public enum Batching: Sendable, Equatable {
    /// Each alert on its own, the moment it fires.
    case each
    /// Alertmanager's grouping: the first alerts of a new group wait `wait`, then go out
    /// as one notification; later alerts of the group go out at most once per `interval`.
    case group(by: [GroupField], wait: TimeInterval, interval: TimeInterval)
    /// Per rule and watch: the first alert goes out at once; the rest of the window is
    /// folded into one notification at its end.
    case cooldown(TimeInterval)
    /// Everything the rule fired, sent as one notification at set times (`DigestTimes`).
    case digest(DigestTimes)

    /// The name written in a notification's `mode`.
    public var mode: String {
        switch self {
        case .each: "each"
        case .group: "group"
        case .cooldown: "cooldown"
        case .digest: "digest"
        }
    }
}

/// What alerts of a grouped rule are grouped by.
public enum GroupField: String, Sendable, Equatable, CaseIterable {
    case rule, watch, feed
}

/// When a digest goes out: every `every`, at `minute` minutes past local midnight, in
/// `timeZone` (an IANA name); a weekly digest may name its weekday.
public struct DigestTimes: Sendable, Equatable {
    public var every: TimeInterval
    /// Minutes after local midnight, 0..<1440.
    public var minute: Int
    public var timeZone: String
    /// 1 = Sunday … 7 = Saturday, as Foundation's Calendar counts; only for `every` = 7 days.
    public var weekday: Int?

    public init(every: TimeInterval, minute: Int = 0, timeZone: String = "UTC", weekday: Int? = nil) {
        self.every = every
        self.minute = minute
        self.timeZone = timeZone
        self.weekday = weekday
    }
}

/// Where one group of a batching rule stands, as the store keeps it between polls and
/// across restarts.
public struct GroupState: Sendable, Equatable {
    public var rule: String
    public var key: String
    /// When the alerts held for it go out; nil while none is held.
    public var dueAt: Date?
    /// Where the next notification's window starts (its `from`).
    public var since: Date
    /// Grouping: no notification before this (the last one plus `interval`).
    /// Cooldown: the end of the current window.
    public var quietUntil: Date?

    public init(rule: String, key: String, dueAt: Date?, since: Date, quietUntil: Date? = nil) {
        self.rule = rule
        self.key = key
        self.dueAt = dueAt
        self.since = since
        self.quietUntil = quietUntil
    }
}
