import Foundation
import Logging
import Model
import Outputs
import Store

extension Daemon {
    /// Hands due deliveries to their outputs: in batches where the output takes them
    /// (a file: one write and one fsync per batch), one by one elsewhere, with at most
    /// `concurrencyLimit` under way per output.
    func startDueDeliveries(group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        // A delivery the store could not mark would be sent again and again.
        guard !storeTroubleHolds(clock()) else { return }
        // Only as many as the outputs can take now, past those already under way: the query
        // reads payloads, and runs after every event.
        let capacity = outputs.byName.reduce(0) { total, entry in
            total + max(0, entry.value.concurrencyLimit - busyBatches[entry.key, default: 0]) * entry.value.batchLimit
        }
        guard capacity > 0 else { return }
        let due = try store.dueDeliveries(now: clock(), limit: min(capacity, 4096) + busyDeliveries.count)
        var byOutput: [(String, [Delivery])] = []
        var position: [String: Int] = [:]
        var toDeadOutputs: [Settlement] = []
        defer { if !toDeadOutputs.isEmpty { try? store.settle(toDeadOutputs) } }
        for delivery in due where !busyDeliveries.contains(Self.key(delivery)) {
            if let reason = deadOutputs[delivery.output] {
                toDeadOutputs.append(Settlement(alertID: delivery.alertID, output: delivery.output,
                                                outcome: .dead(reason: "output dead: \(reason)"), row: delivery.row))
                continue
            }
            guard outputs.byName[delivery.output] != nil else {
                logger.error("alert dropped: its output was removed from the configuration",
                             metadata: ["alert.id": "\(delivery.alertID)", "output": "\(delivery.output)"])
                try store.markDead(alertID: delivery.alertID, output: delivery.output, reason: "output removed")
                continue
            }
            if let index = position[delivery.output] {
                byOutput[index].1.append(delivery)
            } else {
                position[delivery.output] = byOutput.count
                byOutput.append((delivery.output, [delivery]))
            }
        }
        for (name, deliveries) in byOutput {
            guard let output = outputs.byName[name] else { continue }
            var rest = deliveries[...]
            while busyBatches[name, default: 0] < output.concurrencyLimit, !rest.isEmpty {
                let batch = Array(rest.prefix(output.batchLimit))
                rest = rest.dropFirst(batch.count)
                for delivery in batch { busyDeliveries.insert(Self.key(delivery)) }
                busyBatches[name, default: 0] += 1
                group.addChild { .delivered(batch, await output.deliver(batch: batch)) }
            }
        }
    }

    static func key(_ delivery: Delivery) -> String { delivery.alertID + "\u{0}" + delivery.output }

    /// Marks deliveries done only after their output confirmed them, and schedules
    /// retries; one transaction for the whole batch.
    func settle(_ batch: [Delivery], _ results: [DeliveryResult]) throws(StoreError) {
        guard let output = batch.first?.output else { return }
        busyBatches[output, default: 1] -= 1
        for delivery in batch { busyDeliveries.remove(Self.key(delivery)) }
        let backoff = Backoff(base: configuration.settings.retryBase, cap: configuration.settings.maxRetryDelay)
        var settlements: [Settlement] = []
        var newlyDead: [(String, String)] = []
        var meta: Logger.Metadata = ["output": "\(output)"]
        for (delivery, result) in zip(batch, results) {
            switch result {
            case .delivered:
                settlements.append(Settlement(alertID: delivery.alertID, output: output, outcome: .delivered, row: delivery.row))
            case let .retry(after, reason):
                let delay = backoff.delay(afterFailures: delivery.attempt, retryAfter: after)
                settlements.append(Settlement(alertID: delivery.alertID, output: output,
                                              outcome: .retry(at: clock().addingTimeInterval(delay), reason: reason), row: delivery.row))
                meta["delivery.error"] = "\(reason)"
            case let .dead(reason):
                settlements.append(Settlement(alertID: delivery.alertID, output: output, outcome: .dead(reason: reason), row: delivery.row))
                if deadOutputs[output] == nil {
                    deadOutputs[output] = reason
                    logger.error("output dead: its endpoint is gone; its alerts are kept as dead deliveries until the configuration is reloaded",
                                 metadata: ["output": "\(output)", "delivery.error": "\(reason)"])
                    newlyDead.append((output, reason))
                }
            case let .gone(reason):
                settlements.append(Settlement(alertID: delivery.alertID, output: output, outcome: .dead(reason: reason), row: delivery.row))
                logger.error("receiver refused the alert for good (410); not retrying it",
                             metadata: ["alert.id": "\(delivery.alertID)", "output": "\(output)", "delivery.error": "\(reason)"])
            }
        }
        try store.settle(settlements)
        for settlement in settlements {
            switch settlement.outcome {
            case .delivered: metrics.delivered(output, .delivered)
            case .retry: metrics.delivered(output, .retried)
            case .dead: metrics.delivered(output, .dead)
            }
        }
        for (output, reason) in newlyDead { try selfAlertOutputDead(output, reason: reason) }
        let failed = settlements.contains { if case .retry = $0.outcome { true } else { false } }
        if failed, failingOutputs.insert(output).inserted {
            logger.warning("output failing; alerts kept and retried", metadata: meta)
        } else if !failed, settlements.contains(where: { $0.outcome == .delivered }), failingOutputs.remove(output) != nil {
            logger.info("output recovered", metadata: ["output": "\(output)"])
        }
    }
}
