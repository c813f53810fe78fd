import Foundation
import Testing
import TestSupport
import Model

/// E-mail through libcurl's SMTP to a real SMTP server on loopback (aiosmtpd), with AUTH.
@Suite("E-mail to a real SMTP server")
struct EmailDeliveryTests {
    static let password = "s3cret-pa55"

    static func output(port: Int, extra: String = "") -> String {
        """
        {"mail": {"type": "email", "smtp": "smtp://127.0.0.1:\(port)", "from": "feedwatch@example.org",
                  "to": ["desk@example.org", "chief@example.org"], "username": "alerts",
                  "password": {"env": "SMTP_PASSWORD"}\(extra)}}
        """
    }

    static func parts(_ message: JSONValue) -> [String: String] {
        guard case let .array(parts)? = message["parts"] else { return [:] }
        return Dictionary(parts.compactMap { part in part["type"]?.stringValue.map { ($0, part["text"]?.stringValue ?? "") } },
                          uniquingKeysWith: { first, _ in first })
    }

    @Test("an alert is one message with a text and an HTML part; a 451 is retried; the password is never logged")
    func alert() async throws {
        let receiver = try SMTPReceiver(login: ("alerts", Self.password), refuseFirst: 1)
        defer { receiver.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "m1", title: "Erdoğan meets Hamas delegation",
                                             description: "ANKARA - President Recep Tayyip Erdoğan met a Hamas delegation on Saturday.")])
        try fixture.writeConfig(outputs: Self.output(port: receiver.port),
                                rules: #"[{"id": "turkey-hamas", "when": {"all": ["hamas", "erdogan"]}, "severity": "high"}]"#)
        let (status, _, stderr) = try await fixture.runOnce(environment: ["SMTP_PASSWORD": Self.password])
        #expect(status == 0, "\(stderr)")
        #expect(!stderr.contains(Self.password))
        #expect(stderr.contains("reply 451"), "the refusal is logged with its reply")
        let messages = try receiver.messages.map { try JSONReader.parse(Array($0.utf8)) }
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message["refusedBefore"]?.intValue == 1)
        #expect(message["from"]?.stringValue == "feedwatch@example.org")
        guard case let .array(to)? = message["to"] else { Issue.record("no recipients"); return }
        #expect(to.compactMap(\.stringValue) == ["desk@example.org", "chief@example.org"])
        #expect(message["login"]?.stringValue == "alerts")
        #expect(message["contentType"]?.stringValue == "multipart/alternative")
        let headers = message["headers"]
        #expect(headers?["Subject"]?.stringValue == "[high] turkey-hamas: Erdoğan meets Hamas delegation")
        #expect(headers?["Auto-Submitted"]?.stringValue == "auto-generated")
        #expect(message["raw"]?.stringValue?.contains("=?UTF-8?B?") == true, "a subject that is not ASCII is an encoded word")
        let parts = Self.parts(message)
        let text = try #require(parts["text/plain"])
        let html = try #require(parts["text/html"])
        #expect(text.contains("Recep Tayyip Erdoğan (person)"))
        #expect(text.contains("https://news.example.test/m1"))
        #expect(html.contains(#"<a href="https://news.example.test/m1">Erdoğan meets Hamas delegation</a>"#))
        #expect(html.contains("<mark>Erdoğan</mark>"))
        let messageID = try #require(headers?["Message-ID"]?.stringValue)
        #expect(messageID.hasPrefix("<") && messageID.hasSuffix("@example.org>") && messageID.count > 30)
    }

    @Test("a grouped rule sends one message listing every alert")
    func digest() async throws {
        let receiver = try SMTPReceiver(login: ("alerts", Self.password))
        defer { receiver.stop() }
        let fixture = try DaemonFixture()
        let titles = ["Hamas names new negotiator", "Erdoğan calls for calm at the border", "Hamas and Israel trade accusations"]
        try fixture.writeFeed(titles.enumerated().map { FeedText.Item(guid: "g\($0)", title: $1) })
        try fixture.writeConfig(outputs: Self.output(port: receiver.port), settings: #"{"dedup": false}"#,
                                rules: #"[{"id": "desk", "when": {"any": ["hamas", "erdogan"]}, "group": {"wait": "1h"}}]"#)
        let (status, _, stderr) = try await fixture.runOnce(environment: ["SMTP_PASSWORD": Self.password])
        #expect(status == 0, "\(stderr)")
        let messages = try receiver.messages.map { try JSONReader.parse(Array($0.utf8)) }
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message["headers"]?["Subject"]?.stringValue == "desk: 3 alerts")
        let parts = Self.parts(message)
        for title in titles {
            #expect(parts["text/plain"]?.contains(title) == true)
            #expect(parts["text/html"]?.contains(title) == true)
        }
    }

    @Test("a wrong password delivers nothing, keeps the alert, and never shows the password")
    func wrongPassword() async throws {
        let receiver = try SMTPReceiver(login: ("alerts", "the-right-one"))
        defer { receiver.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "w1", title: "Hamas statement")])
        try fixture.writeConfig(outputs: Self.output(port: receiver.port),
                                settings: #"{"retryBase": "1s", "onceDeliveryTimeout": "3s"}"#)
        let (status, _, stderr) = try await fixture.runOnce(environment: ["SMTP_PASSWORD": Self.password])
        #expect(status == 0)
        #expect(receiver.messages.isEmpty)
        #expect(!stderr.contains(Self.password))
        #expect(stderr.contains("alerts.pending=1"), "\(stderr)")
    }
}
