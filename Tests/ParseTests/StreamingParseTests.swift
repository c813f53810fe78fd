import Foundation
import Testing
import Model
@testable import Parse

@Suite("Streaming parse of large files")
struct StreamingParseTests {
    /// About 1.5 MB: many 256 kB chunk boundaries fall inside CDATA sections,
    /// comments, references, multi-byte characters and bare ampersands.
    static func document() -> String {
        var items = ""
        for i in 0..<1_500 {
            items += """
            <item><title>Ερντογάν &amp; Kalın \(i) – caf&eacute; Tom & Jerry</title><link>https://s.example/\(i)</link>
            <!-- a comment with <tags> & ampersands \(i) -->
            <description><![CDATA[<p>Body \(i) with ]] and > inside, 🙂 \(String(repeating: "ğüşö ", count: 150))</p>]]></description>
            <guid>urn:s:\(i)</guid></item>

            """
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE rss [ <!ENTITY brand \"Stream Co\"> ]>\n"
            + "<rss version=\"2.0\"><channel><title>&brand; feed</title>\(items)</channel></rss>"
    }

    @Test("gives the same entries as parsing the whole document, entry by entry")
    func sameAsWhole() throws {
        let text = Self.document()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).xml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try FeedParser.parse(Array(text.utf8), url: "https://s.example/feed")
        var streamed: [Entry] = []
        let header = try FeedParser.parse(file: path, url: "https://s.example/feed") { streamed.append($0) }
        #expect(streamed.count == 1_500)
        #expect(streamed == whole.entries)
        #expect(header.title == "Stream Co feed")
        #expect(header.entries.isEmpty)
        #expect(header.bozo == whole.bozo)
        #expect(streamed[7].title == "Ερντογάν & Kalın 7 – café Tom & Jerry")
    }

    @Test("a chunk boundary inside a multi-byte character keeps the character whole")
    func incompleteTail() {
        #expect(StreamingInput.incompleteTail(Array("ab".utf8)) == 0)
        #expect(StreamingInput.incompleteTail(Array("aĞ".utf8).dropLast()) == 1)
        #expect(StreamingInput.incompleteTail(Array("a🙂".utf8).dropLast(2)) == 2)
        #expect(StreamingInput.incompleteTail(Array("a🙂".utf8)) == 0)
    }
}
