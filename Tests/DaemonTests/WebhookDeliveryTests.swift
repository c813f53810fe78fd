import Foundation
import Synchronization
import Testing
import TestSupport
import Model

@Suite("Webhook delivery to a real receiver")
struct WebhookDeliveryTests {
    static let secret = "whsec_" + Data("feedwatch test secret, 32 bytes!".utf8).base64EncodedString()

    static func webhookOutputs(_ server: TestHTTPServer) -> String {
        #"{"ops": {"type": "webhook", "url": "\#(server.baseURL)/hook", "secret": {"env": "OPS_SECRET"}}}"#
    }

    @Test("retries a refusing receiver with backoff and Retry-After, then delivers once, signed")
    func retriesThenDelivers() async throws {
        let attempts = Mutex(0)
        let server = try TestHTTPServer { _ in
            let attempt = attempts.withLock { count -> Int in
                count += 1
                return count
            }
            switch attempt {
            case 1: return .init(status: 503, text: "down")
            case 2: return .init(status: 429, headers: [("Retry-After", "1")], text: "slow down")
            default: return .init(status: 200, text: "ok")
            }
        }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "w1", title: "Hamas and Erdoğan")])
        try fixture.writeConfig(outputs: Self.webhookOutputs(server), rules: #"[{"id": "both", "when": {"all": ["hamas", "erdogan"]}}]"#)
        let (status, _, stderr) = try await fixture.runOnce(environment: ["OPS_SECRET": Self.secret])
        #expect(status == 0, "\(stderr)")
        let requests = server.requests
        #expect(requests.count == 3)
        let ids = Set(requests.compactMap { $0.headers["webhook-id"] })
        #expect(ids.count == 1)  // every attempt is the same alert
        let last = try #require(requests.last)
        #expect(last.headers["content-type"] == "application/json")
        let alert = try JSONReader.parse(last.bodyText)
        #expect(alert["id"]?.stringValue == last.headers["webhook-id"])
        #expect(alert["rule"]?.stringValue == "both")
        let verified = try IndependentSignatureCheck.verify(
            secret: Self.secret, id: last.headers["webhook-id"] ?? "", timestamp: last.headers["webhook-timestamp"] ?? "",
            body: last.bodyText, signature: last.headers["webhook-signature"] ?? "")
        #expect(verified)
        #expect(!stderr.contains(Self.secret))
        #expect(stderr.components(separatedBy: "output failing").count == 2)  // logged once, not per attempt
    }

    @Test("410 Gone stops retrying that alert")
    func gone() async throws {
        let server = try TestHTTPServer { _ in .init(status: 410, text: "gone") }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "g1", title: "Hamas")])
        try fixture.writeConfig(outputs: Self.webhookOutputs(server))
        let (status, _, stderr) = try await fixture.runOnce(environment: ["OPS_SECRET": Self.secret])
        #expect(status == 0)
        #expect(server.requests.count == 1)
        #expect(stderr.contains("410"))
    }

    @Test("a receiver that hangs does not block the other outputs")
    func hangingReceiver() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "late").stalled(90) }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "h1", title: "Hamas")])
        let outputs = #"{"ops": {"type": "webhook", "url": "\#(server.baseURL)/hook", "timeout": "2s"}, "archive": {"type": "file", "path": "alerts.jsonl"}}"#
        try fixture.writeConfig(outputs: outputs, settings: #"{"retryBase": "1s", "onceDeliveryTimeout": "3s"}"#)
        let started = Date()
        let (status, _, _) = try await fixture.runOnce()
        #expect(status == 0)
        #expect(fixture.alerts.count == 1)
        #expect(Date().timeIntervalSince(started) < 40)
    }
}
