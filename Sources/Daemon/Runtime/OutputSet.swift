import Foundation
import Model
import Outputs
import Fetch

/// The configured outputs, built once per configuration.
struct OutputSet: Sendable {
    let byName: [String: any AlertOutput]

    init(_ outputs: [Configuration.Output], engine: FetchEngine) {
        var built: [String: any AlertOutput] = [:]
        for output in outputs {
            switch output.kind {
            case let .stdout(json):
                built[output.name] = StdoutOutput(name: output.name, format: json ? .json : .text)
            case let .file(path):
                built[output.name] = FileOutput(name: output.name, path: path)
            case let .webhook(url, secrets, headers, timeout):
                built[output.name] = WebhookOutput(
                    name: output.name, url: url, secrets: secrets,
                    headers: headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
                    timeout: timeout, transport: FetchWebhookTransport(engine: engine))
            case let .chat(endpoint, template, timeout):
                // `check` compiled the template already; one that failed never gets here.
                let compiled = template.flatMap { try? MessageTemplate($0, markup: MessageTemplate.markup(for: endpoint.service)) }
                built[output.name] = ChatOutput(name: output.name, endpoint: endpoint, template: compiled, timeout: timeout,
                                                transport: FetchWebhookTransport(engine: engine))
            case let .email(server, template, timeout):
                let compiled = template.flatMap { try? MessageTemplate($0, markup: .text) }
                built[output.name] = EmailOutput(name: output.name, server: server, template: compiled, timeout: timeout,
                                                 transport: FetchMailTransport(engine: engine))
            }
        }
        byName = built
    }

    func reopenAll() {
        for output in byName.values { output.reopen() }
    }
}

/// Webhook POSTs through the fetch engine, which owns all HTTP. Redirects are
/// not followed: a receiver that moved must be reconfigured, not guessed at.
struct FetchWebhookTransport: WebhookTransport {
    let engine: FetchEngine

    func send(method: String, url: String, headers: [(name: String, value: String)], body: [UInt8],
              timeout: TimeInterval) async throws -> WebhookResponse {
        let request = HTTPRequest(url: url, method: method == "PUT" ? .put : .post, headers: headers, body: body,
                                  connectTimeout: min(timeout, 10), totalTimeout: timeout,
                                  maxBodyBytes: 1 << 20, maxRedirects: 0)
        return WebhookResponse(try await engine.perform(request))
    }
}

/// SMTP submissions through the fetch engine (libcurl's SMTP), which owns every curl handle.
struct FetchMailTransport: MailTransport {
    let engine: FetchEngine

    func send(_ message: [UInt8], to server: MailServer, timeout: TimeInterval) async -> MailResult {
        var request = HTTPRequest(url: server.url, method: .post, body: message, connectTimeout: min(timeout, 10), totalTimeout: timeout,
                                  maxBodyBytes: 1 << 20, maxRedirects: 0)
        request.mail = MailEnvelope(from: server.from, recipients: server.to, username: server.username, password: server.password)
        do {
            _ = try await engine.perform(request)
            return .accepted
        } catch let FetchError.mailRefused(reply, _) {
            return .refused(reply: reply, reason: "the server refused the message")
        } catch {
            return .failed(reason: "\(error)")
        }
    }
}

extension WebhookResponse {
    /// The parts of a receiver's answer that decide what happens to the alert: its status,
    /// Retry-After, and the first 4 kB of its body.
    package init(_ response: HTTPResponse, now: Date = Date()) {
        self.init(status: response.status, retryAfter: response.retryAfter(now: now), body: Array(response.body.prefix(4096)))
    }
}
