import Foundation
import Model

/// Alerts posted to a chat or push service (`ChatService`), one message per alert,
/// through the outbox with its retries. What each answer means:
/// - 2xx: delivered;
/// - 429: later, when the service says (Retry-After, Discord's `retry_after` or
///   Matrix's `retry_after_ms` in the body), else by back-off;
/// - 404 or 410: the webhook or room is gone, so the output is dead (`.dead`);
/// - anything else, a timeout or a refused connection: later.
/// The endpoint's URL and token are secrets: no reason it reports contains them.
public struct ChatOutput: AlertOutput {
    public let name: String
    public let endpoint: ChatEndpoint
    private let transport: any WebhookTransport
    private let timeout: TimeInterval

    private let template: MessageTemplate?
    /// A digest's text: the configured template when there is one, else the service's own for digests.
    private let digestTemplate: MessageTemplate?

    /// `template`: the message text's Mustache template (`MessageTemplate`), for alerts and
    /// digests alike; else the service's own.
    public init(name: String, endpoint: ChatEndpoint, template: MessageTemplate? = nil, timeout: TimeInterval = 15,
                transport: any WebhookTransport) {
        self.name = name
        self.endpoint = endpoint
        let markup = MessageTemplate.markup(for: endpoint.service)
        self.template = template ?? (try? MessageTemplate(MessageTemplate.standard(for: endpoint.service), markup: markup))
        digestTemplate = template ?? (try? MessageTemplate(MessageTemplate.standardDigest(for: endpoint.service), markup: markup))
        self.timeout = timeout
        self.transport = transport
    }

    /// Services limit how fast one webhook posts (Slack about one message a second):
    /// two at a time, the rest queued.
    public var concurrencyLimit: Int { 2 }

    public func deliver(_ delivery: Delivery) async -> DeliveryResult {
        let service = endpoint.service.rawValue
        guard let alert = try? JSONReader.parse(Array(delivery.payload.utf8)), let message = AlertMessage(alert) else {
            return .gone(reason: "\(service): the queued alert is not alert JSON")
        }
        let text = (message.digested.isEmpty ? template : digestTemplate)?.render(alert, message) ?? message.headline
        let request = endpoint.request(for: message, text: text)
        do {
            let response = try await transport.send(method: request.method, url: request.url, headers: request.headers,
                                                    body: request.body, timeout: timeout)
            return result(for: response)
        } catch {
            return .retry(after: nil, reason: "\(service): " + redacted("\(error)"))
        }
    }

    func result(for response: WebhookResponse) -> DeliveryResult {
        let service = endpoint.service.rawValue
        switch response.status {
        case 200..<300: return .delivered
        case 404, 410: return .dead(reason: "\(service): HTTP \(response.status), the endpoint is gone")
        case 429: return .retry(after: Self.retryAfter(response), reason: "\(service): HTTP 429, rate limited")
        default: return .retry(after: response.retryAfter, reason: "\(service): HTTP \(response.status)")
        }
    }

    /// The wait a 429 asks for: Retry-After, else the body's `retry_after` (Discord,
    /// seconds) or `retry_after_ms` (Matrix).
    static func retryAfter(_ response: WebhookResponse) -> TimeInterval? {
        if let header = response.retryAfter { return header }
        guard let body = try? JSONReader.parse(response.body) else { return nil }
        if let seconds = body["retry_after"]?.doubleValue, seconds.isFinite, seconds >= 0 { return seconds }
        if let millis = body["retry_after_ms"]?.doubleValue, millis.isFinite, millis >= 0 { return millis / 1000 }
        return nil
    }

    /// An error's text without the endpoint's URL or token in it.
    private func redacted(_ text: String) -> String {
        var text = text.replacingOccurrences(of: endpoint.url, with: "<\(endpoint.service.rawValue) URL>")
        if let token = endpoint.token, !token.isEmpty { text = text.replacingOccurrences(of: token, with: "<token>") }
        return text
    }
}
