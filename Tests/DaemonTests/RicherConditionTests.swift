import Foundation
import Testing
import Model
@testable import Daemon

/// Keywords, feeds, tags, fields and nearness judged on real items by the analyser.
@Suite("Rules with keywords, fields and nearness, on real items")
struct ItemConditionTests {
    static func analyzer(_ rules: String) throws -> ItemAnalyzer {
        let json = """
        {"feeds": [{"id": "bbc", "url": "https://bbc.example/feed", "tags": ["world"]}],
         "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"},
                   {"id": "erdogan", "name": "Recep Tayyip Erdoğan", "type": "person"}],
         "rules": \(rules)}
        """
        let configuration = try ConfigLoader.load(bytes: Array(json.utf8), path: "/t/feeds.json", environment: [:])
        return ItemAnalyzer(watch: configuration.watch, rules: configuration.rules)
    }

    static func fired(_ analyzer: ItemAnalyzer, title: String, summary: String = "", feed: String = "bbc", tags: Set<String> = ["world"]) -> [String] {
        var entry = Entry()
        entry.id = UUID().uuidString
        entry.title = title
        entry.summary = summary
        return analyzer.decide(entry, feedID: feed, feedURL: "https://bbc.example/feed", feedTitle: nil, now: Date(), tags: tags)
            .alerts.map(\.rule).sorted()
    }

    @Test("a keyword is whole words, folded: \"CEASEFIRE\" and \"Ceasefire\", not \"ceasefires\"")
    func keyword() throws {
        let analyzer = try Self.analyzer(#"[{"id": "truce", "when": {"all": ["hamas", {"keyword": "ceasefire"}]}}, {"id": "kw", "when": {"keyword": "Türkiye"}}]"#)
        #expect(Self.fired(analyzer, title: "Hamas backs CEASEFIRE plan") == ["truce"])
        #expect(Self.fired(analyzer, title: "Hamas rejects all ceasefires") == [])
        #expect(Self.fired(analyzer, title: "Turkiye and Iraq sign water deal") == ["kw"])
    }

    @Test("field, near, feed and tag")
    func scopes() throws {
        let analyzer = try Self.analyzer("""
        [{"id": "headline", "when": {"field": "title", "watch": "hamas"}},
         {"id": "together", "when": {"near": ["hamas", "erdogan"], "within": "sentence"}},
         {"id": "elsewhere", "when": {"all": ["hamas", {"not": {"tag": "world"}}]}}]
        """)
        #expect(Self.fired(analyzer, title: "Hamas statement", summary: "Recep Tayyip Erdoğan said nothing.") == ["headline"])
        #expect(Self.fired(analyzer, title: "Talks", summary: "Recep Tayyip Erdoğan met Hamas leaders in Ankara.") == ["together"])
        #expect(Self.fired(analyzer, title: "Talks", summary: "Recep Tayyip Erdoğan spoke. Later Hamas met in Doha.") == [])
        #expect(Self.fired(analyzer, title: "Talks", summary: "Hamas met in Doha.", tags: ["local"]) == ["elsewhere"])
    }

    @Test("every mistake in a condition is named with its path")
    func mistakes() throws {
        let json = """
        {"feeds": [{"id": "bbc", "url": "https://bbc.example/feed"}], "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
         "rules": [{"when": {"all": ["hamas", {"feed": "cnn"}]}},
                   {"when": {"field": "body", "watch": "hamas"}},
                   {"when": {"near": ["hamas"], "within": "paragraph"}},
                   {"when": {"keyword": " "}},
                   {"when": {"all": [{"feed": "bbc"}, {"tag": "world"}]}}]}
        """
        let text = try ConfigLoaderTests.problems(json)
        #expect(text.contains { $0.contains("rules[0].when.all[1].feed: unknown feed \"cnn\"") })
        #expect(text.contains { $0.contains("rules[1].when.field: expected title, summary or content") })
        #expect(text.contains { $0.contains("rules[2].when.near: names at least two watches") })
        #expect(text.contains { $0.contains("rules[2].when.within: only \"sentence\"") })
        #expect(text.contains { $0.contains("rules[3].when.keyword") })
        #expect(text.contains { $0.contains("rules[4].when: names no watch or keyword outside a \"not\"") })
    }
}
