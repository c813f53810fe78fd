import Foundation
import Testing
@testable import Model

@Suite("Alert JSON")
struct AlertJSONTests {
    static let alert = Alert(
        id: "a1", rule: "turkey \"hamas\"", severity: nil, firedAt: Date(timeIntervalSince1970: 1_700_000_000),
        feed: .init(id: "wire", url: "https://e.example/feed", title: nil),
        item: .init(id: "guid-1", title: "Erdoğan\nmeets", link: "https://e.example/1", published: nil, summary: "a\\b"),
        matches: [WatchMatch(watch: "erdogan", name: "Recep Tayyip Erdoğan", type: "person",
                             mentions: [Mention(text: "Erdoğan", field: .title, start: 0, end: 7)])],
        entities: [EntityCount(text: "Hamas", type: .org, count: 12_345)])

    @Test("writes every key of the contract, in order, escaped")
    func contractText() {
        #expect(Self.alert.jsonText == #"{"id":"a1","rule":"turkey \"hamas\"","severity":null,"firedAt":"2023-11-14T22:13:20Z","#
            + #""feed":{"id":"wire","url":"https://e.example/feed","title":null},"#
            + #""item":{"id":"guid-1","title":"Erdoğan\nmeets","link":"https://e.example/1","published":null,"summary":"a\\b"},"#
            + #""matches":[{"watch":"erdogan","name":"Recep Tayyip Erdoğan","type":"person","#
            + #""mentions":[{"text":"Erdoğan","field":"title","start":0,"end":7}]}],"#
            + #""entities":[{"text":"Hamas","type":"ORG","count":12345}],"story":null,"fetch":null}"#)
    }

    @Test("adds the spike's counts to a spike alert")
    func spike() throws {
        var alert = Self.alert
        alert.spike = SpikeReport(watch: "hamas", window: 3600, count: 12, expected: 2.345, factor: 3,
                                  since: Date(timeIntervalSince1970: 0), top: [.init(feed: "wire", title: nil, link: "https://e/1")])
        let value = try JSONReader.parse(alert.jsonText)
        guard case let .object(pairs) = value, let spike = pairs.first(where: { $0.0 == "spike" }), case let .object(fields) = spike.1 else {
            Issue.record("no spike object")
            return
        }
        #expect(spike.0 == "spike")
        #expect(fields.map(\.0) == ["watch", "windowSeconds", "count", "expected", "factor", "since", "top"])
        #expect(fields.first { $0.0 == "expected" }?.1 == .double(2.35))
        #expect(fields.first { $0.0 == "windowSeconds" }?.1 == .int(3600))
    }

    @Test("writes integers at both ends of their range", arguments: [0, 7, -7, 1_000_000, Int.max, Int.min])
    func integers(value: Int) {
        var writer = JSONWriter()
        writer.int(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    @Test("the alerts of one item are written as each alone would be, what they share written once")
    func sharedParts() {
        var other = Self.alert
        other.id = "a2"
        other.rule = "second"
        other.matches = []
        var elsewhere = Self.alert
        elsewhere.item.summary = "another summary"
        elsewhere.entities = []
        let alerts = [Self.alert, other, elsewhere]
        #expect(Alert.jsonTexts(alerts) == alerts.map(\.jsonText))
        #expect(Alert.jsonTexts([other]) == [other.jsonText])
    }

    @Test("provenance: when and where the item was fetched, with its text's hash")
    func provenance() throws {
        var alert = Self.alert
        alert.fetch = FetchProvenance(at: Date(timeIntervalSince1970: 0), status: 200, url: "https://e.example/feed?x=1",
                                      itemHash: String(repeating: "ab", count: 32))
        let value = try JSONReader.parse(alert.jsonText)
        #expect(value["fetch"]?["at"]?.stringValue == "1970-01-01T00:00:00Z")
        #expect(value["fetch"]?["status"] == .int(200))
        #expect(value["fetch"]?["url"]?.stringValue == "https://e.example/feed?x=1")
        #expect(value["fetch"]?["itemHash"]?.stringValue?.count == 64)
    }
}
