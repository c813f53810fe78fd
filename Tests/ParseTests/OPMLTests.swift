import Testing
@testable import Parse

@Suite("OPML")
struct OPMLTests {
    @Test("feeds in document order, folders and categories as tags, text or title as the name")
    func read() throws {
        let opml = """
            <?xml version="1.0"?><opml version="2.0"><head/><body>
            <outline text="News"><outline text="World"><outline text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/></outline>
            <outline title="AJ" xmlUrl=" https://aljazeera.example/rss " category="/Middle East,Gulf"/></outline>
            <outline xmlUrl="https://nameless.example/feed"/><outline text="Empty folder"/></body></opml>
            """
        let feeds = try OPML.read(Array(opml.utf8))
        #expect(feeds.map(\.url) == ["https://feeds.bbci.co.uk/news/world/rss.xml", "https://aljazeera.example/rss", "https://nameless.example/feed"])
        #expect(feeds.map(\.title) == ["BBC", "AJ", nil])
        #expect(feeds.map(\.tags) == [["News", "World"], ["News", "Middle East", "Gulf"], []])
    }

    @Test("what it writes it reads back; an entity in a hostile list is never expanded; a page that is not OPML is an error")
    func roundTripAndHostile() throws {
        let feeds = [OPMLFeed(url: "https://a.example/rss?x=1&y=2", title: "A & \"B\"", site: nil, tags: ["News", "World"])]
        #expect(try OPML.read(Array(OPML.write(title: "t", feeds: feeds).utf8)) == feeds)
        let hostile = """
            <?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <opml><body><outline text="&x;" xmlUrl="https://ok.example/feed"/></body></opml>
            """
        let read = try OPML.read(Array(hostile.utf8))
        #expect(read.map(\.url) == ["https://ok.example/feed"])
        #expect(read.first?.title?.contains("root:") != true)
        #expect(throws: ParseError.self) { try OPML.read(Array("<html><body>no</body></html>".utf8)) }
    }
}
