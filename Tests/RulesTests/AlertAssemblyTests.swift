import Foundation
import Testing
import Model
import Rules

@Suite("AlertAssembly")
struct AlertAssemblyTests {
    let assembly = AlertAssembly(watch: [
        WatchEntry(id: "hamas", name: "Hamas", kind: .organization),
        WatchEntry(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person),
        WatchEntry(id: "israel", name: "Israel", kind: .location),
    ])

    let common = Alert(id: "", rule: "", severity: nil, firedAt: Date(timeIntervalSince1970: 0),
                       feed: .init(id: "f", url: "https://f.example/rss", title: nil),
                       item: .init(id: "i", title: "Hamas and Israel", link: nil, published: nil, summary: nil), matches: [], entities: [])

    @Test("each alert names the watches its rule counts in favour that the item mentions, with their mentions")
    func matches() {
        let mentions: [String: [Mention]] = [
            "hamas": [Mention(text: "Hamas", field: .title, start: 0, end: 5)],
            "israel": [Mention(text: "Israel", field: .title, start: 10, end: 16)],
        ]
        let rules = [
            Rule(id: "a", when: .all([.watch("hamas"), .any([.watch("erdogan"), .keyword("talks")])]), severity: "high"),
            Rule(id: "b", when: .all([.watch("hamas"), .not(.watch("israel"))])),
        ]
        let alerts = assembly.alerts(firing: rules, mentions: mentions, common: common) { "id-\($0.id)" }
        #expect(alerts.map(\.id) == ["id-a", "id-b"])
        #expect(alerts.map(\.rule) == ["a", "b"])
        #expect(alerts.map(\.severity) == ["high", nil])
        #expect(alerts[0].matches.map(\.watch) == ["hamas"], "erdogan is not mentioned")
        #expect(alerts[1].matches.map(\.watch) == ["hamas"], "a watch under a not is never a match")
        #expect(alerts[0].matches.first?.mentions == mentions["hamas"])
        #expect(alerts[0].matches.first?.type == "organization")
        #expect(alerts.allSatisfy { $0.item == common.item && $0.feed == common.feed })
    }
}
