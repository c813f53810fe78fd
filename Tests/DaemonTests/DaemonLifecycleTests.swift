import Foundation
import InMemoryLogging
import Logging
import Synchronization
import Testing
import TestSupport
@testable import Daemon
import Fetch
import Model
import ServiceLifecycle
import Store

/// The daemon in-process, as `feedwatch run` runs it (a service group), on a clock the test
/// moves and with swift-log's in-memory handler: it waits on that clock until its next due
/// feed (no fixed tick), backs off a failing feed, reloads, and shuts down gracefully.
@Suite("The daemon's schedule and lifecycle, in-process")
struct DaemonLifecycleTests {
    struct Running {
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let events: DaemonEvents
        let log: InMemoryLogHandler
        let clock: TestClock

        func messages(_ text: String) -> Int { log.entries.filter { $0.message.description == text }.count }

        func stop() async throws {
            await group.triggerGracefulShutdown()
            try await task.value
        }
    }

    static func start(_ fixture: DaemonFixture) throws -> Running {
        let configuration = try ConfigLoader.load(path: fixture.scratch.file("feeds.json"))
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let log = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in log })
        let events = DaemonEvents()
        let engine = FetchEngine(maxConnections: 8)
        let daemon = Daemon(configuration: configuration, store: try SQLiteStateStore(directory: fixture.scratch.file("state")),
                            engine: engine, logger: logger, events: events, clock: clock)
        let group = DaemonService.group(daemon, listener: nil, logger: logger)
        let task = Task {
            defer { engine.shutdown() }
            try await group.run()
        }
        return Running(group: group, task: task, events: events, log: log, clock: clock)
    }

    /// Waits, in real time, for something the daemon does by itself.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<900 where !condition() { try await Task.sleep(for: .milliseconds(100)) }
        return condition()
    }

    /// Waits until the loop is parked on the test clock with nothing under way.
    static func settled(_ running: Running) async throws {
        var quiet = 0
        for _ in 0..<900 where quiet < 3 {
            quiet = running.clock.sleeping > 0 ? quiet + 1 : 0
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func config(_ fixture: DaemonFixture, feeds: [(String, String)], outputs: String = #"{"archive": {"type": "file", "path": "alerts.jsonl"}}"#) throws {
        let list = feeds.map { #"{"id": "\#($0.0)", "url": "\#($0.1)", "interval": "1h"}"# }.joined(separator: ", ")
        try fixture.scratch.write("feeds.json", """
            {"settings": {"jitter": 0, "adaptive": false, "retryBase": "1s"}, "feeds": [\(list)],
             "watch": \(DaemonFixture.watch), "outputs": \(outputs)}
            """)
    }

    @Test("a feed is polled again once its interval has passed on the clock, not before, and not on a tick")
    func schedule() async throws {
        let server = try TestHTTPServer { request in
            request.headers["if-none-match"] == "\"v1\"" ? .init(status: 304)
                : .init(status: 200, headers: [("ETag", "\"v1\"")], text: FeedText.rss([.init(guid: "s1", title: "Hamas statement")]))
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try Self.config(fixture, feeds: [("news", "\(server.baseURL)/feed.xml")])
        let running = try Self.start(fixture)
        #expect(try await Self.eventually { server.hits("/feed.xml") == 1 && fixture.alerts.count == 1 })
        try await Self.settled(running)
        // Real time passes, the clock does not: nothing is due, nothing is polled.
        try await Task.sleep(for: .seconds(1))
        running.clock.advance(59 * 60)
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.hits("/feed.xml") == 1)
        running.clock.advance(61)
        #expect(try await Self.eventually { server.hits("/feed.xml") == 2 })
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
        try await running.stop()
        #expect(running.messages("feedwatch stopped") == 1)
    }

    @Test("a failing feed backs off, is logged once while it fails, and once when it recovers")
    func backOff() async throws {
        let healthy = Mutex(false)
        let server = try TestHTTPServer { _ in
            healthy.withLock { $0 } ? .init(status: 200, text: FeedText.rss([.init(guid: "b1", title: "Mild weather")]))
                : .init(status: 500, text: "down")
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try Self.config(fixture, feeds: [("flaky", "\(server.baseURL)/feed.xml")])
        let running = try Self.start(fixture)
        #expect(try await Self.eventually { server.hits("/feed.xml") == 1 })
        for attempt in 2...4 {
            try await Self.settled(running)
            running.clock.advance(3601)  // past any back-off (maxFeedBackoff is an hour)
            #expect(try await Self.eventually { server.hits("/feed.xml") == attempt })
        }
        let state = try #require(try SQLiteStateStore.reading(directory: fixture.scratch.file("state")).feedState("flaky"))
        #expect(state.failures >= 3)
        #expect(running.messages("feed failing") == 1)
        healthy.withLock { $0 = true }
        try await Self.settled(running)
        running.clock.advance(3601)
        #expect(try await Self.eventually { running.messages("feed recovered") == 1 })
        try await running.stop()
    }

    @Test("a reload takes up a new feed at once and logs it; a bad configuration is refused and the running one kept")
    func reload() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: FeedText.rss([.init(guid: "r1", title: "Hamas statement")])) }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try Self.config(fixture, feeds: [("first", "\(server.baseURL)/first.xml")])
        let running = try Self.start(fixture)
        #expect(try await Self.eventually { server.hits("/first.xml") == 1 })
        try await Self.settled(running)
        try Self.config(fixture, feeds: [("first", "\(server.baseURL)/first.xml"), ("second", "\(server.baseURL)/second.xml")])
        running.events.post(.reload)
        #expect(try await Self.eventually { server.hits("/second.xml") == 1 })
        #expect(running.messages("configuration reloaded") == 1)
        try fixture.scratch.write("feeds.json", #"{"feeds": [{"url": "gopher://nope"}]}"#)
        running.events.post(.reload)
        #expect(try await Self.eventually { running.messages("configuration rejected, keeping the running one") >= 1 })
        #expect(server.hits("/first.xml") == 1)
        try await running.stop()
    }

    @Test("testGracefulShutdown: a shutdown does not wait for a receiver that hangs, and the alert stays queued, never lost")
    func gracefulShutdown() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/hook" ? TestHTTPServer.Response(status: 200, text: "ok").stalled(60)
                : .init(status: 200, text: FeedText.rss([.init(guid: "g1", title: "Hamas statement on talks")]))
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try Self.config(fixture, feeds: [("news", "\(server.baseURL)/feed.xml")],
                        outputs: #"{"hook": {"type": "webhook", "url": "\#(server.baseURL)/hook"}}"#)
        let running = try Self.start(fixture)
        #expect(try await Self.eventually { server.hits("/hook") == 1 })
        let started = Date()
        try await running.stop()
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(running.messages("feedwatch stopped") == 1)
        #expect(try SQLiteStateStore.reading(directory: fixture.scratch.file("state")).pendingDeliveries() == 1)
    }
}
