import Foundation
import Model

public enum DeliveryResult: Sendable, Equatable {
    case delivered
    /// Try again later; `after` is what the receiver asked for (Retry-After), if anything.
    case retry(after: TimeInterval?, reason: String)
    /// The receiver said never again (HTTP 410 Gone): stop retrying this alert.
    case gone(reason: String)
    /// The endpoint itself is gone (a deleted chat webhook, a room left): the output is
    /// dead, and its alerts wait as dead deliveries until the configuration is reloaded.
    case dead(reason: String)
}

/// Where alerts go: stdout, a file, a webhook, a chat service.
public protocol AlertOutput: Sendable {
    var name: String { get }
    func deliver(_ delivery: Delivery) async -> DeliveryResult
    /// Several deliveries at once, one result each, in order: a file writes them
    /// with one write and one fsync. By default, one after another.
    func deliver(batch: [Delivery]) async -> [DeliveryResult]
    /// How many deliveries one `deliver(batch:)` takes; 1 for outputs that send one at a time.
    var batchLimit: Int { get }
    /// How many deliveries (or batches) may be under way at once.
    var concurrencyLimit: Int { get }
    /// Reopens files after logrotate moved them (SIGHUP).
    func reopen()
    /// Can this output take alerts as their poll is recorded (`deliverInline`)?
    var deliversInline: Bool { get }
    /// Writes a batch at once, durably, on the caller's thread: true when every line is
    /// safely written. Only a local, durable output (a file) can; others return false and
    /// deliver through the outbox.
    func deliverInline(_ batch: [Delivery]) -> Bool
}

extension AlertOutput {
    public func reopen() {}
    public var deliversInline: Bool { false }
    public func deliverInline(_ batch: [Delivery]) -> Bool { false }
    public var batchLimit: Int { 1 }
    public var concurrencyLimit: Int { 8 }

    public func deliver(batch: [Delivery]) async -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        for delivery in batch { results.append(await deliver(delivery)) }
        return results
    }
}
