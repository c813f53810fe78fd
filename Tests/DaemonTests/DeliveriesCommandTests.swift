import Foundation
import Synchronization
import Testing
import TestSupport
import Model

@Suite("feedwatch deliveries")
struct DeliveriesCommandTests {
    @Test("a delivery the receiver refused for good is a dead letter: listed, sent again on retry, or dropped")
    func deadLetters() async throws {
        let accepting = Mutex(false)
        let server = try TestHTTPServer { _ in accepting.withLock { $0 } ? .init(status: 200, text: "ok") : .init(status: 410, text: "no") }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "d1", title: "Hamas statement"), FeedText.Item(guid: "d2", title: "Erdoğan speech")])
        try fixture.writeConfig(outputs: #"{"ops": {"type": "webhook", "url": "\#(server.baseURL)/hook"}}"#)
        _ = try await fixture.runOnce()
        func command(_ arguments: String...) async throws -> (Int32, String, String) {
            try await FeedwatchProcess.run(["deliveries"] + arguments + ["--state-dir", "state"], in: fixture.scratch, tag: arguments.first ?? "list")
        }
        let (status, listed, _) = try await command("list", "--dead", "--json")
        #expect(status == 0)
        let dead = try listed.split(separator: "\n").map { try JSONReader.parse(Array($0.utf8)) }
        #expect(dead.count == 2)
        #expect(dead.allSatisfy { $0["state"]?.stringValue == "dead" && $0["output"]?.stringValue == "ops" })
        let ids = dead.compactMap { $0["alert"]?.stringValue }
        let (_, dropped, _) = try await command("drop", ids[1])
        #expect(dropped.contains("1 deliveries dropped"))
        let (_, retried, _) = try await command("retry", "--all-dead")
        #expect(retried.contains("1 deliveries will be sent again"))
        accepting.withLock { $0 = true }
        let before = server.requests.count
        _ = try await fixture.runOnce(tag: "again")
        #expect(server.requests.count == before + 1)
        #expect(server.requests.last?.headers["webhook-id"] == ids[0])
        let (_, empty, _) = try await command("list")
        #expect(empty.contains("the outbox is empty"))
    }

    @Test("retry needs alert ids or --all-dead")
    func retryNeedsIDs() async throws {
        let fixture = try DaemonFixture()
        let (status, _, stderr) = try await FeedwatchProcess.run(["deliveries", "retry", "--state-dir", "state"], in: fixture.scratch)
        #expect(status != 0)
        #expect(stderr.contains("name alert ids, or --all-dead"))
    }
}
