import Foundation
import Logging

extension Daemon {
    /// SIGHUP: reads the configuration again. A bad one is rejected with its
    /// errors logged and the running one kept. Files are reopened either way (logrotate).
    func reload() {
        notifier.reloading()
        defer { notifier.ready() }
        outputs.reopenAll()
        let fresh: Configuration
        do {
            fresh = try ConfigLoader.load(path: configuration.path)
        } catch {
            for line in error.lines { logger.error("configuration rejected, keeping the running one", metadata: ["config.error": "\(line)"]) }
            return
        }
        do {
            try store.syncFeeds(fresh.feeds.map { ($0.id, $0.url) }, now: clock())
        } catch {
            logger.error("configuration not applied", metadata: ["store.error": "\(error)"])
            return
        }
        configuration = fresh
        analyzer = ItemAnalyzer(watch: fresh.watch, rules: fresh.rules, storyText: fresh.settings.dedup != nil)
        outputs = OutputSet(fresh.outputs, engine: engine)
        deadOutputs = [:]  // a reload is the operator's word that an endpoint may live again
        webSubDue = .distantPast  // feeds that left the configuration are unsubscribed at once
        metrics.declare(rules: fresh.rules.map(\.id), outputs: fresh.outputs.map(\.name))
        logger.info("configuration reloaded", metadata: ["feeds": "\(fresh.feeds.count)", "rules": "\(fresh.rules.count)"])
    }
}
