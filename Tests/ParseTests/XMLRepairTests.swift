import Foundation
import Testing
@testable import Parse

@Suite("XML repair before parsing")
struct XMLRepairTests {
    static func repair(_ text: String) -> (String, Bool) {
        let result = XMLRepair.prepare(Array(text.utf8))
        return (String(decoding: result.bytes, as: UTF8.self), result.repaired)
    }

    @Test("escapes bare ampersands and flags the document")
    func bareAmpersand() {
        #expect(Self.repair("<t>Tom & Jerry &amp; co</t>") == ("<t>Tom &amp; Jerry &amp; co</t>", true))
    }

    @Test("turns HTML named references into numeric ones")
    func htmlEntities() {
        #expect(Self.repair("<t>a&nbsp;b &eacute; &mdash;</t>") == ("<t>a&#160;b &#233; &#8212;</t>", false))
    }

    @Test("reads numeric references in the C1 range as Windows-1252")
    func windows1252() {
        #expect(Self.repair("<t>&#150; &#x93;</t>").0 == "<t>&#8211; &#8220;</t>")
    }

    @Test("leaves CDATA and comments untouched")
    func verbatim() {
        #expect(Self.repair("<t><![CDATA[a & b &nbsp;]]><!-- & --></t>") == ("<t><![CDATA[a & b &nbsp;]]><!-- & --></t>", false))
    }

    @Test("removes the DOCTYPE with its internal subset; undefined entities stay visible")
    func doctype() {
        let (out, repaired) = Self.repair("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")
        #expect(out == "<r>&amp;x;</r>")
        #expect(repaired)
    }

    @Test("hostile documents parse safely", arguments: ["hostile-billion-laughs.xml", "hostile-xxe.xml"])
    func hostile(name: String) throws {
        let url = GoldenFixtureTests.directory.appendingPathComponent(name)
        let feed = try FeedParser.parse(Array(try Data(contentsOf: url)), url: nil)
        let text = feed.json.serialized()
        #expect(!text.contains("root:"))
        #expect(!text.contains("lollol"))
        #expect(feed.entries.count == 1)
        #expect(feed.bozo)
    }
}

@Suite("XMLRepair over a stream that never closes a tag")
struct XMLRepairCarryTests {
    @Test("bytes held back for a '>' are dropped past 16 MB, and the document counts as mended")
    func boundedCarry() {
        var repair = XMLRepair()
        #expect(repair.process(Array("<rss><channel><title>t</title>".utf8), final: false) == Array("<rss><channel><title>t</title>".utf8))
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<17 { #expect(repair.process(chunk, final: false).isEmpty) }
        // Past the bound nothing more comes out, not even at the end.
        #expect(repair.process(Array("</channel></rss>".utf8), final: true).isEmpty)
        #expect(repair.repaired)
    }
}

@Suite("XMLRepair against entity expansion")
struct XMLRepairExpansionTests {
    @Test("declared entities add at most 1 MB in all; later references stay visible text (quadratic blowup)")
    func quadraticBlowup() throws {
        let value = String(repeating: "x", count: 1_000)
        let xml = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "\#(value)">]><rss><channel><item><title>t</title><description>"#
            + String(repeating: "&a;", count: 5_000) + "</description></item></channel></rss>"
        let prepared = XMLRepair.prepare(Array(xml.utf8))
        #expect(prepared.bytes.count < XMLRepair.maxExpansion + 2 * xml.utf8.count)  // each "&" left costs "amp;"
        #expect(prepared.repaired)
        let feed = try FeedParser.parse(Array(xml.utf8), url: nil)
        let summary = try #require(feed.entries.first?.summary)
        #expect(summary.hasPrefix(value + value))
        #expect(summary.filter { $0 == "x" }.count == XMLRepair.maxExpansion / 1_000 * 1_000)
        #expect(feed.bozo)
    }
}
