import Foundation

/// Where e-mail is submitted: an SMTP server (`smtps://host:465`, or `smtp://host:587`
/// with STARTTLS), the envelope's sender and recipients, and the login.
public struct MailServer: Sendable, Equatable {
    public var url: String
    public var from: String
    public var to: [String]
    public var username: String?
    public var password: String?

    public init(url: String, from: String, to: [String], username: String? = nil, password: String? = nil) {
        self.url = url
        self.from = from
        self.to = to
        self.username = username
        self.password = password
    }
}

/// How a submission ended.
public enum MailResult: Sendable, Equatable {
    case accepted
    /// The server answered with a 4xx or 5xx reply.
    case refused(reply: Int, reason: String)
    /// No answer: a refused connection, a timeout, a failed TLS handshake.
    case failed(reason: String)
}

/// Sends one message (RFC 5322 bytes, CRLF line ends) to an SMTP server. Daemon wires it
/// to the fetch engine, which owns every libcurl handle.
public protocol MailTransport: Sendable {
    func send(_ message: [UInt8], to server: MailServer, timeout: TimeInterval) async -> MailResult
}
