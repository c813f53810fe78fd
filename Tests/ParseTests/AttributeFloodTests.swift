import Foundation
import Testing
import Model
@testable import Parse

/// libxml2 2.9 checks a tag's attributes for duplicates pair by pair, in XML and
/// in HTML: a tag with a hundred thousand attributes costs minutes of CPU from
/// a few megabytes. A hostile feed must not buy that.
@Suite("Tags flooded with attributes")
struct AttributeFloodTests {
    static func attributes(_ count: Int, _ quote: String) -> String {
        (0..<count).map { "a\($0)=\(quote)v\(quote)" }.joined(separator: " ")
    }

    @Test("the document is cut before an XML start tag with thousands of attributes; what came before stays")
    func xmlTag() throws {
        let xml = """
        <rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>kept</title></item>
        <item \(Self.attributes(5_000, "\""))><guid>2</guid><title>flood</title></item>
        <item><guid>3</guid><title>after</title></item></channel></rss>
        """
        let feed = try FeedParser.parse(Array(xml.utf8), url: nil)
        #expect(feed.entries.map(\.title) == ["kept"])
        #expect(feed.bozo)
    }

    @Test("a handful of attributes is nothing special")
    func fewAttributes() throws {
        let xml = #"<rss version="2.0"><channel><item \#(Self.attributes(50, "'"))><guid>1</guid><title>fine</title></item></channel></rss>"#
        let feed = try FeedParser.parse(Array(xml.utf8), url: nil)
        #expect(feed.entries.map(\.title) == ["fine"])
        #expect(!feed.bozo)
    }

    @Test("plain text stops before an HTML tag with thousands of attributes, quoted or not")
    func htmlTag() {
        for quote in ["\"", ""] {
            let html = "<p>before</p><b \(Self.attributes(5_000, quote))>flood</b>"
            #expect(HTMLText.plainText(html) == "before")
        }
    }

    @Test("the sanitiser reads the first 64 attributes of a tag and drops the rest")
    func sanitiser() {
        let first = #"<a href="https://x.example/" \#(Self.attributes(5_000, "\""))>l</a>"#
        #expect(HTMLSanitizer.sanitize(first, base: nil) == #"<a href="https://x.example/">l</a>"#)
        let late = #"<a \#(Self.attributes(HTMLTokenizer.maxAttributes, "\"")) href="https://x.example/">l</a>"#
        #expect(HTMLSanitizer.sanitize(late, base: nil) == "<a>l</a>")
    }
}

/// Lists an item collects stay linear to build and bounded in length, however
/// many elements a hostile feed repeats.
@Suite("Items flooded with repeated elements")
struct ListFloodTests {
    @Test("categories, authors and enclosures keep their first 1,000, without repeats")
    func entryLists() throws {
        let count = 3_000
        var item = "<item><title>t</title>"
        for i in 0..<count {
            item += "<category>c\(i % 2_000)</category><author>a\(i)@x.example (A \(i))</author>"
            item += #"<media:content url="http://x.example/\#(i)"/><enclosure url="http://x.example/\#(i)" type="audio/mpeg"/>"#
        }
        let xml = #"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel>"# + item + "</item></channel></rss>"
        let entry = try #require(try FeedParser.parse(Array(xml.utf8), url: nil).entries.first)
        #expect(entry.categories.count == XMLFeedReader.maxListLength)
        #expect(entry.categories.first == "c0" && Set(entry.categories).count == entry.categories.count)
        #expect(entry.authors.count == XMLFeedReader.maxListLength)
        #expect(entry.authors.first == Author(name: "A 0", email: "a0@x.example"))
        #expect(entry.enclosures.count == XMLFeedReader.maxListLength)
        // The media:content comes first; the RSS enclosure repeating its URL is still listed, as RSS writes it.
        #expect(entry.enclosures.prefix(2).map(\.url) == ["http://x.example/0", "http://x.example/0"])
    }

    @Test("a media:content repeating an enclosure's URL is not listed twice")
    func mediaRepeat() throws {
        let xml = #"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><enclosure url="http://x.example/a.mp3" type="audio/mpeg"/><media:content url="http://x.example/a.mp3"/></item></channel></rss>"#
        #expect(try FeedParser.parse(Array(xml.utf8), url: nil).entries.first?.enclosures.count == 1)
    }
}

@Suite("Documents flooded with entries")
struct EntryFloodTests {
    @Test("a document held whole keeps its first 50,000 entries and is bozo")
    func manyEmptyItems() throws {
        let xml = "<rss><channel>" + String(repeating: "<item/>", count: XMLFeedReader.maxEntries + 10) + "</channel></rss>"
        let feed = try FeedParser.parse(Array(xml.utf8), url: nil)
        #expect(feed.entries.count == XMLFeedReader.maxEntries)
        #expect(feed.bozo)
    }
}
