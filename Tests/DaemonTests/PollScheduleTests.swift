import Foundation
import Synchronization
import Testing
@testable import Daemon
@testable import Fetch
import Store
import TestSupport

/// When a feed that answered is polled next, from the hints of the server and the feed.
@Suite("Poll schedule from hints")
struct PollScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func wait(_ hints: PollHints, interval: TimeInterval = 900, maxInterval: TimeInterval = 6 * 3600,
              adaptive: Bool = true) -> (TimeInterval, String) {
        let next = PollSchedule.next(interval: interval, maxInterval: maxInterval, hints: hints, adaptive: adaptive, jitter: 0.1,
                                     now: now, random: 0)
        return (next.at.timeIntervalSince(now), next.reason)
    }

    @Test("each hint stretches the interval, never shortens it, and says so")
    func stretches() {
        #expect(wait(PollHints()) == (900, "the interval"))
        #expect(wait(PollHints(maxAge: 7200)) == (7200, "Cache-Control or Expires"))
        #expect(wait(PollHints(maxAge: 60)) == (900, "the interval"))
        #expect(wait(PollHints(ttl: 3600)) == (3600, "the feed's ttl or sy:updatePeriod"))
        #expect(wait(PollHints(retryAfter: 5400)) == (5400, "Retry-After"))
        #expect(wait(PollHints(maxAge: 7200, retryAfter: 3600, ttl: 1800)).1 == "Cache-Control or Expires")
    }

    @Test("a feed a WebSub hub pushes is polled only at maxInterval, as a safety net")
    func pushed() {
        var hints = PollHints(maxAge: 60)
        hints.pushed = true
        #expect(wait(hints) == (6 * 3600, "WebSub pushes it; polled at maxInterval as a safety net"))
        #expect(wait(hints, interval: 12 * 3600).0 == 12 * 3600)
    }

    @Test("everything is held to maxInterval; an interval longer than maxInterval stays")
    func clamped() {
        #expect(wait(PollHints(maxAge: 86_400)) == (6 * 3600, "Cache-Control or Expires, held to maxInterval"))
        #expect(wait(PollHints(ttl: 30 * 86_400), interval: 12 * 3600).0 == 12 * 3600)
    }

    @Test("adaptive: a quiet feed waits maxInterval, a steady one its rhythm, one in a burst its interval")
    func adaptive() {
        let weekAgo = now.addingTimeInterval(-8 * 86_400)
        #expect(wait(PollHints(itemDates: [weekAgo])) == (6 * 3600, "no new item for a week"))
        let daily = (1...7).map { now.addingTimeInterval(-Double($0) * 86_400 + 3600) }
        #expect(wait(PollHints(itemDates: daily)).1 == "publishes 7 items a week, held to maxInterval")
        #expect(wait(PollHints(itemDates: daily)).0 == 6 * 3600)  // a day between items, held to maxInterval
        let hourly = (1...48).map { now.addingTimeInterval(-Double($0) * 3600) }
        #expect(wait(PollHints(itemDates: hourly)).0 == 7 * 86_400 / 48)
        let burst = [now.addingTimeInterval(-60)] + (1...3).map { now.addingTimeInterval(-Double($0) * 86_400 * 3) }
        #expect(wait(PollHints(itemDates: burst)) == (900, "the interval"))
        #expect(wait(PollHints(itemDates: [weekAgo]), adaptive: false) == (900, "the interval"))
        #expect(wait(PollHints(itemDates: [])) == (900, "the interval"))
    }

    @Test("Cache-Control max-age and Expires are read, no-cache is no freshness, nonsense is ignored", arguments: [
        (["cache-control": "public, max-age=3600"], 3600.0),
        (["cache-control": "max-age=\"120\", s-maxage=600"], 600),
        (["cache-control": "no-cache, max-age=3600"], 0),
        (["cache-control": "max-age=-5"], nil),
        (["cache-control": "max-age=99999999999999999999999"], 86_400),
        (["expires": "Sun, 06 Nov 1994 10:49:37 GMT", "date": "Sun, 06 Nov 1994 08:49:37 GMT"], 7200),
        (["expires": "0"], nil),
    ] as [([String: String], Double?)])
    func freshness(headers: [String: String], expected: Double?) {
        let response = HTTPResponse(status: 200, headers: headers, body: [], effectiveURL: "https://x.example/")
        #expect(response.freshness(now: now) == expected)
    }
}

@Suite("Poll schedule from a real server's hints")
struct PollScheduleServerTests {
    @Test("a feed sent with Cache-Control max-age is next polled after it, and its state says why")
    func maxAgeFromServer() async throws {
        let rss = FeedText.rss([FeedText.Item(guid: "1", title: "Weather")])
        let withTTL = rss.replacingOccurrences(of: "<channel>", with: "<channel><ttl>180</ttl>")
        let server = try TestHTTPServer { request in
            request.path == "/cached" ? .init(status: 200, headers: [("Cache-Control", "public, max-age=7200")], text: rss)
                : .init(status: 200, text: withTTL)
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
            {"settings": {"jitter": 0}, "watch": \(DaemonFixture.watch),
             "feeds": [{"id": "cached", "url": "\(server.baseURL)/cached"}, {"id": "ttl", "url": "\(server.baseURL)/ttl"}]}
            """)
        let started = Date()
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let store = try SQLiteStateStore(directory: fixture.scratch.file("state"))
        let cached = try #require(try store.feedState("cached"))
        let ttl = try #require(try store.feedState("ttl"))
        #expect(abs(cached.nextPollAt.timeIntervalSince(started) - 7200) < 60)
        #expect(cached.pollReason == "Cache-Control or Expires")
        #expect(abs(ttl.nextPollAt.timeIntervalSince(started) - 3 * 3600) < 60)
        #expect(ttl.pollReason == "the feed's ttl or sy:updatePeriod")
    }
}

@Suite("Politeness per site")
struct PolitenessTests {
    @Test("sites are registrable domains: two hosts of one site share a key, two sites of one suffix do not")
    func siteKeys() {
        #expect(Site.key(of: "https://feeds.bbci.co.uk/news/rss.xml") == "bbci.co.uk")
        #expect(Site.key(of: "https://www.bbc.co.uk/a") == Site.key(of: "https://bbc.co.uk/b"))
        #expect(Site.key(of: "https://a.github.io/feed") != Site.key(of: "https://b.github.io/feed"))
        #expect(Site.key(of: "http://127.0.0.1:8080/f") == "127.0.0.1")
        #expect(Site.key(of: "file:///tmp/feed.xml") == nil)
        #expect(Site.isPrivate(url: "http://127.0.0.1:8080/f") && Site.isPrivate(url: "http://192.168.1.5/f"))
        #expect(!Site.isPrivate(url: "https://feeds.bbci.co.uk/news/rss.xml"))
    }

    @Test("50 feeds on one server: never more than perSite requests in flight to it, and every feed polled")
    func perSiteLimit() async throws {
        let inFlight = Mutex((now: 0, most: 0))
        let rss = FeedText.rss([FeedText.Item(guid: "1", title: "Weather")])
        let server = try TestHTTPServer { _ in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            usleep(100_000)
            inFlight.withLock { $0.now -= 1 }
            return .init(status: 200, text: rss)
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        let feeds = (0..<50).map { #"{"id": "f\#($0)", "url": "\#(server.baseURL)/f\#($0)"}"# }.joined(separator: ",")
        try fixture.scratch.write("feeds.json", """
            {"settings": {"concurrency": 32, "perSite": 2}, "watch": \(DaemonFixture.watch), "feeds": [\(feeds)]}
            """)
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        #expect(Set(server.requests.map(\.path)).count == 50)
        #expect(inFlight.withLock { $0.most } == 2)
    }
}

@Suite("Moved and gone feeds")
struct MovedAndGoneTests {
    static func serve() throws -> TestHTTPServer {
        let rss = FeedText.rss([FeedText.Item(guid: "1", title: "Weather")])
        return try TestHTTPServer { request in
            switch request.path {
            case "/old": .init(status: 301, headers: [("Location", "/middle")], text: "")
            case "/middle": .init(status: 308, headers: [("Location", "/new")], text: "")
            case "/temp": .init(status: 302, headers: [("Location", "/new")], text: "")
            case "/mixed": .init(status: 301, headers: [("Location", "/temp")], text: "")
            case "/gone": .init(status: 410, text: "gone")
            case "/missing": .init(status: 404, text: "no")
            default: .init(status: 200, text: rss)
            }
        }
    }

    @Test("a 301/308 chain moves the feed in the state; 302 and a chain with one 302 in it do not")
    func moved() async throws {
        let server = try Self.serve()
        defer { server.stop() }
        let fixture = try DaemonFixture()
        let feeds = ["old", "temp", "mixed"].map { #"{"id": "\#($0)", "url": "\#(server.baseURL)/\#($0)"}"# }.joined(separator: ",")
        try fixture.scratch.write("feeds.json", #"{"watch": \#(DaemonFixture.watch), "feeds": [\#(feeds)]}"#)
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        #expect(stderr.components(separatedBy: "feed moved permanently").count - 1 == 1)
        let store = try SQLiteStateStore(directory: fixture.scratch.file("state"))
        #expect(try store.feedState("old")?.url == "\(server.baseURL)/new")
        #expect(try store.feedState("old")?.moved == true)
        #expect(try store.feedState("temp")?.url == "\(server.baseURL)/temp")
        #expect(try store.feedState("mixed")?.url == "\(server.baseURL)/mixed")
        // The next poll goes to the new URL straight away.
        let before = server.hits("/old")
        _ = try await fixture.runOnce(tag: "again")
        #expect(server.hits("/old") == before)
        #expect(server.hits("/mixed") == 2 && server.hits("/temp") == 4)  // /mixed leads through /temp
    }

    @Test("410 parks a feed at once; 404 parks it once it has failed for settings.failingAfter")
    func gone() async throws {
        let server = try Self.serve()
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
            {"settings": {"failingAfter": "1s"}, "watch": \(DaemonFixture.watch),
             "feeds": [{"id": "gone", "url": "\(server.baseURL)/gone"}, {"id": "missing", "url": "\(server.baseURL)/missing"}]}
            """)
        let started = Date()
        let (_, _, stderr) = try await fixture.runOnce()
        #expect(stderr.contains("feed parked"))
        var store = try SQLiteStateStore(directory: fixture.scratch.file("state"))
        let gone = try #require(try store.feedState("gone"))
        #expect(abs(gone.nextPollAt.timeIntervalSince(started) - 86_400) < 60)
        #expect(gone.pollReason?.hasPrefix("gone (HTTP 410)") == true)
        #expect(try store.feedState("missing")?.pollReason?.hasPrefix("back-off") == true)
        try await Task.sleep(nanoseconds: 1_200_000_000)
        _ = try await fixture.runOnce(tag: "later")
        store = try SQLiteStateStore(directory: fixture.scratch.file("state"))
        #expect(try store.feedState("missing")?.pollReason?.hasPrefix("failing (http-404) since") == true)
    }
}
