import Foundation
import Model

/// Reads a feed document of any supported format into the contract's feed model.
/// The format is detected from the content, never from Content-Type or a file name.
package enum FeedParser {
    /// Bigger documents are refused before parsing (a hostile server cannot make us allocate without bound).
    package static let defaultMaxBytes = 256 << 20

    /// - Parameters:
    ///   - url: where the document came from (after redirects): the base of relative links.
    ///   - headers: the HTTP response headers, lower-cased: Content-Location sets the base
    ///     (RFC 9110 §8.7), and a charset in Content-Type outranks the XML declaration (RFC 7303 §3).
    package static func parse(_ bytes: [UInt8], url: String? = nil, headers: [String: String] = [:],
                              maxBytes: Int = defaultMaxBytes) throws(ParseError) -> Feed {
        guard bytes.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        guard let first = bytes.first(where: { !isSpaceOrBOM($0) }) else {
            throw .notAFeed(reason: "the document is empty")
        }
        let base = headers["content-location"].flatMap { URLResolver.resolve($0, against: url) } ?? url
        var feed: Feed
        if first == UInt8(ascii: "{") {
            feed = try JSONFeedParser.parse(bytes, url: base)
        } else {
            feed = try XMLFeedReader.parse(bytes: bytes, url: base, charset: headers["content-type"].flatMap(charset))
        }
        // Content-Language speaks for a feed that does not say (RFC 9110 §8.5).
        feed.language = feed.language ?? headers["content-language"].flatMap { $0.split(separator: ",").first?.trimmed }
        return feed
    }

    /// The charset parameter of a Content-Type value, if any.
    static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmed.lowercased() == "charset" else { continue }
            let value = pair[1].trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Initialises libxml2 once per process, before any thread starts (xmlInitParser(3)).
    package static func initializeLibrary() { XMLLibrary.initialize() }

    private static func isSpaceOrBOM(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }
}
