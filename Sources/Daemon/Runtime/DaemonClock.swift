import Foundation

/// A moment on the wall clock: the daemon's schedules are stored as wall times, so its
/// clock's instants are too.
public struct WallInstant: InstantProtocol, Sendable {
    public var date: Date

    public init(_ date: Date) { self.date = date }

    public func advanced(by duration: Duration) -> WallInstant {
        WallInstant(date.addingTimeInterval(duration.seconds))
    }

    public func duration(to other: WallInstant) -> Duration {
        .milliseconds(Int64((other.date.timeIntervalSince(date) * 1000).rounded()))
    }

    public static func < (a: WallInstant, b: WallInstant) -> Bool { a.date < b.date }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// The clock the daemon reads for every decision and waits on until its next due work:
/// the system's in `feedwatch run`, one the test moves in tests (so that a day of
/// schedules passes in a moment, and nothing waits on a fixed tick).
public protocol DaemonClock: Clock, Sendable where Instant == WallInstant, Duration == Swift.Duration {}

/// The system's wall clock.
public struct SystemClock: DaemonClock {
    public init() {}

    public var now: WallInstant { WallInstant(Date()) }

    public var minimumResolution: Duration { .milliseconds(1) }

    public func sleep(until deadline: WallInstant, tolerance: Duration?) async throws {
        let wait = deadline.date.timeIntervalSinceNow
        guard wait > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64(min(wait, 86_400) * 1000)), tolerance: tolerance)
    }
}
