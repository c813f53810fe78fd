import Foundation

/// An SMTP submission through libcurl's own SMTP support (CURLOPT_MAIL_FROM(3),
/// CURLOPT_MAIL_RCPT(3), CURLOPT_USE_SSL(3)): who sends, to whom, with which login.
/// The request's URL names the server: `smtps://host:465` (TLS from the first byte) or
/// `smtp://host:587` (STARTTLS, required unless the host is this machine).
package struct MailEnvelope: Sendable {
    package var from: String
    package var recipients: [String]
    package var username: String?
    package var password: String?

    package init(from: String, recipients: [String], username: String? = nil, password: String? = nil) {
        self.from = from
        self.recipients = recipients
        self.username = username
        self.password = password
    }

    /// How a connection is protected.
    package enum Security: Equatable, Sendable {
        /// `smtps://`: TLS before any SMTP.
        case implicitTLS
        /// `smtp://` to another machine: STARTTLS or nothing is sent (a password never
        /// crosses the network in clear).
        case startTLSRequired
        /// `smtp://` to a loopback address: STARTTLS when the server offers it (a local relay).
        case startTLSIfOffered
    }

    package static func security(of url: String) -> Security {
        let components = URLComponents(string: url)
        if components?.scheme?.lowercased() == "smtps" { return .implicitTLS }
        let host = (components?.host ?? "").lowercased()
        return isLoopback(host) ? .startTLSIfOffered : .startTLSRequired
    }

    /// localhost, ::1, or an IPv4 address in 127.0.0.0/8 (a name that merely starts with "127." is not).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { $0.count <= 3 && !$0.isEmpty && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }
    }
}
