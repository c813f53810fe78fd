import Foundation
import Testing
@testable import Parse
import Model

/// Values a feed's author controls, chosen to overflow whatever reads them.
/// Each once trapped the process or could have; now each is read or refused.
@Suite("Values a hostile feed writes never trap the parser")
struct HostileValueTests {
    static func rss(title: String, pubDate: String = "", enclosure: String = "") throws -> Feed {
        let xml = """
            <rss version="2.0"><channel><title>feed</title><item><title>\(title)</title>
            <guid>g</guid><pubDate>\(pubDate)</pubDate>\(enclosure)</item></channel></rss>
            """
        return try FeedParser.parse(Array(xml.utf8), url: "https://example.org/")
    }

    @Test("numeric character references past 32 bits stay visible text", arguments: [
        "a &#xFFFFFFFFF; b", "a &#x110000; b", "a &#99999999999; b", "a &#4294967296; b", "a &#x0000000041; b",
    ])
    func hugeReferences(title: String) throws {
        let feed = try Self.rss(title: title)
        let written = try #require(feed.entries.first?.title)
        #expect(written.hasPrefix("a "))
        #expect(written.hasSuffix(" b"))
    }

    @Test("references in attributes and summaries are bounded too")
    func referencesElsewhere() throws {
        let feed = try Self.rss(title: "t", enclosure: #"<enclosure url="https://e.org/a?x=&#xFFFFFFFFFF;" length="99999999999999999999999" type="audio/mpeg"/><description>&#xFFFFFFFFF; &#99999999999;</description>"#)
        let entry = try #require(feed.entries.first)
        #expect(entry.enclosures.first?.length == nil)
        #expect(entry.summary != nil)
    }

    @Test("dates out of the four-digit years are unreadable, not clamped to now", arguments: [
        "Tue, 10 Jun 99999 04:00:00 GMT", "Tue, 10 Jun 99999999999999999999 04:00:00 GMT", "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "Tue, 10 Jun 2003 99999999999999999999:00:00 GMT",
        "2003-06-10T04:00:00+99:99", "Tue, 10 Jun 2003 04:00:00 +9999",
    ])
    func outOfRangeDates(date: String) throws {
        #expect(try Self.rss(title: "t", pubDate: date).entries.first?.published == nil)
    }

    @Test("the extreme readable dates are written with four-digit years")
    func extremeDates() throws {
        let late = try Self.rss(title: "t", pubDate: "9999-12-31T23:59:59Z").entries.first?.published
        #expect(late.map(Timestamp.rfc3339) == "9999-12-31T23:59:59Z")
        let early = try Self.rss(title: "t", pubDate: "0001-01-01T00:00:00Z").entries.first?.published
        #expect(early.map(Timestamp.rfc3339) == "0001-01-01T00:00:00Z")
    }

    @Test("JSON Feed numeric dates past the bounds are unreadable", arguments: [
        "1e300", "1e999", "-1e300", "9223372036854775807", "99999999999999999999999999", "1.7976931348623157e308",
    ])
    func jsonNumericDates(value: String) throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "date_published": \#(value), "date_modified": \#(value)}]}"#
        let entry = try #require(try FeedParser.parse(Array(json.utf8)).entries.first)
        #expect(entry.published == nil)
        #expect(entry.updated == nil)
    }

    @Test("JSON Feed numeric dates inside the bounds are read, milliseconds included")
    func jsonNumericDatesRead() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "date_published": 1070878495, "date_modified": 1070878495000.0}]}"#
        let entry = try #require(try FeedParser.parse(Array(json.utf8)).entries.first)
        #expect(entry.published.map(Timestamp.rfc3339) == "2003-12-08T10:14:55Z")
        #expect(entry.updated.map(Timestamp.rfc3339) == "2003-12-08T10:14:55Z")
    }
}
