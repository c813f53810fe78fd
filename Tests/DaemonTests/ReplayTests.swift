import Foundation
import Testing
import TestSupport
import Model

/// `feedwatch replay`: the current rules over the items the state kept, as a new user
/// asks "what would my new rule have caught last week".
@Suite("feedwatch replay")
struct ReplayTests {
    static let items = [
        FeedText.Item(guid: "r1", title: "Hamas names a new negotiator for the talks"),
        FeedText.Item(guid: "r2", title: "Erdoğan calls for calm at the border"),
        FeedText.Item(guid: "r3", title: "Hamas and Israel trade accusations over aid convoys"),
        FeedText.Item(guid: "r4", title: "Mild weather expected across the region"),
    ]

    func replay(_ fixture: DaemonFixture, _ arguments: String...) async throws -> (Int32, String, String) {
        try await FeedwatchProcess.run(["replay", "--config", "feeds.json", "--state-dir", "state"] + arguments, in: fixture.scratch,
                                       tag: "replay")
    }

    @Test("a rule added later is tried on the kept items: a dry run says what would fire and why; --deliver queues only what never fired, once")
    func newRule() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items)
        try fixture.writeConfig(rules: #"[{"id": "turkey", "when": "erdogan"}]"#)
        _ = try await fixture.runOnce()
        #expect(fixture.alerts.count == 1)

        try fixture.writeConfig(rules: #"[{"id": "turkey", "when": "erdogan"}, {"id": "hamas-desk", "when": "hamas"}]"#)
        let (status, dry, summary) = try await replay(fixture, "--since", "7d")
        #expect(status == 0)
        #expect(dry.components(separatedBy: "would fire  hamas-desk").count - 1 == 2)
        #expect(dry.contains("fired before  turkey"))
        #expect(dry.contains("Hamas (organization): \u{201C}Hamas\u{201D} in title"))
        #expect(summary.contains("4 items since") && summary.contains("2 alerts never fired, 1 fired before"))
        // A dry run changes nothing: the next run has nothing to send.
        _ = try await fixture.runOnce(tag: "after-dry-run")
        #expect(fixture.alerts.count == 1)

        let (_, json, _) = try await replay(fixture, "--since", "7d", "--rule", "hamas-desk", "--json")
        let objects = try json.split(separator: "\n").map { try JSONReader.parse(Array($0.utf8)) }
        #expect(objects.count == 2 && objects.allSatisfy { $0["firedBefore"] == .bool(false) && $0["alert"]?["rule"]?.stringValue == "hamas-desk" })

        let (_, _, queued) = try await replay(fixture, "--since", "7d", "--rule", "hamas-desk", "--deliver")
        #expect(queued.contains("2 queued for delivery"))
        let (_, _, again) = try await replay(fixture, "--since", "7d", "--deliver")
        #expect(again.contains("0 alerts never fired, 3 fired before; 0 queued for delivery"))
        _ = try await fixture.runOnce(tag: "deliver")
        let rules = try fixture.alerts.map { try JSONReader.parse(Array($0.utf8))["rule"]?.stringValue }
        #expect(rules.sorted { ($0 ?? "") < ($1 ?? "") } == ["hamas-desk", "hamas-desk", "turkey"])
    }

    @Test("with keepItems \"0\" nothing is kept, so nothing is replayed; an unknown rule or a bad duration is an error")
    func nothingKept() async throws {
        let fixture = try DaemonFixture()
        try fixture.writeFeed(Self.items)
        try fixture.writeConfig(settings: #"{"retryBase": "1s", "keepItems": "0"}"#)
        _ = try await fixture.runOnce()
        let (status, out, summary) = try await replay(fixture, "--since", "30d")
        #expect(status == 0 && out.isEmpty && summary.contains("0 items since"))
        let (badRule, _, ruleError) = try await replay(fixture, "--since", "1d", "--rule", "nope")
        #expect(badRule != 0 && ruleError.contains("no rule \"nope\""))
        let (badSince, _, sinceError) = try await replay(fixture, "--since", "soon")
        #expect(badSince != 0 && sinceError.contains("--since"))
    }
}
