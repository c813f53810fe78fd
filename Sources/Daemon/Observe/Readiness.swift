import Synchronization

/// What `/readyz` reports. Ready means: the configuration is loaded (the daemon's loop
/// has started on it), the store takes writes, and the fetch thread goes round its loop.
/// Written by the daemon's loop, read by the listener's threads.
public final class Readiness: Sendable {
    private struct State {
        var started = false
        var storeTrouble: String?
    }

    private let state = Mutex(State())
    private let fetchAlive: @Sendable () -> Bool

    public init(fetchAlive: @escaping @Sendable () -> Bool) {
        self.fetchAlive = fetchAlive
    }

    /// nil when ready, else the first reason it is not.
    public func reason() -> String? {
        let (started, trouble) = state.withLock { ($0.started, $0.storeTrouble) }
        if !started { return "starting: the configuration is not loaded yet" }
        if let trouble { return "the state store cannot write: \(trouble)" }
        if !fetchAlive() { return "the fetch thread does not answer" }
        return nil
    }

    func started() { state.withLock { $0.started = true } }

    func stopped() { state.withLock { $0.started = false } }

    func storeTrouble(_ reason: String?) { state.withLock { $0.storeTrouble = reason } }
}
