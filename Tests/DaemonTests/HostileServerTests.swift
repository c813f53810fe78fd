import Foundation
import Testing
import TestSupport
import Model

/// The values that once trapped the process, sent by a real server on loopback:
/// under systemd each was a crash loop. Now the daemon polls past them.
@Suite("Hostile servers never stop the daemon")
struct HostileServerTests {
    static let hostileFeed = FeedText.rss([
        FeedText.Item(guid: "ref", title: "Hamas &#xFFFFFFFFF; statement &#99999999999;"),
        FeedText.Item(guid: "date", title: "Hamas talks", pubDate: "Tue, 10 Jun 99999999999999999999 04:00:00 GMT"),
        FeedText.Item(guid: "iso", title: "Hamas envoy", pubDate: "0001-01-01T00:00:00+23:00"),
    ])
    static let hostileJSON = #"""
        {"version": "https://jsonfeed.org/version/1.1", "title": "j", "items": [
          {"id": "j1", "title": "Hamas in JSON", "date_published": 1e300},
          {"id": "j2", "title": "Hamas again", "date_modified": -1e300}]}
        """#

    /// 3 MB: past the size a body keeps in memory, so it is parsed as a stream from a temporary file.
    static let bigFeed = FeedText.rss((0..<1500).map { i in
        FeedText.Item(guid: "big-\(i)", title: i == 1499 ? "Hamas at the end of a big feed" : "Weather \(i)",
                      description: String(repeating: "Nothing to see here at all. ", count: 70))
    })

    @Test("overflowing headers, references and dates: run --once finishes and alerts on every good item")
    func survives() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/retry-seconds": .init(status: 503, headers: [("Retry-After", "99999999999999999999999999")], text: "busy")
            case "/retry-date": .init(status: 429, headers: [("Retry-After", "Sun, 06 Nov 4294969196 08:49:37 GMT")], text: "slow")
            case "/etag": .init(headers: [("ETag", "\"a\"\u{0B}\"b\""), ("Last-Modified", "Sun, 06 Nov 99999 08:49:37 GMT")],
                                text: FeedText.rss([FeedText.Item(guid: "e", title: "Hamas via etag")]))
            case "/json": .init(text: Self.hostileJSON)
            case "/big": .init(text: Self.bigFeed)
            default: .init(text: Self.hostileFeed)
            }
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        let feeds = ["/retry-seconds", "/retry-date", "/etag", "/json", "/feed", "/big"].enumerated().map { index, path in
            #"{"id": "h\#(index)", "url": "\#(server.baseURL)\#(path)"}"#
        }.joined(separator: ",")
        try fixture.scratch.write("feeds.json", """
            {"settings": {"retryBase": "1s", "onceDeliveryTimeout": "20s"}, "feeds": [\(feeds)],
             "watch": \(DaemonFixture.watch), "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
            """)
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let alerts = try fixture.alerts.map { try JSONReader.parse($0) }
        let items = Set(alerts.compactMap { $0["item"]?["id"]?.stringValue })
        #expect(items == ["ref", "date", "iso", "j1", "j2", "e", "big-1499"])
        // Unreadable dates are null, never "now" and never a year past 9999.
        for alert in alerts where !["e", "big-1499"].contains(alert["item"]?["id"]?.stringValue ?? "") {
            #expect(alert["item"]?["published"] == .null)
        }
        #expect(stderr.contains("feed failing"))
    }
}
