import Foundation
import Model

/// What a webhook receiver answered.
public struct WebhookResponse: Sendable {
    public var status: Int
    public var retryAfter: TimeInterval?
    /// The start of the answer's body (a chat service may say there when to come back).
    public var body: [UInt8]
    public init(status: Int, retryAfter: TimeInterval?, body: [UInt8] = []) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
    }
}

/// How Outputs reach the network: Daemon wires this to Fetch's engine, which owns all HTTP.
public protocol WebhookTransport: Sendable {
    /// `method` is "POST" or "PUT".
    func send(method: String, url: String, headers: [(name: String, value: String)], body: [UInt8],
              timeout: TimeInterval) async throws -> WebhookResponse
}

extension WebhookTransport {
    public func post(url: String, headers: [(name: String, value: String)], body: [UInt8], timeout: TimeInterval) async throws -> WebhookResponse {
        try await send(method: "POST", url: url, headers: headers, body: body, timeout: timeout)
    }
}

/// Alerts POSTed as JSON, with Standard Webhooks headers (webhook-id,
/// webhook-timestamp, webhook-signature). 2xx is delivered; 410 stops; anything
/// else, a 3xx included (redirects are not followed, as the spec says), a timeout
/// or a refused connection is retried later.
public struct WebhookOutput: AlertOutput {
    public let name: String
    public let url: String
    private let signer: WebhookSigner?
    private let transport: any WebhookTransport
    private let timeout: TimeInterval
    private let extraHeaders: [(name: String, value: String)]
    private let clock: @Sendable () -> Date

    /// `secrets`: none (unsigned), one, or several during a key rotation.
    public init(name: String, url: String, secrets: [String], headers: [(name: String, value: String)] = [],
                timeout: TimeInterval = 15, transport: any WebhookTransport,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.name = name
        self.url = url
        signer = secrets.isEmpty ? nil : WebhookSigner(secrets: secrets)
        extraHeaders = headers
        self.timeout = timeout
        self.transport = transport
        self.clock = clock
    }

    public func deliver(_ delivery: Delivery) async -> DeliveryResult {
        let timestamp = Int(clock().timeIntervalSince1970)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("webhook-id", delivery.alertID),
            ("webhook-timestamp", String(timestamp)),
        ]
        if let signer {
            guard let signature = signer.signature(id: delivery.alertID, timestamp: timestamp, body: delivery.payload) else {
                return .retry(after: nil, reason: "webhook: the alert could not be signed (libcrypto HMAC failed)")
            }
            headers.append(("webhook-signature", signature))
        }
        headers += extraHeaders
        do {
            let response = try await transport.post(url: url, headers: headers, body: Array(delivery.payload.utf8), timeout: timeout)
            return Self.result(for: response)
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
    }

    /// What an answer means for the alert: 2xx delivered, 410 never again, anything else later.
    public static func result(for response: WebhookResponse) -> DeliveryResult {
        switch response.status {
        case 200..<300: .delivered
        case 410: .gone(reason: "webhook: HTTP 410 Gone")
        default: .retry(after: response.retryAfter, reason: "webhook: HTTP \(response.status)")
        }
    }
}
