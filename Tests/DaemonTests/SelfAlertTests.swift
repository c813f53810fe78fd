import Foundation
import Synchronization
import Testing
import TestSupport
import Model
@testable import Daemon

@Suite("Self-alerts")
struct SelfAlertTests {
    @Test("a feed failing for failingAfter alerts once, its recovery once; an output whose endpoint is gone alerts the others")
    func selfAlerts() async throws {
        let broken = Mutex(true)
        let rss = FeedText.rss([FeedText.Item(guid: "h1", title: "Hamas statement")])
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/chat": .init(status: 404, text: "no such webhook")
            default: broken.withLock { $0 } ? .init(status: 500, text: "oops") : .init(status: 200, text: rss)
            }
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
            {"settings": {"failingAfter": "1s", "selfAlerts": ["archive"], "onceDeliveryTimeout": "5s"},
             "watch": \(DaemonFixture.watch), "feeds": [{"id": "flaky", "url": "\(server.baseURL)/feed"}],
             "rules": [{"id": "hamas", "when": "hamas", "notify": ["chat"]}],
             "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}, "chat": {"type": "slack", "url": "\(server.baseURL)/chat"}}}
            """)
        _ = try await fixture.runOnce(tag: "first")
        #expect(fixture.alerts.isEmpty, "failing for less than failingAfter")
        try await Task.sleep(nanoseconds: 1_200_000_000)
        _ = try await fixture.runOnce(tag: "second")
        _ = try await fixture.runOnce(tag: "third")
        broken.withLock { $0 = false }
        let (status, _, stderr) = try await fixture.runOnce(tag: "fixed")
        #expect(status == 0, "\(stderr)")
        let alerts = try fixture.alerts.map { try JSONReader.parse(Array($0.utf8)) }
        let rules = alerts.compactMap { $0["rule"]?.stringValue }
        #expect(rules == ["feedwatch.feed-failing", "feedwatch.feed-recovered", "feedwatch.output-dead"], "\(rules)")
        #expect(alerts.first?["item"]?["title"]?.stringValue?.hasPrefix("Feed flaky failing since") == true)
        #expect(alerts.first?["feed"]?["id"]?.stringValue == "flaky")
        #expect(alerts.last?["item"]?["title"]?.stringValue?.hasPrefix("Output chat is dead") == true)
        #expect(server.hits("/chat") == 1, "the dead output is not told of its own death")
    }

    @Test("selfAlerts names outputs that exist")
    func unknownOutput() throws {
        let scratch = try Scratch()
        try scratch.write("feeds.json", #"{"feeds": [], "settings": {"selfAlerts": ["pager"]}}"#)
        #expect(throws: (any Error).self) { try ConfigLoader.load(path: scratch.file("feeds.json")) }
    }
}
