import Foundation
import Model

/// The chat and push services feedwatch posts to natively, each in the shape its
/// documentation gives.
public enum ChatService: String, Sendable, CaseIterable {
    /// Incoming webhook: `text` (the notification's fallback) plus `blocks`.
    case slack
    /// Webhook: `content` (at most 2,000 characters) plus one embed; mentions disabled.
    case discord
    /// Power Automate "Workflows" webhook: a message with one Adaptive Card attachment.
    case teams
    /// JSON publish to the server's root: topic, title, message, click, priority, tags.
    case ntfy
    /// Client-server API: PUT an `m.room.message` under a transaction id.
    case matrix
}

/// Where and how one chat output posts.
public struct ChatEndpoint: Sendable, Equatable {
    public var service: ChatService
    /// The webhook URL (Slack, Discord, Teams), the ntfy server, or the Matrix homeserver.
    public var url: String
    /// ntfy's topic.
    public var topic: String?
    /// Matrix's room id ("!abc:example.org").
    public var room: String?
    /// ntfy's access token, or Matrix's.
    public var token: String?

    public init(service: ChatService, url: String, topic: String? = nil, room: String? = nil, token: String? = nil) {
        self.service = service
        self.url = url
        self.topic = topic
        self.room = room
        self.token = token
    }

    /// One request for one alert.
    struct Request {
        var method: String
        var url: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    /// `text` is the message's main text, rendered by the output's template.
    func request(for message: AlertMessage, text: String) -> Request {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        switch service {
        case .slack: return Request(method: "POST", url: url, headers: headers, body: ChatBodies.slack(message, text: text))
        case .discord: return Request(method: "POST", url: url, headers: headers, body: ChatBodies.discord(message, text: text))
        case .teams: return Request(method: "POST", url: url, headers: headers, body: ChatBodies.teams(message, text: text))
        case .ntfy:
            return Request(method: "POST", url: url, headers: headers, body: ChatBodies.ntfy(message, text: text, topic: topic ?? ""))
        case .matrix:
            // The alert id is the transaction id: a retry of the same alert is the same
            // transaction, which the homeserver answers without posting twice.
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            let path = "/_matrix/client/v3/rooms/\(Self.pathSegment(room ?? ""))/send/m.room.message/\(Self.pathSegment(message.id))"
            return Request(method: "PUT", url: base + path, headers: headers, body: ChatBodies.matrix(message, text: text))
        }
    }

    /// Percent-encoded for one path segment (RFC 3986 §3.3): "!abc:example.org" → "%21abc%3Aexample.org".
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
