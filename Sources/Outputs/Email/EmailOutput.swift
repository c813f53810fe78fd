import Foundation
import Model

/// Alerts and digests as e-mail through SMTP (`MailTransport`), one message each, with a
/// plain-text part and an HTML part, the way Google Alerts delivers them. What each
/// outcome means:
/// - accepted: delivered;
/// - a 4xx or 5xx reply, a refused connection, a timeout: later, by back-off (a server
///   that refuses a login or a recipient is usually mended by its operator, and no
///   alert is given up meanwhile).
/// The password never appears in a reason.
public struct EmailOutput: AlertOutput {
    public let name: String
    private let server: MailServer
    private let transport: any MailTransport
    private let timeout: TimeInterval
    /// The text part's template when configured (over the alert or digest JSON), else the built-in ones.
    private let template: MessageTemplate?
    private let templates: MailTemplates?

    public init(name: String, server: MailServer, template: MessageTemplate? = nil, timeout: TimeInterval = 30,
                transport: any MailTransport) {
        self.name = name
        self.server = server
        self.template = template
        self.timeout = timeout
        self.transport = transport
        templates = try? MailTemplates()
    }

    /// Mail servers throttle bursts from one sender: two submissions at a time.
    public var concurrencyLimit: Int { 2 }

    public func deliver(_ delivery: Delivery) async -> DeliveryResult {
        guard let alert = try? JSONReader.parse(Array(delivery.payload.utf8)), let message = AlertMessage(alert) else {
            return .gone(reason: "email: the queued alert is not alert JSON")
        }
        let mail = compose(alert, message)
        switch await transport.send(mail.bytes, to: server, timeout: timeout) {
        case .accepted: return .delivered
        case let .refused(reply, reason): return .retry(after: nil, reason: "email: reply \(reply): " + redacted(reason))
        case let .failed(reason): return .retry(after: nil, reason: "email: " + redacted(reason))
        }
    }

    func compose(_ alert: JSONValue, _ message: AlertMessage) -> MailMessage {
        let digest = !message.digested.isEmpty
        let subject = digest ? "\(message.rule): \(message.title)" : message.headline
        let text = template?.render(alert, message) ?? templates?.text(alert, message, digest: digest) ?? subject
        let html = template == nil
            ? templates?.html(alert, message, digest: digest) ?? ""
            : "<div style=\"white-space: pre-wrap\">\(ChatBodies.htmlEscaped(text))</div>"
        return MailMessage(from: server.from, to: server.to, subject: subject, text: text, html: html, id: message.id, date: Date())
    }

    private func redacted(_ text: String) -> String {
        guard let password = server.password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "<password>")
    }
}

/// The built-in e-mail bodies: for an alert, severity, rule and the title linked, each
/// name with its words in context, the feed and the time; for a digest, one entry per alert.
struct MailTemplates {
    private let alertText: MessageTemplate
    private let alertHTML: MessageTemplate
    private let digestText: MessageTemplate
    private let digestHTML: MessageTemplate

    init() throws {
        alertText = try MessageTemplate("""
            {{#severity}}[{{severity}}] {{/severity}}{{rule}}: {{title}}
            {{#item.link}}{{{item.link}}}
            {{/item.link}}
            {{#matches}}- {{name}} ({{type}}): {{before}}[{{words}}]{{after}}
            {{/matches}}
            {{feedName}} · {{firedAt}}
            """, markup: .text)
        alertHTML = try MessageTemplate("""
            <p><strong>{{#severity}}[{{severity}}] {{/severity}}{{rule}}:</strong> \
            {{#item.link}}<a href="{{item.link}}">{{title}}</a>{{/item.link}}{{^item.link}}{{title}}{{/item.link}}</p>
            <ul>{{#matches}}<li><strong>{{name}}</strong> ({{type}}): {{before}}<mark>{{words}}</mark>{{after}}</li>{{/matches}}</ul>
            <p style="color:#666">{{feedName}} · {{firedAt}}</p>
            """, markup: .html)
        digestText = try MessageTemplate("""
            {{rule}}: {{title}}, {{from}} – {{to}}

            {{#alerts}}- {{title}} ({{#matches}}{{name}}{{^last}}, {{/last}}{{/matches}}; {{feedName}})
              {{#item.link}}{{{item.link}}}{{/item.link}}
            {{/alerts}}
            """, markup: .text)
        digestHTML = try MessageTemplate("""
            <p><strong>{{rule}}:</strong> {{title}}, {{from}} – {{to}}</p>
            <ul>{{#alerts}}<li>{{#item.link}}<a href="{{item.link}}">{{title}}</a>{{/item.link}}{{^item.link}}{{title}}{{/item.link}} \
            ({{#matches}}{{name}}{{^last}}, {{/last}}{{/matches}}; {{feedName}})</li>{{/alerts}}</ul>
            """, markup: .html)
    }

    func text(_ alert: JSONValue, _ message: AlertMessage, digest: Bool) -> String {
        (digest ? digestText : alertText).render(alert, message)
    }

    func html(_ alert: JSONValue, _ message: AlertMessage, digest: Bool) -> String {
        "<!DOCTYPE html><html><body>" + (digest ? digestHTML : alertHTML).render(alert, message) + "</body></html>"
    }
}
