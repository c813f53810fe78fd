import Foundation
import Logging
import Synchronization
import Testing
import TestSupport
@testable import Daemon
import Fetch
import Listener
import Model
import Store

/// WebSub end to end: the daemon in-process with its listener, a feed server whose Link
/// header names a hub, and a hub written here: it takes the subscription, verifies intent
/// at the callback, pushes signed content (and content signed wrongly), sees the lease
/// renewed, and verifies the unsubscription when the feed leaves the configuration.
@Suite("WebSub push")
struct WebSubTests {
    /// A form body's fields (application/x-www-form-urlencoded).
    static func form(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    static func until(_ seconds: TimeInterval = 90, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try condition()
    }

    static func freePort() throws -> Int {
        let probe = try TestHTTPServer { _ in .init() }
        defer { probe.stop() }
        return probe.port
    }

    static func config(port: Int, feedURL: String?) -> String {
        """
        {"settings": {"listen": "127.0.0.1:\(port)", "websub": {"callback": "http://127.0.0.1:\(port)/websub"}, "dedup": false},
         "feeds": [\(feedURL.map { #"{"id": "pushed", "url": "\#($0)", "interval": "1h"}"# } ?? "")],
         "watch": \(DaemonFixture.watch),
         "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
        """
    }

    /// The hub's subscription requests so far, as form fields.
    static func hubRequests(_ hub: TestHTTPServer) -> [[String: String]] {
        hub.requests.filter { $0.method == "POST" && $0.path == "/hub" }.map { form($0.body) }
    }

    @Test("subscribes at the hub the Link header names, confirms only its own intent, alerts on a signed push once, drops a badly signed one, renews and unsubscribes")
    func roundTrip() async throws {
        let hub = try TestHTTPServer { _ in .init(status: 202, text: "") }
        defer { hub.stop() }
        let hubURL = "\(hub.baseURL)/hub"
        let feeds = try TestHTTPServer { _ in
            // Two Link fields: the hub in one, the topic (self) in the other.
            .init(status: 200, headers: [("Link", "<\(hubURL)>; rel=\"hub\""), ("Link", "</topic.xml>; rel=\"self\"")],
                  text: FeedText.rss([.init(guid: "old", title: "Mild weather expected across the region")]))
        }
        defer { feeds.stop() }
        let topic = "\(feeds.baseURL)/topic.xml"
        let port = try Self.freePort()
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", Self.config(port: port, feedURL: "\(feeds.baseURL)/feed.xml"))

        let configuration = try ConfigLoader.load(path: fixture.scratch.file("feeds.json"))
        let engine = FetchEngine(maxConnections: 8)
        defer { engine.shutdown() }
        let events = DaemonEvents()
        let daemon = Daemon(configuration: configuration, store: try SQLiteStateStore(directory: fixture.scratch.file("state")),
                            engine: engine, logger: Logger(label: "test"), events: events)
        let listener = LocalListener(address: try #require(configuration.settings.listen),
                                     endpoints: .init(metrics: { [] }, readiness: { nil }, webSub: daemon.webSubRoutes))
        let group = DaemonService.group(daemon, listener: listener, logger: Logger(label: "test"))
        let running = Task { try await group.run() }

        // 1. Subscription: the hub from the Link header, the topic from rel="self", a secret, a lease.
        #expect(try await Self.until { !Self.hubRequests(hub).isEmpty })
        let request = try #require(Self.hubRequests(hub).first)
        #expect(request["hub.mode"] == "subscribe")
        #expect(request["hub.topic"] == topic)
        #expect(request["hub.lease_seconds"] == "864000")
        let callback = try #require(request["hub.callback"])
        let secret = try #require(request["hub.secret"])
        #expect(callback.hasPrefix("http://127.0.0.1:\(port)/websub/") && secret.count >= 32)

        // 2. Verification of intent: only the topic and mode asked for are confirmed.
        func verify(_ mode: String, topic: String, challenge: String, lease: Int = 3) async throws -> (Int, String) {
            let url = "\(callback)?hub.mode=\(mode)&hub.topic=\(HubRequest.formEncoded(topic))&hub.challenge=\(challenge)&hub.lease_seconds=\(lease)"
            let answer = try await engine.perform(HTTPRequest(url: url, totalTimeout: 5))
            return (answer.status, String(decoding: answer.body, as: UTF8.self))
        }
        #expect(try await verify("subscribe", topic: "\(feeds.baseURL)/other.xml", challenge: "c0").0 == 404)
        #expect(try await verify("unsubscribe", topic: topic, challenge: "c1").0 == 404)
        let confirmed = try await verify("subscribe", topic: topic, challenge: "c2-challenge", lease: 60)
        #expect(confirmed.0 == 200 && confirmed.1 == "c2-challenge")

        // 3. A signed push alerts, once, through the same dedup and outbox as a poll.
        func push(_ titles: [String], sign: (String, String)?) async throws -> Int {
            let body = Array(FeedText.rss(titles.enumerated().map { .init(guid: "p-\($1)", title: $1) }).utf8)
            var headers = [(name: "Content-Type", value: "application/rss+xml")]
            if let (algorithm, key) = sign {
                headers.append((name: "X-Hub-Signature", value: "\(algorithm)=" + (try IndependentHMAC.hex(algorithm, key: key, message: body))))
            }
            let answer = try await engine.perform(HTTPRequest(url: callback, method: .post, headers: headers, body: body, totalTimeout: 5))
            return answer.status
        }
        let first = "Hamas names a new negotiator for the talks"
        #expect(try await push([first], sign: ("sha256", secret)) == 202)
        #expect(try await Self.until { fixture.alerts.count == 1 })
        #expect(fixture.alerts.first?.contains("p-\(first)") == true)

        // 4. Wrongly signed and unsigned pushes are acknowledged and dropped; the same push again fires nothing.
        #expect(try await push(["Hamas and Israel trade accusations over aid convoys"], sign: ("sha256", "not-the-secret")) == 202)
        #expect(try await push(["Hamas rejects the proposal"], sign: nil) == 202)
        #expect(try await push([first], sign: ("sha1", secret)) == 202)
        let last = "Erdoğan calls for calm at the border"
        #expect(try await push([last], sign: ("sha512", secret)) == 202)
        #expect(try await Self.until { fixture.alerts.count == 2 })
        try await Task.sleep(for: .seconds(1.5))
        #expect(fixture.alerts.count == 2)
        #expect(fixture.alerts.last?.contains("p-\(last)") == true)

        // 5. Renewal: a lease of 5 s is renewed a fifth before its end, with the same callback and secret.
        #expect(try await verify("subscribe", topic: topic, challenge: "c3", lease: 5).0 == 200)
        #expect(try await Self.until { Self.hubRequests(hub).count >= 2 })
        let renewal = try #require(Self.hubRequests(hub).dropFirst().first)
        #expect(renewal["hub.mode"] == "subscribe" && renewal["hub.callback"] == callback && renewal["hub.secret"] == secret)

        // 6. The feed leaves the configuration: unsubscribed, verified, forgotten; later pushes are 410 Gone.
        try fixture.scratch.write("feeds.json", Self.config(port: port, feedURL: nil))
        events.post(.reload)
        #expect(try await Self.until { Self.hubRequests(hub).contains { $0["hub.mode"] == "unsubscribe" } })
        let unsubscribe = try #require(Self.hubRequests(hub).last { $0["hub.mode"] == "unsubscribe" })
        #expect(unsubscribe["hub.callback"] == callback && unsubscribe["hub.topic"] == topic && unsubscribe["hub.secret"] == nil)
        let gone = try await verify("unsubscribe", topic: topic, challenge: "c4")
        #expect(gone.0 == 200 && gone.1 == "c4")
        #expect(try await Self.until { try SQLiteStateStore.reading(directory: fixture.scratch.file("state")).webSubSubscriptions().isEmpty })
        #expect(try await push([first], sign: ("sha256", secret)) == 410)

        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test("the hub comes from the Link header first, else from the feed's own links; the topic is rel=self, else the feed URL")
    func discovery() {
        var feed = Feed(format: .atom10)
        feed.hubs = ["https://document-hub.example/"]
        feed.selfLink = "https://example.org/self.xml"
        let fromHeader = HubDiscovery.find(linkHeader: #"</hub>; rel="hub", <https://example.org/t>; rel="self""#, feed: feed,
                                           url: "https://example.org/feed")
        #expect(fromHeader == HubDiscovery(hub: "https://example.org/hub", topic: "https://example.org/t"))
        #expect(HubDiscovery.find(linkHeader: nil, feed: feed, url: "https://example.org/feed")
            == HubDiscovery(hub: "https://document-hub.example/", topic: "https://example.org/self.xml"))
        feed.selfLink = nil
        #expect(HubDiscovery.find(linkHeader: #"<https://x.example/a>; rel="alternate""#, feed: feed, url: "https://example.org/feed")?.topic
            == "https://example.org/feed")
        #expect(HubDiscovery.find(linkHeader: nil, feed: Feed(format: .rss20), url: "https://example.org/feed") == nil)
    }

    @Test("X-Hub-Signature is checked by its method, and anything malformed is not valid", arguments: ["sha1", "sha256", "sha384", "sha512"])
    func signatures(_ algorithm: String) throws {
        let body = Array("<feed/>".utf8)
        let good = try IndependentHMAC.hex(algorithm, key: "s3cret", message: body)
        #expect(HubSignature.isValid("\(algorithm)=\(good)", secret: "s3cret", body: body))
        #expect(HubSignature.isValid("\(algorithm.uppercased())=\(good.uppercased())", secret: "s3cret", body: body))
        #expect(!HubSignature.isValid("\(algorithm)=\(good)", secret: "other", body: body))
        #expect(!HubSignature.isValid("\(algorithm)=\(good)", secret: "s3cret", body: body + [10]))
        #expect(!HubSignature.isValid("\(algorithm)=\(good.dropLast())", secret: "s3cret", body: body))
        #expect(!HubSignature.isValid("md5=\(good)", secret: "s3cret", body: body))
        #expect(!HubSignature.isValid(good, secret: "s3cret", body: body))
        #expect(!HubSignature.isValid(nil, secret: "s3cret", body: body))
    }
}
