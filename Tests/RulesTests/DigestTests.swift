import Foundation
import Testing
import Model
import Rules

@Suite("Digest")
struct DigestTests {
    let alerts = [Digest.Member(id: "a1", json: #"{"id":"a1","rule":"r"}"#, line: "line one"),
                  Digest.Member(id: "a2", json: #"{"id":"a2","rule":"r"}"#, line: "line two")]

    @Test("the digest JSON has the contract's shape, with each alert's JSON as it was queued")
    func shape() throws {
        let digest = Digest(rule: "r", mode: "group", group: "", from: Date(timeIntervalSince1970: 0),
                            to: Date(timeIntervalSince1970: 60), alerts: alerts)
        let json = try JSONReader.parse(Array(digest.json(id: "d1").utf8))
        #expect(json["id"]?.stringValue == "d1")
        #expect(json["kind"]?.stringValue == "digest")
        #expect(json["rule"]?.stringValue == "r")
        #expect(json["from"]?.stringValue == "1970-01-01T00:00:00Z")
        #expect(json["to"]?.stringValue == "1970-01-01T00:01:00Z")
        #expect(json["count"]?.intValue == 2)
        guard case let .array(items)? = json["alerts"] else { Issue.record("no alerts array"); return }
        #expect(items.compactMap { $0["id"]?.stringValue } == ["a1", "a2"])
    }

    @Test("its identity is a function of its group and alerts: another alert, another identity")
    func identity() {
        let one = Digest(rule: "r", mode: "group", group: "g", from: Date(), to: Date(), alerts: alerts)
        var same = one
        same.from = .distantPast
        #expect(one.identity == same.identity)
        var other = one
        other.alerts.removeLast()
        #expect(one.identity != other.identity)
        other = one
        other.group = "h"
        #expect(one.identity != other.identity)
    }

    @Test("its readable form is a heading and one indented line per alert")
    func readable() {
        let digest = Digest(rule: "r", mode: "digest", group: "", from: Date(timeIntervalSince1970: 0),
                            to: Date(timeIntervalSince1970: 60), alerts: alerts)
        let lines = digest.readableLines.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("r: 2 alerts"))
        #expect(lines[1] == "  line one")
    }
}
