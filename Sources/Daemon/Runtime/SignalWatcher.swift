import Foundation
import Synchronization

/// SIGTERM, SIGINT and SIGHUP turned into events the daemon loop reads on each
/// tick. The default actions are disabled first so a signal never kills the
/// process mid-transaction. Not Sendable (it owns the dispatch sources); the
/// `events` box it fills is.
public final class SignalWatcher {
    public enum Event: Sendable, Equatable { case stop, reload }

    /// Signals received and not yet taken by the loop.
    public final class Events: Sendable {
        private let pending = Mutex<[Event]>([])

        public init() {}

        public func post(_ event: Event) { pending.withLock { $0.append(event) } }

        public func take() -> [Event] {
            pending.withLock { events in
                defer { events.removeAll() }
                return events
            }
        }
    }

    public let events = Events()
    private var sources: [any DispatchSourceSignal] = []

    public init() {
        let queue = DispatchQueue(label: "feedwatch.signals")
        for (number, event) in [(SIGTERM, Event.stop), (SIGINT, .stop), (SIGHUP, .reload)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [events] in events.post(event) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
