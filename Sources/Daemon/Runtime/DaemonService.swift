import Listener
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The daemon as a swift-service-lifecycle service. Graceful shutdown (the service group's
/// SIGTERM and SIGINT) stops its loop the way it always stopped: deliveries under way are
/// settled and analysed items recorded before `run` returns. SIGHUP, read through
/// `UnixSignalsSequence`, reloads the configuration.
public final class DaemonService: Service {
    /// The daemon is not Sendable (it is its loop's state): it is handed over once, to `run`.
    private let daemon: Mutex<Daemon?>
    private let events: DaemonEvents

    public init(_ daemon: consuming sending Daemon) {
        events = daemon.events
        self.daemon = Mutex(daemon)
    }

    public func run() async throws {
        guard let daemon = daemon.withLock({ $0.take() }) else { return }
        let events = self.events
        // Trapped before the loop starts, so that a SIGHUP never meets the default action.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in hangups { events.post(.reload) }
            }
            try await withGracefulShutdownHandler {
                try await daemon.run()
            } onGracefulShutdown: {
                events.post(.stop)
            }
            group.cancelAll()
        }
    }

    /// What `feedwatch run` runs: the local listener first, when there is one, so that
    /// `/healthz` answers while the daemon starts; then the daemon. SIGTERM and SIGINT shut
    /// the group down gracefully in reverse order: the daemon settles its work, then the
    /// listener closes. The daemon ending by itself (`--once`) ends the group the same way.
    public static func group(_ daemon: consuming sending Daemon, listener: LocalListener?, logger: Logger,
                             bound: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let listener {
            services.append(.init(service: listener.service(logger: logger, bound: bound),
                                  failureTerminationBehavior: .gracefullyShutdownGroup))
        }
        services.append(.init(service: DaemonService(daemon), successTerminationBehavior: .gracefullyShutdownGroup,
                              failureTerminationBehavior: .gracefullyShutdownGroup))
        return ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    }
}
