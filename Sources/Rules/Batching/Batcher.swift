import Foundation
import Model

/// The decisions of batching rules (`Batching`), pure: given a group's state and the
/// time, whether a new alert goes out now or is held, and when held alerts go out.
/// The store keeps the state and applies the decisions inside its transactions.
public enum Batcher {
    /// The group an alert of `rule` joins: the rule with the watches it matched and its
    /// feed, as the rule's batching asks. A digest gathers the whole rule; a cooldown
    /// runs per rule and watch.
    public static func groupKey(_ batching: Batching, watches: [String], feedID: String) -> String? {
        switch batching {
        case .each: return nil
        case .digest: return ""
        case .cooldown: return "watch=" + watches.sorted().joined(separator: "+")
        case let .group(by, _, _):
            return by.compactMap { field -> String? in
                switch field {
                case .rule: nil  // every group is the rule's already
                case .watch: "watch=" + watches.sorted().joined(separator: "+")
                case .feed: "feed=" + feedID
                }
            }.joined(separator: " ")
        }
    }

    /// A new alert of the group, at `now`: does it go out at once (`hold` false) or wait
    /// with the group, and the group's state after it.
    public static func admit(_ batching: Batching, rule: String, key: String, state: GroupState?, now: Date)
        -> (hold: Bool, state: GroupState) {
        var next = state ?? GroupState(rule: rule, key: key, dueAt: nil, since: now)
        // Alerts already waiting: the new one joins them, whatever the mode.
        if next.dueAt != nil { return (true, next) }
        switch batching {
        case .each:
            return (false, next)
        case let .group(_, wait, _):
            if let quiet = next.quietUntil, quiet > now {
                next.dueAt = quiet  // a notification went out lately: the next waits out the interval
            } else {
                next.since = now  // a new group: its first alerts wait `wait`
                next.dueAt = now.addingTimeInterval(wait)
            }
            return (true, next)
        case let .cooldown(window):
            if let end = next.quietUntil, end > now {
                next.dueAt = end  // folded into the summary at the window's end
                return (true, next)
            }
            next.since = now
            next.quietUntil = now.addingTimeInterval(window)
            return (false, next)
        case let .digest(times):
            if state == nil { next.since = now }
            next.dueAt = times.next(after: now)
            return (true, next)
        }
    }

    /// The group's state once its held alerts went out at `now`.
    public static func released(_ batching: Batching, state: GroupState, now: Date) -> GroupState {
        var next = state
        next.dueAt = nil
        next.since = now
        // A group's next notification waits out the interval. (A cooldown's window ended with
        // its summary: the next alert opens a new one, at once.)
        if case let .group(_, _, interval) = batching { next.quietUntil = now.addingTimeInterval(interval) }
        return next
    }
}
