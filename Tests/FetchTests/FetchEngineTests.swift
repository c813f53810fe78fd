import Foundation
import Testing
import TestSupport
@testable import Fetch

@Suite("FetchEngine against a real HTTP server on 127.0.0.1")
struct FetchEngineTests {
    static let engine = FetchEngine(maxConnections: 16)
    static let feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"

    @Test("a body past 1 MB goes to a temporary file as it arrives, not to memory; the file goes with the response")
    func spoolsBigBodies() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let server = try TestHTTPServer { _ in .init(body: big) }
        var response: HTTPResponse? = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/big", maxBodyBytes: 8 << 20))
        let spooled = try #require(response?.spooled)
        let path = spooled.path
        #expect(response?.body.isEmpty == true)
        #expect(spooled.count == big.count)
        #expect(FileManager.default.contents(atPath: path)?.count == big.count)
        response = nil
        _ = consume spooled
        // The fetch thread lets go of its transfer just after answering.
        #expect(await eventually { !FileManager.default.fileExists(atPath: path) })
    }

    @Test("fetches a 200 body and names feedwatch in the User-Agent")
    func fetchesBody() async throws {
        let server = try TestHTTPServer { _ in .init(headers: [("ETag", "\"v1\"")], text: Self.feed) }
        let response = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/feed"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == Self.feed)
        #expect(response.validators.etag == "\"v1\"")
        #expect(server.requests.first?.headers["user-agent"]?.hasPrefix("feedwatch/") == true)
    }

    @Test("sends If-None-Match after an ETag and takes 304 as not modified")
    func conditionalByETag() async throws {
        let server = try TestHTTPServer { request in
            request.headers["if-none-match"] == "\"abc\"" ? .init(status: 304) : .init(headers: [("ETag", "\"abc\"")], text: Self.feed)
        }
        let first = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/"))
        #expect(first.status == 200)
        let second = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", validators: first.validators))
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
    }

    @Test("sends If-Modified-Since after a Last-Modified")
    func conditionalByDate() async throws {
        let stamp = "Sat, 28 Nov 2026 10:00:00 GMT"
        let server = try TestHTTPServer { request in
            request.headers["if-modified-since"] == stamp ? .init(status: 304) : .init(headers: [("Last-Modified", stamp)], text: Self.feed)
        }
        let first = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/"))
        #expect(first.validators.lastModified == stamp)
        let second = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", validators: first.validators))
        #expect(second.status == 304)
    }

    @Test("follows a redirect chain to the end and reports the final URL")
    func redirectChain() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/a": .init(status: 301, headers: [("Location", "/b")], text: "")
            case "/b": .init(status: 302, headers: [("Location", "/c")], text: "")
            default: .init(text: Self.feed)
            }
        }
        let response = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/a"))
        #expect(response.status == 200)
        #expect(response.effectiveURL == server.baseURL + "/c")
        #expect(server.hits("/c") == 1)
    }

    @Test("stops a redirect loop after the limit")
    func redirectLoop() async throws {
        let server = try TestHTTPServer { _ in .init(status: 302, headers: [("Location", "/loop")], text: "") }
        await #expect(throws: FetchError.tooManyRedirects(url: server.baseURL + "/loop")) {
            try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/loop", maxRedirects: 5))
        }
        #expect(server.hits("/loop") == 6)
    }

    @Test("never follows a redirect to a file: URL")
    func noRedirectToFile() async throws {
        let server = try TestHTTPServer { _ in .init(status: 302, headers: [("Location", "file:///etc/passwd")], text: "") }
        await #expect(throws: FetchError.self) {
            try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/"))
        }
    }

    @Test("reports error statuses and Retry-After as the server sent them", arguments: [404, 500, 429])
    func errorStatuses(status: Int) async throws {
        let server = try TestHTTPServer { _ in .init(status: status, headers: [("Retry-After", "120")], text: "no") }
        let response = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/"))
        #expect(response.status == status)
        #expect(!response.isSuccess)
        #expect(response.retryAfter() == 120)
    }

    @Test("gives up on a server that hangs, after the total timeout")
    func slowServer() async throws {
        // The server stalls far longer than the timeout, so finishing well before the stall ends shows the timeout
        // fired; the bound is loose because the suite runs in parallel on small CI machines.
        let server = try TestHTTPServer { _ in .init(text: Self.feed).stalled(40) }
        defer { server.stop() }
        let started = Date()
        await #expect(throws: FetchError.timeout(seconds: 1, url: server.baseURL + "/")) {
            try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", totalTimeout: 1))
        }
        // Well under the 60 s the transfer would last; the margin is for a 2-core runner whose
        // cooperative threads are busy with the suite's heavy synchronous tests.
        #expect(Date().timeIntervalSince(started) < 45)
    }

    @Test("aborts an endless body at the size cap")
    func endlessBody() async throws {
        let server = try TestHTTPServer { _ in .init(endless: true) }
        defer { server.stop() }
        await #expect(throws: FetchError.tooLarge(limit: 100_000, url: server.baseURL + "/")) {
            try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", maxBodyBytes: 100_000))
        }
    }

    @Test("refuses a declared body larger than the cap")
    func declaredTooLarge() async throws {
        let server = try TestHTTPServer { _ in .init(body: [UInt8](repeating: 65, count: 300_000)) }
        await #expect(throws: FetchError.tooLarge(limit: 1000, url: server.baseURL + "/")) {
            try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", maxBodyBytes: 1000))
        }
    }

    @Test("decodes a gzip body, and the cap counts decoded bytes (gzip bomb)")
    func gzip() async throws {
        let plain = Array(String(repeating: Self.feed, count: 200).utf8)
        let compressed = try Gzip.compress(plain)
        let server = try TestHTTPServer { _ in .init(headers: [("Content-Encoding", "gzip")], body: compressed) }
        let response = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/"))
        #expect(response.body == plain)
        #expect(server.requests.first?.headers["accept-encoding"]?.contains("gzip") == true)

        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 5_000_000))
        let bomber = try TestHTTPServer { _ in .init(headers: [("Content-Encoding", "gzip")], body: bomb) }
        await #expect(throws: FetchError.tooLarge(limit: 1_000_000, url: bomber.baseURL + "/")) {
            try await Self.engine.perform(HTTPRequest(url: bomber.baseURL + "/", maxBodyBytes: 1_000_000))
        }
    }

    @Test("reads file: URLs")
    func fileURL() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fw-\(UUID().uuidString).xml").path
        try Self.feed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let response = try await Self.engine.perform(HTTPRequest(url: "file://" + path))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == Self.feed)
    }

    @Test("a refused connection is an error, not a crash")
    func refused() async throws {
        let server = try TestHTTPServer { _ in .init(text: "") }
        let url = server.baseURL + "/"
        server.stop()
        await #expect(throws: FetchError.self) { try await Self.engine.perform(HTTPRequest(url: url)) }
    }

    @Test("posts a body with its headers")
    func post() async throws {
        let server = try TestHTTPServer { _ in .init(status: 204) }
        let response = try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/hook", method: .post,
                                                                 headers: [("X-Test", "1")], body: Array("{}".utf8)))
        #expect(response.status == 204)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.bodyText == "{}")
        #expect(request.headers["x-test"] == "1")
    }

    @Test("cancelling the task aborts the transfer promptly")
    func cancellation() async throws {
        // Without cancellation the transfer would last until the stall (60 s) or the timeout (60 s) ends.
        let server = try TestHTTPServer { _ in .init(text: "").stalled(60) }
        defer { server.stop() }
        let started = Date()
        let task = Task { try await Self.engine.perform(HTTPRequest(url: server.baseURL + "/", totalTimeout: 60)) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        await #expect(throws: FetchError.self) { try await task.value }
        // Well under the 60 s the transfer would last; the margin is for a 2-core runner whose
        // cooperative threads are busy with the suite's heavy synchronous tests.
        #expect(Date().timeIntervalSince(started) < 45)
    }
}
