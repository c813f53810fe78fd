import ArgumentParser
import Foundation
import Logging
import Daemon
import Fetch
import Listener
import Store

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: poll every feed on its schedule, decide alerts, deliver them.")

    @OptionGroup var config: ConfigOption

    @OptionGroup var state: StateDirOption

    @Flag(help: "Poll every feed once, deliver every alert (retries included, bounded), then exit.")
    var once = false

    func run() async throws {
        LoggingSystem.bootstrap { JournalLogHandler(label: $0) }
        let logger = Logger(label: "feedwatch")
        let configuration = try config.load()
        let directory = state.directory
        let lock: StateDirectoryLock
        do {
            lock = try StateDirectoryLock(directory: directory)
        } catch let failure {
            StandardError.write("feedwatch: \(failure)")
            if case .held = failure { throw ExitCode(ExitStatus.inUse) }
            throw ExitCode(ExitStatus.cannotCreate)
        }
        let store: SQLiteStateStore
        do {
            store = try SQLiteStateStore(directory: directory)
        } catch {
            StandardError.write("feedwatch: \(error)")
            throw ExitCode(ExitStatus.cannotCreate)
        }
        let engine = FetchEngine(maxConnections: max(configuration.settings.concurrency, 8))
        defer { engine.shutdown() }
        let exposition = PrometheusExposition()
        let readiness = Readiness(fetchAlive: { engine.isAlive() })
        let daemon = Daemon(configuration: configuration, store: store, engine: engine, logger: logger,
                            metrics: exposition.factory, readiness: readiness, options: .init(once: once))
        let webSub = daemon.webSubRoutes
        let listener = configuration.settings.listen.map {
            LocalListener(address: $0, endpoints: .init(metrics: exposition.text, readiness: readiness.reason, webSub: webSub))
        }
        do {
            try await DaemonService.group(daemon, listener: listener, logger: logger).run()
        } catch let error as StoreError {
            logger.critical("daemon stopped on a state store error", metadata: ["store.error": "\(error)"])
            throw ExitCode.failure
        } catch {
            logger.critical("daemon stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
        withExtendedLifetime(lock) {}
    }
}
