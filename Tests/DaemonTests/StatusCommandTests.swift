import Foundation
import Testing
import TestSupport
import Model

@Suite("feedwatch status")
struct StatusCommandTests {
    @Test("per feed its state, next poll and why; the outbox per output; while the daemon runs, without its lock")
    func status() async throws {
        let rss = FeedText.rss([FeedText.Item(guid: "s1", title: "Hamas statement on talks")])
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/gone": .init(status: 410, text: "gone")
            case "/broken": .init(status: 500, text: "oops")
            case "/hook": .init(status: 503, text: "down")
            default: .init(status: 200, headers: [("Cache-Control", "max-age=7200")], text: rss)
            }
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
            {"settings": {"jitter": 0, "onceDeliveryTimeout": "1s"}, "watch": \(DaemonFixture.watch),
             "feeds": [{"id": "good", "url": "\(server.baseURL)/good"}, {"id": "gone", "url": "\(server.baseURL)/gone"},
                       {"id": "broken", "url": "\(server.baseURL)/broken"}],
             "outputs": {"ops": {"type": "webhook", "url": "\(server.baseURL)/hook"}}}
            """)
        _ = try await fixture.runOnce()
        // A feed added to feeds.json that no daemon has taken up yet.
        try fixture.scratch.write("feeds2.json", fixture.scratch.read("feeds.json").replacingOccurrences(
            of: #"{"id": "broken""#, with: #"{"id": "later", "url": "\#(server.baseURL)/later"}, {"id": "broken""#))
        let daemon = try fixture.start()
        defer { daemon.signal(SIGTERM) }
        #expect(await eventually { daemon.stderr.contains("feedwatch started") })
        let (status, stdout, stderr) = try await FeedwatchProcess.run(["status", "--json", "--config", "feeds2.json", "--state-dir", "state"],
                                                                      in: fixture.scratch)
        #expect(status == 0, "\(stderr)")
        let report = try JSONReader.parse(Array(stdout.utf8))
        guard case let .array(feeds)? = report["feeds"], case let .array(outbox)? = report["outbox"] else {
            Issue.record("no feeds or outbox: \(stdout)")
            return
        }
        let byID = Dictionary(uniqueKeysWithValues: feeds.compactMap { feed in feed["id"]?.stringValue.map { ($0, feed) } })
        #expect(byID["good"]?["state"]?.stringValue == "ok")
        #expect(byID["good"]?["reason"]?.stringValue == "Cache-Control or Expires")
        #expect(byID["gone"]?["state"]?.stringValue == "parked")
        #expect(byID["broken"]?["state"]?.stringValue == "failing")
        #expect(byID["broken"]?["error"]?.stringValue == "http-500")
        #expect(byID["later"]?["state"]?.stringValue == "new")
        #expect(byID["good"]?["items"]?.intValue == 1 && byID["good"]?["alerts"]?.intValue == 1)
        #expect(byID["broken"]?["items"]?.intValue == 0 && byID["broken"]?["alerts"]?.intValue == 0)
        #expect(outbox.first?["output"]?.stringValue == "ops")
        #expect(outbox.first?["pending"]?.intValue == 1)
        let (_, table, _) = try await FeedwatchProcess.run(["status", "--config", "feeds2.json", "--state-dir", "state"], in: fixture.scratch)
        #expect(table.contains("feeds: 4 (1 ok, 1 failing, 1 parked, 1 not taken up yet)"), "\(table)")
        #expect(table.contains("Cache-Control or Expires"))
        // Fits 100 columns, failing feeds first, then parked, new, ok.
        let lines = table.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(table)")
        let order = ["broken", "gone", "later", "good"].compactMap { id in lines.firstIndex { $0.hasPrefix(id + " ") } }
        #expect(order.count == 4 && order == order.sorted(), "\(table)")
    }

    @Test("no state yet is a clear error, not a crash")
    func noState() async throws {
        let fixture = try DaemonFixture()
        let (status, _, stderr) = try await FeedwatchProcess.run(["status", "--state-dir", "nowhere"], in: fixture.scratch)
        #expect(status == 73)
        #expect(stderr.contains("no state here yet"))
    }
}
