import Foundation
import Testing
import Model
@testable import Parse

/// Which value wins when a feed gives several, and values read as their
/// writers meant them.
@Suite("Value precedence and meaning")
struct ValuePrecedenceTests {
    static func parse(_ xml: String, headers: [String: String] = [:]) throws -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: "https://v.example/feed.xml", headers: headers)
    }

    @Test("media:title and media:description stand in only until the item's own title and description come")
    func mediaFallbacks() throws {
        let feed = try Self.parse("""
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
        <item><media:title>bar</media:title><title>foo</title><media:description>md</media:description><description>own</description></item>
        <item><title>first</title><media:title>later</media:title><description>d</description><media:description>m</media:description></item>
        <item><media:title>only media</media:title></item>
        </channel></rss>
        """)
        #expect(feed.entries.map(\.title) == ["foo", "first", "only media"])
        #expect(feed.entries.map(\.summary) == ["own", "d", nil])
    }

    @Test("a nested iTunes category is a category too")
    func nestedITunesCategory() throws {
        let feed = try Self.parse("""
        <rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
        <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category></channel></rss>
        """)
        #expect(feed.categories == ["Technology", "Gadgets"])
    }

    @Test("a language written with an underscore is a BCP 47 tag", arguments: [
        (#"<rss><channel xml:lang="en_US"><language>de_AT</language></channel></rss>"#, "de-AT"),
        (#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US"></feed>"#, "en-US"),
    ])
    func languageTag(xml: String, language: String) throws {
        #expect(try Self.parse(xml).language == language)
    }

    @Test("a reference to a C1 code point means Windows-1252, in text and in HTML, and is not an error")
    func windows1252References() throws {
        let feed = try Self.parse("""
        <rss version="2.0"><channel><item><title>don&#146;t</title><description>don&amp;#146;t &amp;#x93;q&amp;#x94;</description></item></channel></rss>
        """)
        #expect(feed.entries.first?.title == "don\u{2019}t")
        #expect(feed.entries.first?.summary == "don&#x2019;t &#x201c;q&#x201d;")
        #expect(!feed.bozo)
    }

    @Test("a Content-Location with a javascript: URL is not a base")
    func unsafeContentLocation() throws {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom"><link href="/abs"/></feed>"#
        #expect(try Self.parse(xml, headers: ["content-location": "javascript:alert(1)"]).link == "https://v.example/abs")
        #expect(try Self.parse(xml, headers: ["content-location": "https://w.example/x/"]).link == "https://w.example/abs")
    }
}

@Suite("Declared freshness")
struct DeclaredFreshnessTests {
    static func ttl(_ channel: String) throws -> TimeInterval? {
        let xml = """
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>\(channel)</channel></rss>
            """
        return try FeedParser.parse(Array(xml.utf8), url: nil).ttl
    }

    @Test("RSS ttl in minutes, sy:updatePeriod over sy:updateFrequency, the longer of the two; nonsense ignored")
    func declared() throws {
        #expect(try Self.ttl("<ttl>60</ttl>") == 3600)
        #expect(try Self.ttl("<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>") == 21_600)
        #expect(try Self.ttl("<sy:updatePeriod>hourly</sy:updatePeriod>") == 3600)
        #expect(try Self.ttl("<ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod>") == 3600)
        #expect(try Self.ttl("<ttl>-5</ttl>") == nil)
        #expect(try Self.ttl("<ttl>99999999999999999999999</ttl>") == nil)
        #expect(try Self.ttl("<ttl>9999999</ttl>") == 30 * 86_400)
        #expect(try Self.ttl("<sy:updatePeriod>fortnightly</sy:updatePeriod>") == nil)
        #expect(try Self.ttl("") == nil)
    }
}
