import Foundation
import Model

public enum DeliveryResult: Sendable, Equatable {
    case delivered
    /// Try again later; `after` is what the receiver asked for (Retry-After), if anything.
    case retry(after: TimeInterval?, reason: String)
    /// The receiver said never again (HTTP 410 Gone): stop retrying this alert.
    case gone(reason: String)
}

/// Where alerts go: stdout, a file, a webhook.
public protocol AlertOutput: Sendable {
    var name: String { get }
    func deliver(_ delivery: Delivery) async -> DeliveryResult
    /// Reopens files after logrotate moved them (SIGHUP).
    func reopen()
}

extension AlertOutput {
    public func reopen() {}
}
