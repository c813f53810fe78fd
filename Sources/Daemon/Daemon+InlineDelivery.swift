import Foundation
import Model
import Store

/// A local, durable output (a file) takes a poll's new alerts inside the transaction
/// that records the poll, not through the outbox (see `InlineDelivery`).
/// - A write that fails leaves those alerts to the outbox, which retries them.
/// - While the store has failed to write, nothing is written inline: a poll whose
///   record fails is tried again, and would repeat its lines on every try.
extension Daemon {
    var inlineDelivery: InlineDelivery? {
        guard storeTroubleUntil == nil else { return nil }
        let inline = outputs.byName.filter { $0.value.deliversInline }
        guard !inline.isEmpty else { return nil }
        let counters = inline.keys.map { ($0, metrics.deliveryCounter($0, .delivered)) }
        let delivered = Dictionary(counters, uniquingKeysWith: { first, _ in first })
        return InlineDelivery(outputs: Set(inline.keys)) { alerts in
            var taken: [String: Set<String>] = [:]
            for (name, output) in inline {
                let batch = alerts.filter { $0.outputs.contains(name) }.map {
                    Delivery(alertID: $0.id, output: name, payload: $0.payload, line: $0.line, attempt: 1)
                }
                guard !batch.isEmpty, output.deliverInline(batch) else { continue }
                delivered[name]?.increment(by: batch.count)
                for delivery in batch { taken[delivery.alertID, default: []].insert(name) }
            }
            return taken
        }
    }
}
