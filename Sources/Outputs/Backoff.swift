import Foundation
import Bounds

/// Exponential backoff with jitter ("full jitter" over the upper half, so a
/// retry never comes sooner than half the nominal delay), capped.
public struct Backoff: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval, cap: TimeInterval) {
        self.base = base
        self.cap = cap
    }

    /// Delay before attempt `failures + 1`; a server's Retry-After wins when it asks for longer.
    public func delay(afterFailures failures: Int, retryAfter: TimeInterval? = nil,
                      random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let exponent = min(max(failures - 1, 0), 30)
        let nominal = min(cap, base * pow(2, Double(exponent)))
        let jittered = nominal * (0.5 + 0.5 * random)
        guard let asked = retryAfter else { return jittered }
        // A receiver's Retry-After wins over the cap, but never past Bounds.longestWait.
        let retryAfter = Bounds.wait(asked)
        return min(max(jittered, retryAfter), max(cap, retryAfter))
    }
}
