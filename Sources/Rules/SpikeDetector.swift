import Foundation
import Model

/// Whether a watch's mentions are spiking, from hourly counts. Pure: the store
/// keeps the counts and the episode, the daemon asks, and the same counts
/// always give the same answer.
///
/// - The window is the last `window` of whole hours, the current hour included;
///   the baseline is the `baseline` of hours just before it. The rate the baseline
///   leads one to expect in a window is `baselineCount × window / baseline`.
/// - An episode starts when the window holds at least `min` items and more than
///   `factor` times that expectation.
/// - It ends, with hysteresis, only when the window falls below three quarters of
///   both bounds, so a rate hovering at the threshold is one episode, not many.
public enum SpikeDetector {
    public enum Verdict: Sendable, Equatable {
        /// Not spiking, and no episode was open.
        case quiet
        /// A new episode: this is when the alert fires.
        case starts
        /// Still spiking, or not yet fallen far enough: the open episode goes on.
        case continues
        /// The episode is over.
        case ends
    }

    /// How the last three quarters of a bound still keep an episode open.
    public static let hysteresis = 0.75

    public static func expected(baselineCount: Int, _ condition: SpikeCondition) -> Double {
        Double(baselineCount) * hours(condition.window) / hours(condition.baseline)
    }

    public static func verdict(windowCount: Int, baselineCount: Int, inEpisode: Bool, _ condition: SpikeCondition) -> Verdict {
        let bar = condition.factor * expected(baselineCount: baselineCount, condition)
        let count = Double(windowCount)
        if inEpisode {
            let stillHigh = count >= hysteresis * Double(condition.min) && count > hysteresis * bar
            return stillHigh ? .continues : .ends
        }
        return windowCount >= condition.min && count > bar ? .starts : .quiet
    }

    /// The hours a duration covers, at least one.
    public static func hours(_ duration: TimeInterval) -> Double {
        max(1, (duration / 3600).rounded(.up))
    }
}
