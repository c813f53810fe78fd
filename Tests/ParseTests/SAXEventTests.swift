import Foundation
import Testing
import Model
@testable import Parse

/// What reading a feed from libxml2's SAX events must keep exactly as the
/// document says it.
@Suite("Reading feeds from SAX events")
struct SAXEventTests {
    static func parse(_ xml: String) throws -> Feed {
        try FeedParser.parse(Array(xml.utf8), url: "https://sax.example/feed.xml")
    }

    @Test("an attribute's &amp; and &#38; are one ampersand (libxml2 hands them on as &#38;)")
    func attributeAmpersand() throws {
        let feed = try Self.parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><link href="http://d.example/?a=1&amp;b=2&#38;c=3"/>
        <entry><id>e</id><link href="/x?p=1&amp;q=2"/></entry></feed>
        """)
        #expect(feed.link == "http://d.example/?a=1&b=2&c=3")
        #expect(feed.entries.first?.link == "https://sax.example/x?p=1&q=2")
    }

    @Test("xhtml content keeps its markup as written: empty elements self-closed, text escaped, the div dropped")
    func xhtmlMarkup() throws {
        let feed = try Self.parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A &lt;tag&gt; &amp; <b>bold</b><br/><a href="p?x=1&amp;y=2">l</a></div></content>
        </entry></feed>
        """)
        #expect(feed.entries.first?.content == #"A &lt;tag&gt; &amp; <b>bold</b><br /><a href="https://sax.example/p?x=1&amp;y=2">l</a>"#)
    }

    @Test("RSS markup written as XML inside a description is read as HTML; text of nested person fields is kept")
    func inlineMarkupAndNestedText() throws {
        let feed = try Self.parse("""
        <rss version="2.0"><channel><title>T</title><item><guid>g</guid>
        <description>Hello <b>world</b> &amp; <i>more</i></description></item></channel></rss>
        """)
        #expect(feed.entries.first?.summary == "Hello <b>world</b> &amp; <i>more</i>")
    }

    @Test("xml:base applies to its element and what it holds, and ends with it")
    func xmlBaseScope() throws {
        let feed = try Self.parse("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a.example/dir/">
        <entry xml:base="/other/"><id>1</id><link href="one"/></entry>
        <entry><id>2</id><link href="two"/></entry></feed>
        """)
        #expect(feed.entries.map(\.link) == ["http://a.example/other/one", "http://a.example/dir/two"])
    }

    @Test("a document cut off inside an entry keeps the entry and the field being read, and is bozo")
    func truncated() throws {
        let feed = try Self.parse("""
        <rss version="2.0"><channel><item><title>First</title><guid>1</guid></item>
        <item><title>Second</title><guid>2</guid><description>cut off here
        """)
        #expect(feed.entries.map(\.title) == ["First", "Second"])
        #expect(feed.entries.last?.summary == "cut off here")
        #expect(feed.bozo)
    }

    @Test("an empty Atom author adds nobody")
    func emptyAuthor() throws {
        let feed = try Self.parse(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><author></author><author><name>N</name></author></entry></feed>"#)
        #expect(feed.entries.first?.authors == [Author(name: "N")])
    }
}

@Suite("InternedTable")
struct InternedTableTests {
    @Test("finds every pointer it was given, replaces on a second insert, and grows past thousands of keys")
    func table() {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 5_000)
        defer { storage.deallocate() }
        var table = InternedTable<Int>()
        for index in 0..<5_000 { table.insert(index, for: UnsafePointer(storage + index)) }
        #expect((0..<5_000).allSatisfy { table[UnsafePointer(storage + $0)] == $0 })
        table.insert(-1, for: UnsafePointer(storage + 7))
        #expect(table[UnsafePointer(storage + 7)] == -1)
        #expect(table[UnsafePointer(storage + 8)] == 8)
        var empty = InternedTable<Int>()
        #expect(empty[UnsafePointer(storage)] == nil)
        empty.insert(1, for: UnsafePointer(storage))
        #expect(empty[UnsafePointer(storage + 1)] == nil)
    }
}
