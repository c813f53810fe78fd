import Foundation
import Model

/// One e-mail as RFC 5322 and MIME (RFC 2045–2047) lay it out: a multipart/alternative
/// message with a plain-text part and an HTML part, each UTF-8 in base64, the subject an
/// encoded word when it is not ASCII. Header values are single lines: a feed's title
/// can never add a header of its own.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String
    /// The alert's or digest's id: the Message-ID, so a message sent twice can be seen to be one.
    public var id: String
    public var date: Date

    public init(from: String, to: [String], subject: String, text: String, html: String, id: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.id = id
        self.date = date
    }

    public var bytes: [UInt8] {
        let boundary = "feedwatch-" + Self.token(id)
        let domain = from.split(separator: "@").last.map { Self.token(String($0)) } ?? "feedwatch.invalid"
        var lines = [
            "From: \(Self.oneLine(from))",
            "To: \(to.map(Self.oneLine).joined(separator: ", "))",
            "Subject: \(Self.encodedWords(Self.oneLine(subject)))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(Self.token(id))@\(domain)>",
            "MIME-Version: 1.0",
            // RFC 3834 §5: machine-sent, so auto-responders stay quiet.
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(Array(body.utf8))
        }
        lines += ["--\(boundary)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// Control characters (CR and LF among them) become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// Letters, digits, dot, hyphen and underscore only: safe in a Message-ID or boundary.
    static func token(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }
        return kept.isEmpty ? "x" : String(String.UnicodeScalarView(kept))
    }

    /// RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters and never
    /// splitting a character; plain ASCII stays as it is.
    static func encodedWords(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return text }
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes of UTF-8 are 60 characters of base64: with "=?UTF-8?B?" and "?=", 72.
            if chunk.count + bytes.count > 45 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    private static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let text = Data(bytes).base64EncodedString()
        return stride(from: 0, to: text.count, by: 76).map { start in
            let from = text.index(text.startIndex, offsetBy: start)
            return String(text[from..<(text.index(from, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex)])
        }
    }

    /// "Mon, 07 Dec 2026 08:00:00 +0000" (RFC 5322 §3.3), always in UTC.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
