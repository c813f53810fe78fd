import Foundation
import Testing
@testable import Outputs

@Suite("MailMessage")
struct MailMessageTests {
    static func message(subject: String, from: String = "feedwatch@example.org") -> MailMessage {
        MailMessage(from: from, to: ["desk@example.org"], subject: subject, text: "plain ünïcode", html: "<p>x</p>", id: "abc123",
                    date: Date(timeIntervalSince1970: 1_796_626_800))
    }

    static func text(_ message: MailMessage) -> String { String(decoding: message.bytes, as: UTF8.self) }

    @Test("a line break in a feed's title cannot add a header")
    func headerInjection() {
        let text = Self.text(Self.message(subject: "Hamas\r\nBcc: victim@example.com\nX-Evil: 1"))
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Evil:") })
        #expect(headers.contains("Subject: Hamas  Bcc: victim@example.com X-Evil: 1"))
    }

    @Test("a subject that is not ASCII becomes encoded words of at most 75 characters, never splitting a character")
    func encodedWords() throws {
        let subject = String(repeating: "Erdoğan görüştü ", count: 8)
        let encoded = MailMessage.encodedWords(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded: [UInt8] = []
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Data(base64Encoded: base64))
            #expect(String(data: bytes, encoding: .utf8) != nil, "each word holds whole characters")
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
        #expect(MailMessage.encodedWords("plain ASCII") == "plain ASCII")
    }

    @Test("the message is multipart/alternative, CRLF throughout, base64 lines of at most 76 characters")
    func layout() {
        var message = Self.message(subject: "s")
        message.text = String(repeating: "long line of text ", count: 40)
        let text = Self.text(message)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"feedwatch-abc123\""))
        #expect(text.contains("Message-ID: <abc123@example.org>"))
        #expect(text.contains("Date: Mon, 07 Dec 2026 07:00:00 +0000"))
        #expect(text.components(separatedBy: "Content-Transfer-Encoding: base64").count == 3)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.count <= 998 })
        #expect(text.hasSuffix("--feedwatch-abc123--\r\n"))
    }
}
