import Foundation

/// Why a transfer failed, with what a log line needs to explain it.
package enum FetchError: Error, Equatable, CustomStringConvertible, Sendable {
    case timeout(seconds: Int, url: String)
    case tooLarge(limit: Int, url: String)
    case tooManyRedirects(url: String)
    case unsupportedURL(url: String)
    case transport(code: Int, message: String, url: String)
    case cancelled(url: String)
    case engineStopped
    /// An SMTP server answered a submission with this 4xx or 5xx reply code.
    case mailRefused(reply: Int, url: String)

    /// A sentence for logs. The URL is shown without user info, query or
    /// fragment: private feeds and webhook URLs often carry tokens there.
    package var description: String {
        switch self {
        case let .timeout(seconds, url): "fetch: timeout after \(seconds) s (\(Self.redact(url)))"
        case let .tooLarge(limit, url): "fetch: body larger than \(limit) bytes (\(Self.redact(url)))"
        case let .tooManyRedirects(url): "fetch: too many redirects (\(Self.redact(url)))"
        case let .unsupportedURL(url): "fetch: unsupported or malformed URL (\(Self.redact(url)))"
        case let .transport(code, message, url): "fetch: \(message) (curl \(code), \(Self.redact(url)))"
        case let .cancelled(url): "fetch: cancelled (\(Self.redact(url)))"
        case .engineStopped: "fetch: engine stopped"
        case let .mailRefused(reply, url): "smtp: the server refused the message with reply \(reply) (\(Self.redact(url)))"
        }
    }

    /// scheme://host[:port]/path, with a path of more than two segments shortened,
    /// since some services (chat webhooks) put the secret in the path itself.
    package static func redact(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme else { return "<url>" }
        if scheme == "file" { return "file://" + components.path }
        let host = (components.host ?? "") + (components.port.map { ":\($0)" } ?? "")
        let segments = components.path.split(separator: "/")
        let path = segments.count > 2 ? "/" + segments.prefix(2).joined(separator: "/") + "/…" : components.path
        return "\(scheme)://\(host)\(path)"
    }

    /// A short word that stays the same while the failure does, for logging once per change.
    package var kind: String {
        switch self {
        case .timeout: "timeout"
        case .tooLarge: "too-large"
        case .tooManyRedirects: "redirects"
        case .unsupportedURL: "bad-url"
        case let .transport(code, _, _): "curl-\(code)"
        case .cancelled: "cancelled"
        case .engineStopped: "stopped"
        case let .mailRefused(reply, _): "smtp-\(reply)"
        }
    }
}
