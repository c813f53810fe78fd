import Foundation
import Synchronization
import Testing
import TestSupport
import Model

@Suite("Crashes, signals and systemd")
struct CrashAndSignalTests {
    @Test("kill -9 between queuing and delivery: after a restart the alert arrives exactly once")
    func crashBeforeDelivery() async throws {
        let answering = Mutex(false)
        let server = try TestHTTPServer { _ in
            answering.withLock { $0 } ? .init(status: 200, text: "ok") : .init(status: 200, text: "never").stalled(60)
        }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "c1", title: "Hamas crash test")])
        try fixture.writeConfig(outputs: #"{"ops": {"type": "webhook", "url": "\#(server.baseURL)/hook", "timeout": "50s"}}"#)
        let daemon = try fixture.start()
        #expect(await eventually { server.requests.count == 1 })  // queued, committed, delivery in flight
        daemon.signal(SIGKILL)
        #expect(await daemon.waitForExit(seconds: 5))
        answering.withLock { $0 = true }
        let (status, _, stderr) = try await fixture.runOnce(tag: "restart")
        #expect(status == 0, "\(stderr)")
        let requests = server.requests
        #expect(requests.count == 2)  // the interrupted attempt, then exactly one completed delivery
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }).count == 1)
        let (_, _, _) = try await fixture.runOnce(tag: "third")
        #expect(server.requests.count == 2)  // delivered alerts are never sent again
    }

    @Test("SIGTERM stops the daemon cleanly within 10 s, even with a hanging fetch")
    func sigterm() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, text: "").stalled(60) }
        defer { server.stop() }
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feeds.json", """
        {"feeds": [{"id": "slow", "url": "\(server.baseURL)/feed"}], "watch": \(DaemonFixture.watch),
         "settings": {"timeout": "50s"}}
        """)
        let daemon = try fixture.start()
        #expect(await eventually { server.requests.count == 1 })
        let started = Date()
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 10))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(daemon.process.terminationStatus == 0)
        #expect(daemon.stderr.contains("feedwatch stopped"))
    }

    @Test("SIGHUP reloads: a bad configuration is rejected and the old one kept; a good one applies")
    func sighup() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "Weather")])
        try fixture.writeConfig(interval: "1s")
        let daemon = try fixture.start()
        #expect(await eventually { daemon.stderr.contains("feedwatch started") })
        try fixture.scratch.write("feeds.json", #"{"feeds": [{"url": "ftp://bad"}]}"#)
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.stderr.contains("configuration rejected") })
        #expect(daemon.process.isRunning)
        try fixture.writeConfig(interval: "1s")
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.stderr.contains("configuration reloaded") })
        try fixture.writeFeed([FeedText.Item(guid: "1", title: "Weather"), FeedText.Item(guid: "2", title: "Hamas news")])
        #expect(await eventually(seconds: 15) { fixture.alerts.count == 1 })
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 10))
    }

    @Test("speaks the systemd notify protocol: READY, WATCHDOG, STOPPING")
    func systemdNotify() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([])
        try fixture.writeConfig()
        let socket = try NotifySocket(path: fixture.scratch.file("notify.sock"))
        let daemon = try fixture.start(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "400000"])
        var messages: [String] = []
        // Generous: on a 2-core runner the daemon starts beside the whole suite; the loop ends at WATCHDOG.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !messages.contains(where: { $0.contains("WATCHDOG=1") }) {
            if let message = await socket.receive(timeout: 0.5) { messages.append(message) }
        }
        #expect(messages.first?.hasPrefix("READY=1") == true)
        #expect(messages.contains("WATCHDOG=1"))
        daemon.signal(SIGTERM)
        var stopping = false
        let stopDeadline = Date().addingTimeInterval(30)
        while !stopping, Date() < stopDeadline {
            if let message = await socket.receive(timeout: 0.5) { stopping = message.contains("STOPPING=1") }
        }
        #expect(stopping)
        #expect(await daemon.waitForExit(seconds: 10))
    }
}

/// A unix datagram socket standing in for systemd's notify socket.
final class NotifySocket {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw TestHTTPServer.ServerError.socket(errno) }
    }

    deinit { close(fd) }

    /// The next datagram, waiting without blocking a thread of the cooperative pool.
    func receive(timeout: TimeInterval) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 0) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &buffer, buffer.count, 0)
                return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : nil
            }
            try? await Task.sleep(nanoseconds: 10_000_000)
        } while Date() < deadline
        return nil
    }
}
