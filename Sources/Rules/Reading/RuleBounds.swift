import Foundation

/// The ranges rules' durations must fall in (README.md, "Bounds"); a value outside is a
/// `check` error with its JSON path.
enum RuleBounds {
    /// Spike windows and baselines, counted in whole hours.
    static let spikeWindow: ClosedRange<TimeInterval> = 3600...(7 * 86_400)
    static let spikeBaseline: ClosedRange<TimeInterval> = 3600...(90 * 86_400)
    /// A batching rule's `wait`, `interval` and `cooldown`: at most a week.
    static let batchWait: ClosedRange<TimeInterval> = 1...(7 * 86_400)
    /// How often a digest goes out: from every minute to every 28 days.
    static let digestEvery: ClosedRange<TimeInterval> = 60...(28 * 86_400)
}
