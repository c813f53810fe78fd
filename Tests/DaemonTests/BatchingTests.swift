import Foundation
import Logging
import Synchronization
import Testing
import TestSupport
import Daemon
import Fetch
import Model
import Store

/// Grouping, cooldown and digests, run in-process on a clock the test moves, against a
/// real webhook receiver and a real state directory.
@Suite("Grouped, cooled-down and digested rules")
struct BatchingTests {
    /// A daemon running in a task of its own until `stop`.
    struct Running {
        let task: Task<Void, any Error>
        let events: DaemonEvents
        func stop() async throws {
            events.post(.stop)
            try await task.value
        }
    }

    static func start(_ fixture: DaemonFixture, clock: TestClock) throws -> Running {
        let configuration = try ConfigLoader.load(path: fixture.scratch.file("feeds.json"))
        let events = DaemonEvents()
        let state = fixture.scratch.file("state")
        let task = Task {
            let store = try SQLiteStateStore(directory: state)
            let engine = FetchEngine(maxConnections: 8)
            defer { engine.shutdown() }
            let daemon = Daemon(configuration: configuration, store: store, engine: engine, logger: Logger(label: "test"),
                                events: events, clock: clock)
            try await daemon.run()
        }
        return Running(task: task, events: events)
    }

    /// The state as a second connection reads it while the daemon runs.
    static func held(_ fixture: DaemonFixture) -> Int {
        (try? SQLiteStateStore(directory: fixture.scratch.file("state")).heldAlerts()) ?? -1
    }

    static func items(_ titles: [String], prefix: String = "i") -> [FeedText.Item] {
        titles.enumerated().map { FeedText.Item(guid: "\(prefix)\($0)", title: $1) }
    }

    static let titles = ["Hamas names new negotiator for the talks", "Erdoğan calls for calm at the border",
                         "Hamas and Israel trade accusations over aid convoys"]

    static func config(_ fixture: DaemonFixture, server: TestHTTPServer, rule: String, interval: String = "1h") throws {
        try fixture.writeConfig(outputs: """
            {"hook": {"type": "webhook", "url": "\(server.baseURL)/hook"}, "slack": {"type": "slack", "url": "\(server.baseURL)/slack"}}
            """, settings: #"{"retryBase": "1s", "dedup": false}"#, rules: "[\(rule)]", interval: interval)
    }

    static func hooks(_ server: TestHTTPServer) -> [JSONValue] {
        server.requests.filter { $0.path == "/hook" }.compactMap { try? JSONReader.parse($0.body) }
    }

    static func ids(_ digest: JSONValue) -> [String] {
        guard case let .array(alerts)? = digest["alerts"] else { return [] }
        return alerts.compactMap { $0["id"]?.stringValue }
    }

    @Test("a daily digest at 08:00 Istanbul time holds every alert until then and sends them as one, to a webhook and to Slack")
    func dailyDigest() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "ok") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items(Self.titles))
        try Self.config(fixture, server: server, rule: """
            {"id": "morning", "when": {"any": ["hamas", "erdogan"]}, "digest": {"every": "1d", "at": "08:00", "timezone": "Europe/Istanbul"}}
            """)
        // 2026-12-07 07:59:00 in Istanbul (UTC+3).
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_619_540))
        let daemon = try Self.start(fixture, clock: clock)
        #expect(await eventually(seconds: 60) { Self.held(fixture) == 3 })
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(server.requests.isEmpty, "nothing goes out before 08:00")
        clock.advance(61)
        #expect(await eventually(seconds: 30) { server.requests.count == 2 })
        try await daemon.stop()

        let digest = try #require(Self.hooks(server).first)
        #expect(digest["kind"]?.stringValue == "digest")
        #expect(digest["mode"]?.stringValue == "digest")
        #expect(digest["rule"]?.stringValue == "morning")
        #expect(digest["count"]?.intValue == 3)
        #expect(Set(Self.ids(digest)).count == 3)
        #expect(digest["to"]?.stringValue == "2026-12-07T05:00:01Z")
        #expect(server.requests.first { $0.path == "/hook" }?.headers["webhook-id"] == digest["id"]?.stringValue)
        let slack = try #require(server.requests.first { $0.path == "/slack" })
        guard case let .array(blocks)? = try JSONReader.parse(slack.body)["blocks"] else { Issue.record("no blocks"); return }
        let text = blocks.first?["text"]?["text"]?.stringValue ?? ""
        for title in Self.titles { #expect(text.contains(title), "\(text)") }
        #expect(text.contains("3 alerts"))
        #expect(Self.held(fixture) == 0)
    }

    @Test("a cooldown sends the first alert at once and folds the rest of its hour into one summary at its end")
    func cooldown() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "ok") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items([Self.titles[0], Self.titles[2], "Hamas delegation arrives in Cairo"]))
        try Self.config(fixture, server: server, rule: #"{"id": "hamas-hourly", "when": "hamas", "cooldown": "1h", "notify": ["hook"]}"#)
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_619_540))
        let daemon = try Self.start(fixture, clock: clock)
        #expect(await eventually(seconds: 60) { server.requests.count == 1 && Self.held(fixture) == 2 })
        let first = try #require(Self.hooks(server).first)
        #expect(first["kind"] == nil, "the first alert goes out on its own")
        clock.advance(1800)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(server.requests.count == 1, "the summary waits for the window's end")
        clock.advance(1801)
        #expect(await eventually(seconds: 30) { server.requests.count == 2 })
        try await daemon.stop()
        let summary = try #require(Self.hooks(server).last)
        #expect(summary["kind"]?.stringValue == "digest")
        #expect(summary["mode"]?.stringValue == "cooldown")
        let summarized = Self.ids(summary)
        #expect(summarized.count == 2)
        #expect(!summarized.contains(first["id"]?.stringValue ?? ""))
    }

    @Test("grouping by watch: each group waits `wait`, then later alerts wait out `interval` after its notification")
    func grouping() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "ok") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items(Self.titles))
        try Self.config(fixture, server: server, rule: """
            {"id": "grouped", "when": {"any": ["hamas", "erdogan"]}, "notify": ["hook"], "group": {"by": ["watch"], "wait": "30s", "interval": "5m"}}
            """, interval: "1m")
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_619_540))
        let daemon = try Self.start(fixture, clock: clock)
        #expect(await eventually(seconds: 60) { Self.held(fixture) == 3 })
        clock.advance(31)
        #expect(await eventually(seconds: 30) { server.requests.count == 2 })
        let firstRound = Self.hooks(server)
        #expect(firstRound.map { $0["count"]?.intValue ?? 0 }.sorted() == [1, 2])  // Hamas twice, Erdoğan once

        // A new Hamas item, polled a minute later, waits out the group's 5-minute interval.
        try fixture.writeFeed(Self.items(Self.titles) + Self.items(["Hamas delegation arrives in Cairo"], prefix: "new"))
        clock.advance(61)
        #expect(await eventually(seconds: 30) { Self.held(fixture) == 1 })
        clock.advance(60)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(server.requests.count == 2)
        clock.advance(240)
        #expect(await eventually(seconds: 30) { server.requests.count == 3 })
        try await daemon.stop()
        let late = try #require(Self.hooks(server).last)
        #expect(late["count"]?.intValue == 1)
        let all = Self.hooks(server).flatMap(Self.ids)
        #expect(all.count == 4 && Set(all).count == 4, "each alert in exactly one notification")
    }

    @Test("kill -9 while a group waits: after a restart its alerts go out in one notification, once")
    func crashWhileWaiting() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "ok") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items(Self.titles))
        try Self.config(fixture, server: server, rule: """
            {"id": "grouped", "when": {"any": ["hamas", "erdogan"]}, "notify": ["hook"], "group": {"wait": "6s", "interval": "1m"}}
            """)
        let first = try fixture.start(tag: "first")
        #expect(await first.signal(SIGKILL, whenLogged: "alert fired", count: 3))
        #expect(await first.waitForExit(seconds: 5))
        #expect(!first.stderr.contains("digest queued"), "killed while the group waited")
        #expect(server.requests.isEmpty)
        #expect(Self.held(fixture) == 3, "held alerts survive the crash")

        let second = try fixture.start(tag: "second")
        #expect(await eventually(seconds: 40) { server.requests.count == 1 })
        try await Task.sleep(nanoseconds: 1_500_000_000)
        second.signal(SIGTERM)
        #expect(await second.waitForExit(seconds: 10))
        let (status, _, stderr) = try await fixture.runOnce(tag: "third")
        #expect(status == 0, "\(stderr)")
        #expect(server.requests.count == 1, "the notification went out once")
        let digest = try #require(Self.hooks(server).first)
        #expect(digest["kind"]?.stringValue == "digest")
        #expect(Set(Self.ids(digest)).count == 3)
        #expect(Self.held(fixture) == 0)
    }

    @Test("run --once sends what a group holds when it is done polling; a digest keeps its time for a later run")
    func once() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items(Self.titles))
        try fixture.writeConfig(outputs: #"{"archive": {"type": "file", "path": "alerts.jsonl"}, "console": {"type": "stdout"}}"#,
                                settings: #"{"dedup": false}"#, rules: """
            [{"id": "grouped", "when": "hamas", "group": {"wait": "1h"}},
             {"id": "daily", "when": "erdogan", "digest": {"at": "08:00"}}]
            """)
        let (status, stdout, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        // A readable stdout prints the notification's heading, then each alert's own line indented.
        let printed = stdout.split(separator: "\n").map(String.init)
        #expect(printed.count == 3, "\(stdout)")
        #expect(printed.first?.contains("grouped: 2 alerts from") == true)
        #expect(printed.dropFirst().allSatisfy { $0.hasPrefix("  ") && $0.contains("grouped: Hamas") })
        let lines = try fixture.alerts.map { try JSONReader.parse(Array($0.utf8)) }
        #expect(lines.count == 1)
        #expect(lines.first?["rule"]?.stringValue == "grouped")
        #expect(lines.first?["count"]?.intValue == 2)
        #expect(Self.held(fixture) == 1, "the digest's alert waits for 08:00")
    }
}
