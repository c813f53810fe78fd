import Foundation
import Testing
import Model
import Rules

/// Rules as feeds.json writes them: what reads, with its defaults, and every mistake
/// with its JSON path.
@Suite("RuleReader")
struct RuleReaderTests {
    /// The rules of a feeds.json text whose watches are "hamas" and "erdogan".
    static func read(_ json: String) throws -> [Rule] {
        var reader = RuleReader()
        let rules = reader.readRules(try Self.rulesValue(json), names: Self.names)
        #expect(reader.problems.isEmpty, "\(reader.problems)")
        return rules
    }

    static func problems(_ json: String) throws -> [String] {
        var reader = RuleReader()
        _ = reader.readRules(try Self.rulesValue(json), names: Self.names)
        return reader.problems.map(\.description)
    }

    static let names = RuleReader.Names(watches: ["hamas", "erdogan"], feeds: ["bbc"], outputs: ["console"])

    static func rulesValue(_ json: String) throws -> JSONValue {
        try #require(try JSONReader.parse(Array(json.utf8))["rules"])
    }

    @Test("spike rules: defaults, bounds, and only as a whole when")
    func spikes() throws {
        let rules = try Self.read("""
            {"feeds": [], "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
             "rules": [{"id": "s", "when": {"spike": {"watch": "hamas", "window": "2h", "factor": 4}}}]}
            """)
        let rule = try #require(rules.first)
        #expect(rule.spike == SpikeCondition(watch: "hamas", window: 7200, baseline: 7 * 86400, factor: 4, min: 10))
        let found = try Self.problems("""
            {"feeds": [], "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
             "rules": [{"when": {"spike": {"watch": "hams"}}},
                       {"when": {"all": ["hamas", {"spike": {"watch": "hamas"}}]}},
                       {"when": {"spike": {"watch": "hamas", "factor": 0.5, "window": "30m", "min": 0}}},
                       {"when": {"spike": {"watch": "hamas", "window": "2d", "baseline": "1d"}}}]}
            """)
        #expect(found == [
            #"rules[0].when.spike.watch: unknown watch "hams""#,
            #"rules[1].when.all[1].spike: a spike condition stands alone as a rule's "when""#,
            #"rules[2].when.spike.window: duration "30m" out of range (from 1h to 7d)"#,
            "rules[2].when.spike.factor: expected a number from 1 to 1000",
            "rules[2].when.spike.min: expected a whole number from 1 to 1000000",
            "rules[3].when.spike.baseline: must be at least as long as the window",
        ])
    }

    @Test("group, cooldown and digest: defaults, one at a time, and every mistake with its path")
    func batching() throws {
        let rules = try Self.read("""
            {"feeds": [], "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
             "rules": [{"id": "g", "when": "hamas", "group": {}},
                       {"id": "c", "when": "hamas", "cooldown": "1h"},
                       {"id": "d", "when": "hamas", "digest": {"at": "07:30", "timezone": "Europe/Istanbul"}},
                       {"id": "w", "when": "hamas", "digest": {"day": "friday", "at": "9:00"}}]}
            """)
        #expect(rules.map(\.batching) == [
            .group(by: [.rule], wait: 30, interval: 300), .cooldown(3600),
            .digest(DigestTimes(every: 86400, minute: 450, timeZone: "Europe/Istanbul")),
            .digest(DigestTimes(every: 7 * 86400, minute: 540, timeZone: "UTC", weekday: 6)),
        ])
        let found = try Self.problems("""
            {"feeds": [], "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
             "rules": [{"when": "hamas", "group": {"by": ["topic"], "wait": "8d"}},
                       {"when": "hamas", "cooldown": "1h", "digest": {}},
                       {"when": "hamas", "digest": {"at": "25:00", "timezone": "Mars/Olympus", "every": "36h"}},
                       {"when": "hamas", "digest": {"every": "1d", "day": "someday"}},
                       {"when": "hamas", "digest": {"every": "2d", "day": "monday"}},
                       {"when": "hamas", "cooldown": "9d", "group": null}]}
            """)
        #expect(found == [
            "rules[0].group.by[0]: expected rule, watch or feed",
            #"rules[0].group.wait: duration "8d" out of range (from 1s to 7d)"#,
            "rules[1]: choose one of group, cooldown and digest, not cooldown and digest",
            "rules[2].digest.every: a digest of a day or more comes every whole number of days",
            #"rules[2].digest.at: expected a time of day as HH:MM, like "08:00""#,
            #"rules[2].digest.timezone: unknown time zone "Mars/Olympus" (an IANA name, like "Europe/Istanbul")"#,
            #"rules[3].digest.day: expected a weekday, like "monday""#,
            #"rules[4].digest.day: a weekday is for a weekly digest ("every": "7d")"#,
            #"rules[5].cooldown: duration "9d" out of range (from 1s to 7d)"#,
        ])
    }

    @Test("conditions name known watches and feeds; a rule must have something positive to fire on")
    func conditions() throws {
        let found = try Self.problems("""
            {"rules": [{"when": {"all": [{"feed": "cnn"}, {"not": "hamas"}]}},
                       {"when": {"near": ["hamas"]}, "notify": ["pager"]},
                       {"when": {"field": "headline", "watch": "hamas"}},
                       {"id": "x", "when": "erdogan"}, {"id": "x", "when": "hamas"}]}
            """)
        #expect(found == [
            #"rules[0].when.all[0].feed: unknown feed "cnn""#,
            "rules[1].notify[0]: unknown output \"pager\"",
            "rules[1].when.near: names at least two watches",
            "rules[2].when.field: expected title, summary or content",
            "rules[4].id: duplicate rule id \"x\"",
        ])
    }
}
