import Synchronization

/// Requests from outside the daemon's loop: stop (graceful shutdown: SIGTERM, SIGINT) and
/// reload (SIGHUP). `DaemonService` posts them; the loop takes them each time it wakes.
public final class DaemonEvents: Sendable {
    public enum Event: Sendable, Equatable { case stop, reload }

    private let pending = Mutex<[Event]>([])
    /// Wakes the daemon's loop for each event posted.
    public let wakeup = Wakeup()

    public init() {}

    public func post(_ event: Event) {
        pending.withLock { $0.append(event) }
        wakeup.signal()
    }

    func take() -> [Event] {
        pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
