import Foundation
import Model

/// Reads a feed document of any supported format into the contract's feed model.
/// The format is detected from the content, never from Content-Type or a file name.
package enum FeedParser {
    /// Bigger documents are refused before parsing (a hostile server cannot make us allocate without bound).
    package static let defaultMaxBytes = 256 << 20

    package static func parse(_ bytes: [UInt8], url: String? = nil, maxBytes: Int = defaultMaxBytes) throws(ParseError) -> Feed {
        guard bytes.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        guard let first = bytes.first(where: { !isSpaceOrBOM($0) }) else {
            throw .notAFeed(reason: "the document is empty")
        }
        if first == UInt8(ascii: "{") { return try JSONFeedParser.parse(bytes, url: url) }
        return try XMLFeedReader.parse(bytes: bytes, url: url)
    }

    /// Initialises libxml2 once per process, before any thread starts (xmlInitParser(3)).
    package static func initializeLibrary() { XMLLibrary.initialize() }

    private static func isSpaceOrBOM(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }
}
