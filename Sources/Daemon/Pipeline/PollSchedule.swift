import Foundation
import Outputs
import Bounds

/// When a feed is polled next. Pure, so that the scheduling of any answer a
/// server gives can be tested and fuzzed without a clock or a network.
package enum PollSchedule {
    /// After a failed poll: 1 min, 2, 4 … up to `cap`, never given up; a longer
    /// Retry-After wins, up to `Bounds.longestWait`. The same back-off as deliveries.
    package static func afterFailure(failures: Int, retryAfter: TimeInterval?, cap: TimeInterval, now: Date,
                             random: Double = Double.random(in: 0...1)) -> Date {
        let backoff = Backoff(base: 60, cap: cap)
        return now.addingTimeInterval(backoff.delay(afterFailures: failures, retryAfter: retryAfter, random: random))
    }
}
