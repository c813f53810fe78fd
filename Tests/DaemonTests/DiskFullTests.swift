import Foundation
import Testing
import TestSupport
import Model

/// The disk fills under a running daemon: a file size limit (RLIMIT_FSIZE, set
/// with prlimit(1)) makes every write past it fail with EFBIG, as a full disk
/// fails with ENOSPC. The daemon keeps running, marks nothing seen, and
/// delivers every alert once the limit is lifted.
@Suite("A full disk")
struct DiskFullTests {
    @Test("writes fail: logged once, nothing lost; space returns: every alert arrives")
    func diskFills() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([])
        // Forty items of one text: without dedup, each is an alert of its own.
        try fixture.writeConfig(settings: #"{"retryBase": "1s", "onceDeliveryTimeout": "20s", "dedup": false}"#, interval: "1s")
        // Start small, let the daemon create its state, then fill the feed with alerting items.
        let daemon = try fixture.start(environment: ["FEEDWATCH_LOG_LEVEL": "debug"], launcher: ["/usr/bin/prlimit", "--fsize=262144:unlimited", "--"])
        #expect(await eventually { daemon.stderr.contains("feedwatch started") })
        let items = (0..<40).map { FeedText.Item(guid: "g\($0)", title: "Hamas statement \($0)",
                                                 description: String(repeating: "Words about Hamas and more. ", count: 200)) }
        try fixture.writeFeed(items)
        #expect(await eventually(seconds: 20) { daemon.stderr.contains("state store cannot write") })
        #expect(daemon.process.isRunning)
        #expect(daemon.stderr.components(separatedBy: "state store cannot write").count == 2, "logged once")
        // Space returns.
        let lift = Process()
        lift.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        lift.arguments = ["--pid", "\(daemon.process.processIdentifier)", "--fsize=unlimited:unlimited"]
        try lift.run()
        lift.waitUntilExit()
        #expect(await eventually(seconds: 30) { Set(fixture.alerts.compactMap { try? JSONReader.parse($0)["id"]?.stringValue }).count == 40 })
        #expect(daemon.stderr.contains("state store writes again"))
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 10))
        let ids = fixture.alerts.compactMap { try? JSONReader.parse($0)["id"]?.stringValue }
        #expect(Set(ids).count == 40)
    }
}
