import Foundation
import Logging
import Model
import Alert
import Store

extension Daemon {
    func startDueDeliveries(group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        let due = try store.dueDeliveries(now: clock(), limit: 64)
        for delivery in due {
            let key = delivery.alertID + "\u{0}" + delivery.output
            guard !busyDeliveries.contains(key) else { continue }
            guard let output = outputs.byName[delivery.output] else {
                logger.error("alert dropped: its output was removed from the configuration",
                             metadata: ["alert.id": "\(delivery.alertID)", "output": "\(delivery.output)"])
                try store.markDead(alertID: delivery.alertID, output: delivery.output, reason: "output removed")
                continue
            }
            busyDeliveries.insert(key)
            group.addTask { .delivered(delivery, await output.deliver(delivery)) }
        }
    }

    /// Marks a delivery done only after its output confirmed it; otherwise schedules a retry.
    func settle(_ delivery: Delivery, _ result: DeliveryResult) throws(StoreError) {
        busyDeliveries.remove(delivery.alertID + "\u{0}" + delivery.output)
        var meta: Logger.Metadata = ["alert.id": "\(delivery.alertID)", "output": "\(delivery.output)"]
        switch result {
        case .delivered:
            try store.markDelivered(alertID: delivery.alertID, output: delivery.output)
            if failingOutputs.remove(delivery.output) != nil { logger.info("output recovered", metadata: meta) }
        case let .retry(after, reason):
            let backoff = Backoff(base: configuration.settings.retryBase, cap: configuration.settings.maxRetryDelay)
            let delay = backoff.delay(afterFailures: delivery.attempt, retryAfter: after)
            try store.markRetry(alertID: delivery.alertID, output: delivery.output, at: clock().addingTimeInterval(delay), reason: reason)
            if failingOutputs.insert(delivery.output).inserted {
                meta["delivery.error"] = "\(reason)"
                logger.warning("output failing; alerts kept and retried", metadata: meta)
            }
        case let .gone(reason):
            try store.markDead(alertID: delivery.alertID, output: delivery.output, reason: reason)
            meta["delivery.error"] = "\(reason)"
            logger.error("receiver refused the alert for good (410); not retrying it", metadata: meta)
        }
    }
}
