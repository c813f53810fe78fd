import Foundation
import Testing
import TestSupport

/// One daemon per state directory (flock), through the real executable.
@Suite("State directory ownership")
struct StateDirectoryTests {
    @Test("a second run on a held state directory exits 75 naming the directory and the holder's PID")
    func secondDaemonRefused() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([])
        try fixture.writeConfig()
        let first = try fixture.start()
        #expect(await eventually { first.stderr.contains("feedwatch started") })
        let (status, _, stderr) = try await fixture.runOnce(tag: "second")
        #expect(status == 75)
        #expect(stderr.contains("state directory state is in use by process \(first.process.processIdentifier)"))
        #expect(stderr.split(separator: "\n").count == 1)
        // Read-only commands never need the lock.
        let (checked, _, _) = try await FeedwatchProcess.run(["check", "--config", "feeds.json"], in: fixture.scratch)
        #expect(checked == 0)
        first.signal(SIGTERM)
        #expect(await first.waitForExit(seconds: 10))
        // Released when the holder exits.
        let (again, _, _) = try await fixture.runOnce(tag: "after")
        #expect(again == 0)
    }

    @Test("a state directory that cannot be created exits 73 with one line")
    func unusable() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed([])
        try fixture.writeConfig()
        let (status, _, stderr) = try await FeedwatchProcess.run(
            ["run", "--once", "--config", "feeds.json", "--state-dir", "feeds.json/state"], in: fixture.scratch)
        #expect(status == 73)
        #expect(stderr.contains("feeds.json/state"))
        #expect(!stderr.contains("Fatal"))
    }
}
