import Foundation
import Testing
import TestSupport
import Model

/// One story, published by six feeds under six links and twice reworded: it fires
/// each rule once, and both alerts name one story.
@Suite("One story once")
struct StoryDedupTests {
    static let copies: [(link: String, title: String, summary: String)] = [
        ("https://news.example/world/talks-1", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."),
        ("https://news.example/world/talks-1?utm_source=rss&utm_medium=feed", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."),
        ("http://www.news.example/world/talks-1/", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."),
        ("https://amp.news.example/world/talks-1/amp", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."),
        ("https://syndicator.example/feeds/9931", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials said."),
        ("https://portal.example/news/erdogan-hamas", "Erdoğan meets Hamas delegation in Ankara",
         "Turkish President Recep Tayyip Erdoğan met a Hamas delegation in Ankara on Monday to discuss a ceasefire, officials told reporters."),
    ]

    static func rss(_ copy: (link: String, title: String, summary: String), guid: String) -> String {
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(guid)</title>
        <item><title>\(copy.title)</title><link>\(copy.link.replacingOccurrences(of: "&", with: "&amp;"))</link>
        <guid isPermaLink="false">\(guid)</guid><description>\(copy.summary)</description></item></channel></rss>
        """
    }

    @Test("six feeds, one story: each rule fires once, and its alerts share the story id")
    func sixFeeds() async throws {
        let fixture = try DaemonFixture()
        for (index, copy) in Self.copies.enumerated() { try fixture.scratch.write("feed\(index).xml", Self.rss(copy, guid: "copy-\(index)")) }
        try fixture.writeConfig(feeds: (0..<6).map { "feed\($0).xml" })
        let (status, _, stderr) = try await fixture.runOnce()
        #expect(status == 0, "\(stderr)")
        let alerts = try fixture.alerts.map { try JSONReader.parse($0) }
        #expect(alerts.compactMap { $0["rule"]?.stringValue }.sorted() == ["erdogan", "hamas"])
        #expect(Set(alerts.compactMap { $0["story"]?.stringValue }).count == 1)
        #expect(stderr.components(separatedBy: "alert suppressed: the same story").count - 1 == 10)
    }

    @Test("another story with the same names fires; with dedup off every copy fires", arguments: [true, false])
    func otherStories(dedup: Bool) async throws {
        let fixture = try DaemonFixture()
        try fixture.scratch.write("feed0.xml", Self.rss(Self.copies[0], guid: "a"))
        try fixture.scratch.write("feed1.xml", Self.rss(("https://news.example/world/talks-2", "Hamas rejects Erdoğan proposal",
                                                         "Hamas said on Tuesday it rejected a proposal put forward by Recep Tayyip Erdoğan for a new round of talks in Istanbul."), guid: "b"))
        try fixture.scratch.write("feed2.xml", Self.rss(Self.copies[4], guid: "c"))
        try fixture.writeConfig(feeds: ["feed0.xml", "feed1.xml", "feed2.xml"],
                                settings: #"{"retryBase": "1s", "onceDeliveryTimeout": "20s"\#(dedup ? "" : #", "dedup": false"#)}"#)
        let (status, _, _) = try await fixture.runOnce()
        #expect(status == 0)
        // Two rules each: the copy (feed2) of the first story is suppressed only with dedup on.
        #expect(fixture.alerts.count == (dedup ? 4 : 6))
    }
}
