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

    @Test("during a key rotation, one signature per secret, space-separated, each the one its secret alone gives")
    func rotation() throws {
        let old = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", new = WebhookSigner.newSecret()
        let both = try #require(WebhookSigner(secrets: [old, new]).signature(id: "m", timestamp: 1, body: "{}"))
        let parts = both.split(separator: " ").map(String.init)
        #expect(parts == [WebhookSigner(secret: old).signature(id: "m", timestamp: 1, body: "{}"),
                          WebhookSigner(secret: new).signature(id: "m", timestamp: 1, body: "{}")].compactMap { $0 })
        #expect(parts.count == 2 && parts[0] != parts[1])
    }

    @Test("a whsec_ secret is base64 of 24 to 64 bytes; a fresh one is 32")
    func secretForm() {
        #expect(WebhookSigner.problem(with: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == nil)
        #expect(WebhookSigner.problem(with: "whsec_not*base64") != nil)
        #expect(WebhookSigner.problem(with: "whsec_" + Data(count: 8).base64EncodedString())?.contains("holds 8") == true)
        #expect(WebhookSigner.problem(with: "a plain shared secret") == nil)
        let fresh = WebhookSigner.newSecret()
        #expect(WebhookSigner.problem(with: fresh) == nil)
        #expect(Data(base64Encoded: String(fresh.dropFirst(6)))?.count == 32)
        #expect(fresh != WebhookSigner.newSecret())
    }

    @Test("a 3xx is a failure, retried, never followed", arguments: [301, 302, 307, 308])
    func redirects(status: Int) {
        #expect(WebhookOutput.result(for: WebhookResponse(status: status, retryAfter: nil)) == .retry(after: nil, reason: "webhook: HTTP \(status)"))
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
