import Foundation
import Synchronization
import Testing
import TestSupport
import Model
import Store

/// Slack, Discord, Teams, ntfy and Matrix outputs against a loopback receiver that
/// checks the body shape each service documents, answers 429 once, and then accepts.
@Suite("Chat and push outputs to a real receiver")
struct ChatDeliveryTests {
    /// A receiver that rate-limits the first request the way `service` does, then accepts.
    static func receiver(limiting first: TestHTTPServer.Response) throws -> TestHTTPServer {
        let count = Mutex(0)
        return try TestHTTPServer { _ in
            let n = count.withLock { value -> Int in
                value += 1
                return value
            }
            return n == 1 ? first : .init(status: 200, text: "ok")
        }
    }

    static func run(output: String, server: TestHTTPServer, environment: [String: String] = [:]) async throws -> (TestHTTPServer.Request, String) {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "c1", title: "Erdoğan meets Hamas delegation",
                                             description: "ANKARA - President Recep Tayyip Erdoğan met a Hamas delegation on Saturday.")])
        try fixture.writeConfig(outputs: #"{"chat": \#(output)}"#, rules: #"[{"id": "turkey-hamas", "when": {"all": ["hamas", "erdogan"]}, "severity": "high"}]"#)
        let (status, _, stderr) = try await fixture.runOnce(environment: environment)
        #expect(status == 0, "\(stderr)")
        let requests = server.requests
        #expect(requests.count == 2, "one 429, then the same message again: \(requests.map(\.path))")
        #expect(requests.first?.bodyText == requests.last?.bodyText)
        return (try #require(requests.last), stderr)
    }

    @Test("Slack: text and blocks, the title linked; the webhook URL, a secret, never logged")
    func slack() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, headers: [("Retry-After", "1")], text: "rate_limited"))
        let url = "\(server.baseURL)/services/T000/B000/XXXX"
        let (request, stderr) = try await Self.run(output: #"{"type": "slack", "url": {"env": "SLACK_URL"}}"#, server: server,
                                                   environment: ["SLACK_URL": url])
        #expect(request.method == "POST" && request.path == "/services/T000/B000/XXXX")
        let body = try JSONReader.parse(request.bodyText)
        #expect(body["text"]?.stringValue == "[high] turkey-hamas: Erdoğan meets Hamas delegation")
        guard case let .array(blocks)? = body["blocks"], blocks.count == 2 else { Issue.record("no blocks"); return }
        #expect(blocks[0]["type"]?.stringValue == "section")
        #expect(blocks[0]["text"]?["type"]?.stringValue == "mrkdwn")
        let text = try #require(blocks[0]["text"]?["text"]?.stringValue)
        #expect(text.contains("<https://news.example.test/c1|Erdoğan meets Hamas delegation>"))
        #expect(text.contains("*Hamas*"))
        #expect(blocks[1]["type"]?.stringValue == "context")
        #expect(!stderr.contains(url))
    }

    @Test("Discord: content and one embed, no mention parsed; retry_after read from the body")
    func discord() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, text: #"{"message": "You are being rate limited.", "retry_after": 0.5, "global": false}"#))
        let (request, _) = try await Self.run(output: #"{"type": "discord", "url": "\#(server.baseURL)/api/webhooks/1/abc"}"#, server: server)
        let body = try JSONReader.parse(request.bodyText)
        let content = try #require(body["content"]?.stringValue)
        #expect(content.count <= 2000 && content.contains("turkey-hamas"))
        guard case let .array(embeds)? = body["embeds"], let embed = embeds.first else { Issue.record("no embed"); return }
        #expect(embed["title"]?.stringValue == "Erdoğan meets Hamas delegation")
        #expect(embed["url"]?.stringValue == "https://news.example.test/c1")
        guard case let .array(fields)? = embed["fields"] else { Issue.record("no fields"); return }
        #expect(fields.compactMap { $0["name"]?.stringValue }.sorted() == ["Hamas", "Recep Tayyip Erdoğan"])
        #expect(body["allowed_mentions"]?["parse"] == .array([]))
    }

    @Test("Teams: a message whose attachment is an Adaptive Card")
    func teams() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, headers: [("Retry-After", "1")], text: ""))
        let (request, _) = try await Self.run(output: #"{"type": "teams", "url": "\#(server.baseURL)/workflows/run"}"#, server: server)
        let body = try JSONReader.parse(request.bodyText)
        #expect(body["type"]?.stringValue == "message")
        guard case let .array(attachments)? = body["attachments"], let card = attachments.first else { Issue.record("no card"); return }
        #expect(card["contentType"]?.stringValue == "application/vnd.microsoft.card.adaptive")
        #expect(card["content"]?["type"]?.stringValue == "AdaptiveCard")
        #expect(card["content"]?["version"]?.stringValue == "1.4")
        guard case let .array(actions)? = card["content"]?["actions"] else { Issue.record("no action"); return }
        #expect(actions.first?["url"]?.stringValue == "https://news.example.test/c1")
    }

    @Test("ntfy: JSON publish with topic, title, message, click, priority from severity and tags; the token as Bearer")
    func ntfy() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, headers: [("Retry-After", "1")], text: "{}"))
        let (request, stderr) = try await Self.run(output: #"{"type": "ntfy", "url": "\#(server.baseURL)", "topic": "newsroom", "token": {"env": "NTFY_TOKEN"}}"#,
                                                   server: server, environment: ["NTFY_TOKEN": "tk_secret123"])
        #expect(request.path == "/")
        #expect(request.headers["authorization"] == "Bearer tk_secret123")
        let body = try JSONReader.parse(request.bodyText)
        #expect(body["topic"]?.stringValue == "newsroom")
        #expect(body["title"]?.stringValue == "Erdoğan meets Hamas delegation")
        #expect(body["click"]?.stringValue == "https://news.example.test/c1")
        #expect(body["priority"] == .int(4))
        #expect(body["tags"] == .array([.string("feedwatch"), .string("turkey-hamas")]))
        #expect(body["message"]?.stringValue?.contains("Hamas") == true)
        #expect(!stderr.contains("tk_secret123"))
    }

    @Test("Matrix: PUT under the alert id as transaction id, so a retry is the same transaction")
    func matrix() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, text: #"{"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 500}"#))
        let (request, _) = try await Self.run(output: #"{"type": "matrix", "homeserver": "\#(server.baseURL)", "room": "!ops:example.org", "token": "syt_abc"}"#,
                                              server: server)
        #expect(request.method == "PUT")
        #expect(request.path.hasPrefix("/_matrix/client/v3/rooms/%21ops%3Aexample.org/send/m.room.message/"))
        #expect(server.requests.map(\.path).count == 2 && Set(server.requests.map(\.path)).count == 1)
        #expect(request.headers["authorization"] == "Bearer syt_abc")
        let body = try JSONReader.parse(request.bodyText)
        #expect(body["msgtype"]?.stringValue == "m.text")
        #expect(body["format"]?.stringValue == "org.matrix.custom.html")
        #expect(body["formatted_body"]?.stringValue?.contains("<a href=\"https://news.example.test/c1\">") == true)
    }

    @Test("a grouped rule's digest is one message on every service, listing each alert")
    func digests() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "{}") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        let titles = ["Hamas names new negotiator", "Erdoğan calls for calm", "Hamas and Israel trade accusations"]
        try fixture.writeFeed(titles.enumerated().map { FeedText.Item(guid: "d\($0)", title: $1) })
        let base = server.baseURL
        try fixture.writeConfig(outputs: """
            {"slack": {"type": "slack", "url": "\(base)/slack"}, "discord": {"type": "discord", "url": "\(base)/discord"},
             "teams": {"type": "teams", "url": "\(base)/teams"}, "ntfy": {"type": "ntfy", "url": "\(base)", "topic": "desk"},
             "matrix": {"type": "matrix", "homeserver": "\(base)", "room": "!r:example.org", "token": "t"}}
            """, settings: #"{"dedup": false}"#, rules: #"[{"id": "desk", "when": {"any": ["hamas", "erdogan"]}, "group": {"wait": "1h"}}]"#)
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let requests = server.requests
        #expect(requests.count == 5, "one message per service: \(requests.map(\.path))")
        for request in requests {
            for title in titles { #expect(request.bodyText.contains(title), "\(request.path): \(request.bodyText)") }
            #expect(request.bodyText.contains("3 alerts"), "\(request.path)")
        }
    }

    @Test("a template of the output's own writes the message text")
    func customTemplate() async throws {
        let server = try Self.receiver(limiting: .init(status: 429, headers: [("Retry-After", "1")], text: ""))
        let output = #"{"type": "slack", "url": "\#(server.baseURL)/hook", "template": "ALERT {{rule}} on {{feedName}}: {{#matches}}[{{name}}]{{/matches}}"}"#
        let (request, _) = try await Self.run(output: output, server: server)
        let body = try JSONReader.parse(request.bodyText)
        guard case let .array(blocks)? = body["blocks"] else { Issue.record("no blocks"); return }
        let text = blocks.first?["text"]?["text"]?.stringValue ?? ""
        #expect(text.hasPrefix("ALERT turkey-hamas on Test feed: "))
        #expect(text.contains("[Hamas]") && text.contains("[Recep Tayyip Erdoğan]"))
    }

    @Test("a webhook that answers 404 is dead: one request, logged once, every alert kept as a dead delivery")
    func deadEndpoint() async throws {
        let server = try TestHTTPServer { _ in .init(status: 404, text: "Unknown Webhook") }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "d1", title: "Hamas statement"), FeedText.Item(guid: "d2", title: "Hamas rally"),
                               FeedText.Item(guid: "d3", title: "Hamas leader")])
        try fixture.writeConfig(outputs: #"{"chat": {"type": "discord", "url": "\#(server.baseURL)/api/webhooks/9/gone"}}"#)
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0)
        #expect(server.requests.count <= 2, "at most the deliveries already under way when the first 404 came")
        #expect(stderr.components(separatedBy: "output dead").count == 2)
        #expect(!stderr.contains("/api/webhooks/9/gone"))
        let store = try SQLiteStateStore(directory: fixture.scratch.path + "/state")
        #expect(try store.deliveryStates() == ["dead": 3])
    }
}
