import Foundation
import Testing
import Model
@testable import Outputs

@Suite("Chat message bodies")
struct ChatBodiesTests {
    static func alertJSON(rule: String = "r", title: String = "Talks <in> Doha & more", summary: String) -> String {
        let alert = Alert(
            id: "a1", rule: rule, severity: "critical", firedAt: Date(timeIntervalSince1970: 1_700_000_000),
            feed: .init(id: "wire", url: "https://e.example/feed", title: "Wire"),
            item: .init(id: "g", title: title, link: "https://e.example/1", published: nil, summary: summary),
            matches: [WatchMatch(watch: "hamas", name: "Hamas", type: "organization",
                                 mentions: [Mention(text: "Hamas", field: .summary, start: 100, end: 105)])],
            entities: [])
        return alert.jsonText
    }

    @Test("a mention is shown with at most 60 characters of its field on each side")
    func context() throws {
        let summary = String(repeating: "a", count: 100) + "Hamas" + String(repeating: "b", count: 100)
        let message = try #require(AlertMessage(json: Self.alertJSON(summary: summary)))
        let match = try #require(message.matches.first)
        #expect(match.words == "Hamas")
        #expect(match.before == "…" + String(repeating: "a", count: 60))
        #expect(match.after == String(repeating: "b", count: 60) + "…")
        #expect(message.headline == "[critical] r: Talks <in> Doha & more")
    }

    @Test("offsets outside the field fall back to the mention's own words")
    func offsetsOutside() throws {
        let message = try #require(AlertMessage(json: Self.alertJSON(summary: "short")))
        #expect(message.matches.first.map { $0.before + $0.words + $0.after } == "Hamas")
        #expect(AlertMessage(json: "not json") == nil)
    }

    @Test("Slack text is escaped, Discord's content is clipped to 2,000 characters and its markdown escaped")
    func limitsAndEscapes() throws {
        let message = try #require(AlertMessage(json: Self.alertJSON(rule: String(repeating: "r", count: 3000), summary: "x")))
        let long = String(repeating: "x", count: 5000)
        let discord = try JSONReader.parse(ChatBodies.discord(message, text: long))
        #expect(discord["content"]?.stringValue?.count == 2000)
        #expect(ChatBodies.discordEscaped("*bold* _x_ @everyone") == "\\*bold\\* \\_x\\_ @everyone")
        let slack = try JSONReader.parse(ChatBodies.slack(message, text: long))
        guard case let .array(blocks)? = slack["blocks"], let text = blocks.first?["text"]?["text"]?.stringValue else {
            Issue.record("no section")
            return
        }
        #expect(text.count <= 3000)
        #expect(ChatBodies.slackEscaped("a <b> & c|d", inLink: true) == "a &lt;b&gt; &amp; c¦d")
    }

    @Test("ntfy priority follows the rule's severity", arguments: [("critical", 5), ("high", 4), ("medium", 3), (nil, 3), ("low", 2), ("info", 1)])
    func priority(severity: String?, priority: Int) {
        #expect(ChatBodies.ntfyPriority(severity) == priority)
    }

    @Test("a 429's wait comes from Retry-After, else Discord's retry_after, else Matrix's retry_after_ms")
    func retryAfter() {
        #expect(ChatOutput.retryAfter(WebhookResponse(status: 429, retryAfter: 3, body: Array(#"{"retry_after": 9}"#.utf8))) == 3)
        #expect(ChatOutput.retryAfter(WebhookResponse(status: 429, retryAfter: nil, body: Array(#"{"retry_after": 1.5}"#.utf8))) == 1.5)
        #expect(ChatOutput.retryAfter(WebhookResponse(status: 429, retryAfter: nil, body: Array(#"{"retry_after_ms": 2500}"#.utf8))) == 2.5)
        #expect(ChatOutput.retryAfter(WebhookResponse(status: 429, retryAfter: nil, body: Array("slow down".utf8))) == nil)
    }

    @Test("a template renders the alert JSON and the words in context, escaped for the service's markup")
    func template() throws {
        let json = Self.alertJSON(summary: String(repeating: "a", count: 100) + "Hamas" + " said")
        let alert = try JSONReader.parse(json)
        let message = try #require(AlertMessage(alert))
        let slack = try MessageTemplate("{{rule}} | {{title}} | {{#matches}}{{name}}={{words}}{{after}}{{/matches}} | {{feed.id}} {{missing}}", markup: .slack)
        #expect(slack.render(alert, message) == "r | Talks &lt;in&gt; Doha &amp; more | Hamas=Hamas said | wire")
        let discord = try MessageTemplate("**{{title}}** {{{item.link}}}", markup: .discord)
        #expect(discord.render(alert, message) == "**Talks <in\\> Doha & more** https://e.example/1")
        #expect(throws: (any Error).self) { try MessageTemplate("{{#matches}}unclosed", markup: .text) }
        let standard = try MessageTemplate(MessageTemplate.standard(for: .slack), markup: .slack)
        #expect(standard.render(alert, message).hasPrefix("*[critical] r: <https://e.example/1|Talks &lt;in&gt; Doha &amp; more>*"))
    }
}
