import Foundation
import Bounds

/// The ranges configuration durations must fall in (README.md, "Bounds"). A value
/// outside is a `check` error with its JSON path, never a silent clamp, except
/// `settings.interval`, which has always been raised to its floor.
enum ConfigBounds {
    /// `settings.interval` is raised to this: polling a feed more often is rude.
    static let shortestInterval: TimeInterval = 30
    static let interval: ClosedRange<TimeInterval> = 1...(7 * 86_400)
    /// A feed's own interval may be shorter (local and test feeds), never longer than a week.
    static let feedInterval: ClosedRange<TimeInterval> = 1...(7 * 86_400)
    static let backfill: ClosedRange<TimeInterval> = 1...Bounds.longestDuration
    /// Transfer and connect timeouts, per fetch or post.
    static let timeout: ClosedRange<TimeInterval> = 1...3600
    /// Back-off caps and `run --once`'s delivery window: at most `Bounds.longestWait`.
    static let wait: ClosedRange<TimeInterval> = 1...Bounds.longestWait
    static let retryBase: ClosedRange<TimeInterval> = 0.1...3600
    /// How long state is kept: at least a day (an item must outlive its feed's poll interval).
    static let retention: ClosedRange<TimeInterval> = 86_400...Bounds.longestDuration
    /// Items kept for replay: an hour to a year (and never past the retention).
    static let keepItems: ClosedRange<TimeInterval> = 3600...(366 * 86_400)
    static let dedupWindow: ClosedRange<TimeInterval> = 60...(30 * 86_400)
    /// The WebSub lease asked of hubs: an hour to 30 days (hubs bound what they grant too).
    static let webSubLease: ClosedRange<TimeInterval> = 3600...(30 * 86_400)
    // The bounds of rules' own durations are the rules' (`RuleBounds`).
}
