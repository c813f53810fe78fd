import Foundation
import Model

/// Reads a feed document of any supported format into the contract's feed model.
/// The format is detected from the content, never from Content-Type or a file name.
package enum FeedParser {
    /// Bigger documents are refused before parsing (a hostile server cannot make us allocate without bound).
    package static let defaultMaxBytes = 256 << 20
    /// The entries one feed keeps, however many it lists.
    package static var maxEntries: Int { XMLFeedReader.maxEntries }

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
        let base = headers["content-location"].flatMap { URLResolver.resolve($0, against: url) }
            .flatMap { HTMLSanitizer.hasDangerousScheme($0) ? nil : $0 } ?? url
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

    /// Parses a file as it is read, handing each entry to `onEntry` and returning
    /// the feed without entries: memory is bounded by one entry and one chunk,
    /// not by the document. Documents that are not UTF-8 (or JSON Feed) are read
    /// whole first and their entries handed over afterwards.
    package static func parse(file path: String, url: String?, onEntry: @escaping (Entry) -> Void) throws(ParseError) -> Feed {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .notAFeed(reason: "cannot read \(path)") }
        defer { try? handle.close() }
        let first = Array((try? handle.read(upToCount: StreamingInput.chunkSize)) ?? Data())
        let declared = DocumentEncoding.declaration(first)?.lowercased()
        let isUTF8 = declared == nil || declared == "utf-8" || declared == "utf8" || declared == "us-ascii"
        let start = first.first(where: { !isSpaceOrBOM($0) })
        guard isUTF8, start == UInt8(ascii: "<"), !first.starts(with: [0xFE, 0xFF]), !first.starts(with: [0xFF, 0xFE]) else {
            var whole = first
            while let more = try? handle.read(upToCount: 1 << 20), !more.isEmpty {
                whole += Array(more)
                guard whole.count <= defaultMaxBytes else { throw .tooLarge(limit: defaultMaxBytes) }
            }
            var feed = try parse(whole, url: url)
            feed.entries.forEach(onEntry)
            feed.entries = []
            return feed
        }
        let input = StreamingInput(handle: handle, firstChunk: Array(first.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }))
        let reader = XMLFeedReader(url: url)
        reader.onEntry = onEntry
        guard let parser = XMLPushParser(handler: reader, url: url) else { throw .notAFeed(reason: "the document could not be read as XML") }
        while let chunk = try input.nextChunk() {
            parser.push(chunk, final: false)
        }
        parser.push([], final: true)
        return try reader.finishDocument(bozo: parser.hadErrors || input.repaired)
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
