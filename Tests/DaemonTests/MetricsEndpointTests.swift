import Foundation
import Logging
import Synchronization
import Testing
import TestSupport
@testable import Daemon
import Fetch
import Listener
import Model
import ServiceLifecycle
import Store

/// The daemon run in-process the way `feedwatch run` runs it (a service group: the local
/// listener, then the daemon), against real feeds and a real webhook receiver on loopback.
/// `/metrics` is scraped over HTTP and its counters compared with what the servers saw.
@Suite("Metrics, health and the service lifecycle")
struct MetricsEndpointTests {
    /// Prometheus text: the value of each series, by its name and labels as written.
    static func series(_ text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            values[String(line[..<space])] = value
        }
        return values
    }

    static func get(_ engine: FetchEngine, _ url: String) async throws -> (status: Int, text: String, type: String?) {
        let response = try await engine.perform(HTTPRequest(url: url, totalTimeout: 5))
        let type = response.headers.first { $0.key.lowercased() == "content-type" }?.value
        return (response.status, String(decoding: response.body, as: UTF8.self), type)
    }

    /// Scrapes until `done` holds for the figures (the gauges are read from the store every few seconds).
    static func scrape(_ engine: FetchEngine, port: Int, until done: ([String: Double]) -> Bool) async throws -> [String: Double] {
        let deadline = Date().addingTimeInterval(90)
        var figures: [String: Double] = [:]
        while Date() < deadline {
            figures = series(try await get(engine, "http://127.0.0.1:\(port)/metrics").text)
            if done(figures) { return figures }
            try await Task.sleep(for: .milliseconds(200))
        }
        return figures
    }

    @Test("/metrics counts the polls, items, alerts and deliveries that happened; /healthz and /readyz answer; a graceful shutdown stops both services")
    func countersEqualWhatHappened() async throws {
        let hookCalls = Mutex(0)
        let feed = FeedText.rss([
            .init(guid: "a1", title: "Hamas names a new negotiator for the talks"),
            .init(guid: "a2", title: "Hamas and Israel trade accusations over aid convoys"),
            .init(guid: "a3", title: "Mild weather expected across the region"),
        ])
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/a.xml":
                if request.headers["if-none-match"] == "\"v1\"" { return .init(status: 304) }
                return .init(status: 200, headers: [("ETag", "\"v1\""), ("Content-Type", "application/rss+xml")], text: feed)
            case "/hook":
                // The first delivery is refused for a second; the rest are taken.
                let call = hookCalls.withLock { calls in
                    calls += 1
                    return calls
                }
                return call == 1 ? .init(status: 503, headers: [("Retry-After", "1")], text: "busy") : .init(status: 200, text: "ok")
            default:
                return .init(status: 500, text: "broken")
            }
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
            {"settings": {"retryBase": "1s", "dedup": false, "listen": "127.0.0.1:0"},
             "feeds": [{"id": "a", "url": "\(server.baseURL)/a.xml", "interval": "1h"},
                       {"id": "b", "url": "\(server.baseURL)/b.xml", "interval": "1h"}],
             "watch": \(DaemonFixture.watch),
             "outputs": {"hook": {"type": "webhook", "url": "\(server.baseURL)/hook"},
                         "archive": {"type": "file", "path": "alerts.jsonl"}}}
            """)
        let configuration = try ConfigLoader.load(path: fixture.scratch.file("feeds.json"))
        let address = try #require(configuration.settings.listen)
        let engine = FetchEngine(maxConnections: 8)
        defer { engine.shutdown() }
        let exposition = PrometheusExposition()
        let readiness = Readiness(fetchAlive: { engine.isAlive() })
        let daemon = Daemon(configuration: configuration, store: try SQLiteStateStore(directory: fixture.scratch.file("state")),
                            engine: engine, logger: Logger(label: "test"), metrics: exposition.factory, readiness: readiness)
        let listener = LocalListener(address: address, endpoints: .init(metrics: exposition.text, readiness: readiness.reason))
        let port = Mutex<Int?>(nil)
        let group = DaemonService.group(daemon, listener: listener, logger: Logger(label: "test"), bound: { bound in
            port.withLock { $0 = bound }
        })
        let running = Task { try await group.run() }

        var bound: Int?
        for _ in 0..<1800 where bound == nil {
            try await Task.sleep(for: .milliseconds(50))
            bound = port.withLock { $0 }
        }
        let listening = try #require(bound)
        #expect(try await Self.get(engine, "http://127.0.0.1:\(listening)/healthz").status == 200)

        let figures = try await Self.scrape(engine, port: listening) {
            $0[#"feedwatch_deliveries_total{output="hook",result="delivered"}"#] == 2 && $0[#"feedwatch_outbox_pending{output="hook"}"#] == 0
                && $0[#"feedwatch_feeds{state="failing"}"#] == 1
        }
        let ready = try await Self.get(engine, "http://127.0.0.1:\(listening)/readyz")
        #expect(ready.status == 200 && ready.text == "ready\n")
        let scrape = try await Self.get(engine, "http://127.0.0.1:\(listening)/metrics")
        #expect(scrape.type?.hasPrefix("text/plain; version=0.0.4") == true)

        // Polls: every request for feed a was fetched or answered 304; every one for b failed.
        #expect(figures[#"feedwatch_polls_total{outcome="fetched"}"#].map(Int.init) == server.requests.filter { $0.path == "/a.xml" && $0.headers["if-none-match"] == nil }.count)
        #expect(figures[#"feedwatch_polls_total{outcome="not_modified"}"#].map(Int.init) == server.requests.filter { $0.path == "/a.xml" && $0.headers["if-none-match"] != nil }.count)
        #expect(figures[#"feedwatch_polls_total{outcome="failed"}"#].map(Int.init) == server.hits("/b.xml"))
        #expect(figures["feedwatch_fetch_duration_seconds_count"].map(Int.init) == server.hits("/a.xml") + server.hits("/b.xml"))
        #expect(figures[#"feedwatch_items_total{kind="new"}"#] == 3)
        // Alerts: the archive file holds each alert that fired, once.
        #expect(fixture.alerts.count == 2)
        #expect(figures[#"feedwatch_alerts_fired_total{rule="hamas"}"#] == 2)
        #expect(figures[#"feedwatch_alerts_fired_total{rule="erdogan"}"#] == 0)
        // Deliveries: the webhook's answers, one by one; the file took both alerts inline.
        let answers = server.hits("/hook")
        #expect(figures[#"feedwatch_deliveries_total{output="hook",result="retried"}"#].map(Int.init) == answers - 2)
        #expect(figures[#"feedwatch_deliveries_total{output="hook",result="dead"}"#] == 0)
        #expect(figures[#"feedwatch_deliveries_total{output="archive",result="delivered"}"#] == 2)
        #expect(figures["feedwatch_outbox_oldest_pending_seconds"] == 0)
        #expect(figures[#"feedwatch_feeds{state="ok"}"#] == 1)
        #expect(figures[#"feedwatch_build_info{version="\#(FetchEngine.version)"}"#] == 1)
        #expect(!figures.keys.contains { $0.contains("feed=") || $0.contains("feed_id") })

        // testGracefulShutdown: the group ends both services, and the listener stops answering.
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(readiness.reason() != nil)
        await #expect(throws: (any Error).self) { try await Self.get(engine, "http://127.0.0.1:\(listening)/healthz") }
    }

    @Test("/readyz answers 503 with its reason until the daemon has started, when the store cannot write, and when the fetch thread is gone")
    func readinessReasons() async throws {
        let fetchAlive = Mutex(true)
        let readiness = Readiness(fetchAlive: { fetchAlive.withLock { $0 } })
        let listener = LocalListener(address: ListenAddress(host: "127.0.0.1", port: 0),
                                     endpoints: .init(metrics: { [] }, readiness: readiness.reason))
        let port = Mutex<Int?>(nil)
        let engine = FetchEngine(maxConnections: 2)
        defer { engine.shutdown() }
        let service = listener.service(logger: Logger(label: "test")) { bound in port.withLock { $0 = bound } }
        let group = ServiceGroup(services: [service], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        var bound: Int?
        for _ in 0..<1800 where bound == nil {
            try await Task.sleep(for: .milliseconds(50))
            bound = port.withLock { $0 }
        }
        let url = "http://127.0.0.1:\(try #require(bound))/readyz"
        let starting = try await Self.get(engine, url)
        #expect(starting.status == 503 && starting.text.contains("not loaded"))
        readiness.started()
        #expect(try await Self.get(engine, url).status == 200)
        readiness.storeTrouble("disk I/O error")
        let trouble = try await Self.get(engine, url)
        #expect(trouble.status == 503 && trouble.text.contains("disk I/O error"))
        readiness.storeTrouble(nil)
        fetchAlive.withLock { $0 = false }
        let stuck = try await Self.get(engine, url)
        #expect(stuck.status == 503 && stuck.text.contains("fetch thread"))
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
