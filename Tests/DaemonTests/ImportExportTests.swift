import Foundation
import Testing
import TestSupport
import Model

@Suite("OPML import and export")
struct ImportExportTests {
    @Test("import adds the list's feeds once, keeps the file valid, and export gives them back")
    func roundTrip() async throws {
        let scratch = try Scratch()
        try scratch.write("subs.opml", """
            <opml version="2.0"><body><outline text="News">
            <outline text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
            <outline text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/uk/rss.xml"/></outline></body></opml>
            """)
        try scratch.write("feeds.json", #"{"settings": {"interval": "15m"}, "feeds": [{"id": "bbc-world", "url": "https://feeds.bbci.co.uk/news/world/rss.xml"}]}"#)
        let (status, out, _) = try await FeedwatchProcess.run(["import", "subs.opml", "--config", "feeds.json"], in: scratch)
        #expect(status == 0)
        #expect(out.contains("added 1 feeds (1 already there)"))
        let (again, second, _) = try await FeedwatchProcess.run(["import", "subs.opml", "--config", "feeds.json"], in: scratch, tag: "again")
        #expect(again == 0 && second.contains("added 0 feeds (2 already there)"))
        let (valid, _, problems) = try await FeedwatchProcess.run(["check", "--config", "feeds.json"], in: scratch, tag: "check")
        #expect(valid == 0, "\(problems)")
        let config = try JSONReader.parse(Array(scratch.read("feeds.json").utf8))
        #expect(config["settings"]?["interval"]?.stringValue == "15m", "the rest of the file is kept")
        guard case let .array(feeds)? = config["feeds"] else { Issue.record("no feeds"); return }
        #expect(feeds.last?["id"]?.stringValue == "bbc-world-2", "ids stay unique")
        #expect(feeds.last?["tags"] == .array([.string("News")]))
        let (exported, opml, _) = try await FeedwatchProcess.run(["export", "--opml", "--config", "feeds.json"], in: scratch, tag: "export")
        #expect(exported == 0)
        #expect(opml.contains(#"xmlUrl="https://feeds.bbci.co.uk/news/uk/rss.xml""#))
        #expect(opml.contains(#"category="News""#))
    }
}
