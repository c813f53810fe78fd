import Foundation
import Testing
@testable import Outputs
import Model

@Suite("Standard Webhooks signatures")
struct WebhookSignerTests {
    @Test("matches the Standard Webhooks reference vector")
    func referenceVector() {
        // From the Standard Webhooks specification's test vectors.
        let signer = WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signature = signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: #"{"test": 2432232314}"#)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("a secret without the whsec_ prefix is used as its bytes (RFC 4231 test case 2)")
    func rawSecret() throws {
        let mac = try #require(WebhookSigner.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
        #expect(mac.map { String(format: "%02x", $0) }.joined() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}

@Suite("Backoff")
struct BackoffTests {
    @Test("doubles per failure, with jitter in the upper half, capped")
    func doubles() {
        let backoff = Backoff(base: 1, cap: 60)
        #expect(backoff.delay(afterFailures: 1, random: 1) == 1)
        #expect(backoff.delay(afterFailures: 3, random: 1) == 4)
        #expect(backoff.delay(afterFailures: 3, random: 0) == 2)
        #expect(backoff.delay(afterFailures: 30, random: 1) == 60)
    }

    @Test("honours a longer Retry-After")
    func retryAfter() {
        let backoff = Backoff(base: 1, cap: 60)
        #expect(backoff.delay(afterFailures: 1, retryAfter: 30, random: 1) == 30)
        #expect(backoff.delay(afterFailures: 1, retryAfter: 7200, random: 1) == 7200)
    }
}

@Suite("FileOutput")
struct FileOutputTests {
    static func delivery(_ id: String) -> Model.Delivery {
        Model.Delivery(alertID: id, output: "archive", payload: #"{"id":"\#(id)"}"#, line: id, attempt: 1)
    }

    @Test("appends one JSON line per alert and reopens after logrotate moved the file")
    func appendsAndReopens() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("alerts.jsonl").path
        let output = FileOutput(name: "archive", path: path)
        #expect(await output.deliver(Self.delivery("a")) == .delivered)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        output.reopen()
        #expect(await output.deliver(Self.delivery("b")) == .delivered)
        #expect(try String(contentsOfFile: path + ".1", encoding: .utf8) == "{\"id\":\"a\"}\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"id\":\"b\"}\n")
    }

    @Test("an unwritable path is a retry, not a loss")
    func unwritable() async {
        let output = FileOutput(name: "archive", path: "/proc/feedwatch-cannot-write/alerts.jsonl")
        guard case .retry = await output.deliver(Self.delivery("c")) else {
            Issue.record("expected a retry")
            return
        }
    }
}
