import Foundation
import Testing
import TestSupport
import Model

@Suite("run --once, end to end through the real executable")
struct RunOnceTests {
    static let items = [
        FeedText.Item(guid: "1", title: "Erdoğan meets Hamas delegation"),
        FeedText.Item(guid: "2", title: "Weather report"),
        FeedText.Item(guid: "3", title: "Hamas statement"),
    ]

    @Test("fires one alert per (rule, item) and none on a second run over the same feed")
    func restartDoesNotRepeat() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items)
        try fixture.writeConfig()
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let first = fixture.alerts
        #expect(first.count == 3)  // erdogan on 1, hamas on 1 and 3
        let (again, _, _) = try await fixture.runOnce(tag: "again")
        #expect(again == 0)
        #expect(fixture.alerts == first)
        // Deliveries run concurrently, so lines come in any order: find the erdogan alert.
        let alerts = try first.map { try JSONReader.parse($0) }
        let alert = try #require(alerts.first { $0["rule"]?.stringValue == "erdogan" })
        #expect(alert["item"]?["id"]?.stringValue == "1")
        #expect(alert["item"]?["link"]?.stringValue == "https://news.example.test/1")
        #expect(alert["matches"]?.serialized().contains(#""text":"Erdoğan","field":"title","start":0,"end":7"#) == true)
    }

    @Test("a file output written at record time: a file that cannot be written leaves its alerts to the outbox, which delivers them once")
    func inlineFileFallsBackToOutbox() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "Hamas statement")])
        // Retries at most 2 s apart: on a loaded runner many may fail before the directory appears.
        try fixture.writeConfig(outputs: #"{"archive": {"type": "file", "path": "out/alerts.jsonl"}}"#,
                                settings: #"{"retryBase": "1s", "maxRetryDelay": "2s", "onceDeliveryTimeout": "20s"}"#, interval: "1s")
        let daemon = try fixture.start()
        #expect(await eventually { daemon.stderr.contains("output failing") })
        #expect(fixture.scratch.lines("out/alerts.jsonl").isEmpty)
        try FileManager.default.createDirectory(atPath: fixture.scratch.file("out"), withIntermediateDirectories: true)
        #expect(await eventually(seconds: 15) { fixture.scratch.lines("out/alerts.jsonl").count == 1 })
        // Now writable: a new item's alert is written as its poll is recorded.
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "Hamas statement"), FeedText.Item(guid: "2", title: "Hamas again")])
        #expect(await eventually(seconds: 15) { fixture.scratch.lines("out/alerts.jsonl").count == 2 })
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 10))
        let ids = try fixture.scratch.lines("out/alerts.jsonl").map { try JSONReader.parse($0)["id"]?.stringValue }
        #expect(Set(ids).count == 2)
    }

    @Test("every alert says where its item came from: fetch time, status, URL after redirects, and the SHA-256 of its text")
    func provenance() async throws {
        let rss = FeedText.rss([FeedText.Item(guid: "p1", title: "Hamas statement")])
        let server = try TestHTTPServer { request in
            request.path == "/old" ? .init(status: 301, headers: [("Location", "/feed.xml")], text: "")
                : .init(status: 200, headers: [("Content-Type", "application/rss+xml")], text: rss)
        }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
        {"feeds": [{"id": "f", "url": "\(server.baseURL)/old"}], "watch": \(DaemonFixture.watch),
         "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
        """)
        let started = Date()
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let alert = try JSONReader.parse(try #require(fixture.alerts.first))
        let fetch = try #require(alert["fetch"])
        #expect(fetch["status"] == .int(200))
        #expect(fetch["url"]?.stringValue == "\(server.baseURL)/feed.xml")
        let at = try #require(fetch["at"]?.stringValue.flatMap { ISO8601DateFormatter().date(from: $0) })
        #expect(abs(at.timeIntervalSince(started)) < 60)
        // The hash, computed by Python's hashlib over the documented input.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import hashlib; print(hashlib.sha256('title\\tHamas statement\\n'.encode()).hexdigest())"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(fetch["itemHash"]?.stringValue == expected)
    }

    @Test("an edited item is evaluated again: a rule that now fires fires once, one that fired before never again")
    func editedItems() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "e1", title: "Hamas statement")])
        try fixture.writeConfig()
        _ = try await fixture.runOnce(tag: "first")
        #expect(fixture.alerts.count == 1)  // hamas
        try fixture.writeFeed([FeedText.Item(guid: "e1", title: "Hamas statement", description: "Recep Tayyip Erdoğan replied.")])
        _ = try await fixture.runOnce(tag: "edited")
        let rules = try fixture.alerts.map { try JSONReader.parse($0)["rule"]?.stringValue ?? "" }
        #expect(rules.sorted() == ["erdogan", "hamas"])
        try fixture.writeFeed([FeedText.Item(guid: "e1", title: "Hamas statement (updated)", description: "Recep Tayyip Erdoğan replied at length.")])
        _ = try await fixture.runOnce(tag: "edited-again")
        _ = try await fixture.runOnce(tag: "unchanged")
        #expect(fixture.alerts.count == 2)
    }

    @Test("a new feed does not flood: old items are recorded without alerts, undated items count as new")
    func backfill() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([
            FeedText.Item(guid: "old", title: "Hamas old news", pubDate: "Mon, 01 Jan 2001 00:00:00 GMT"),
            FeedText.Item(guid: "undated", title: "Hamas undated"),
            FeedText.Item(guid: "fresh", title: "Hamas fresh", pubDate: FeedTextDate.now()),
        ])
        try fixture.writeConfig()
        _ = try await fixture.runOnce()
        let titles = fixture.alerts.compactMap { try? JSONReader.parse($0)["item"]?["title"]?.stringValue }
        #expect(titles.sorted() == ["Hamas fresh", "Hamas undated"])
    }

    @Test("after the first poll, a newly published old-dated item does alert")
    func backfillOnlyOnFirstPoll() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "a", title: "Weather")])
        try fixture.writeConfig()
        _ = try await fixture.runOnce()
        try fixture.writeFeed([FeedText.Item(guid: "a", title: "Weather"),
                               FeedText.Item(guid: "b", title: "Hamas late", pubDate: "Mon, 01 Jan 2001 00:00:00 GMT")])
        _ = try await fixture.runOnce(tag: "second")
        #expect(fixture.alerts.count == 1)
    }

    @Test("the same article in two feeds alerts once")
    func twoFeeds() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "x1", title: "Hamas talks")], name: "a.xml")
        try fixture.scratch.write("b.xml", FeedText.rss([FeedText.Item(guid: "x1", title: "Hamas talks")]))
        try fixture.writeConfig(feeds: ["a.xml", "b.xml"])
        _ = try await fixture.runOnce()
        #expect(fixture.alerts.count == 1)
    }

    @Test("a broken feed fails alone; the others still alert")
    func brokenFeedFailsAlone() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "ok", title: "Hamas fine")])
        try fixture.scratch.write("html.xml", "<html><body>not a feed</body></html>")
        try fixture.scratch.write("junk.xml", String(repeating: "\u{0}\u{1}garbage", count: 100))
        try fixture.writeConfig(feeds: ["html.xml", "missing.xml", "junk.xml", "feed.xml"])
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0)
        #expect(fixture.alerts.count == 1)
        #expect(stderr.contains("feed failing"))
        #expect(stderr.components(separatedBy: "feed.id=f0").count == 2)  // logged once
    }
}

enum FeedTextDate {
    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date())
    }
}
