import Foundation
import Model

/// Streams an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document through
/// libxml2's reader, building the feed one entry at a time.
/// Not Sendable: one instance per parse.
final class XMLFeedReader {
    let reader: XMLReader
    var feed = Feed()
    /// The entry being read, and the depth of its element.
    var entry: Entry?
    var entryDepth = -1
    /// An Atom person construct (author, contributor) being read.
    var person: Author?
    var personDepth = -1
    var personIsFeedLevel = false
    /// RSS <image> of the channel.
    var imageDepth = -1
    /// The vocabulary of elements without a namespace: Atom in a <feed>, RSS otherwise.
    var defaultFamily = Namespace.Family.rss

    /// True when the repair pass had to mend the document.
    private let repaired: Bool
    /// Streaming: entries go here as they are read, instead of into `feed.entries`.
    var onEntry: ((Entry) -> Void)?

    /// The stream a streaming parse reads from (its repairs make the feed bozo too).
    var streaming: StreamingInput?

    init(reader: XMLReader, repaired: Bool) {
        self.reader = reader
        self.repaired = repaired
    }

    /// Streams the document; when it is not well-formed, parses it again with
    /// the recovering tree parser and keeps whichever read found more.
    static func parse(bytes: [UInt8], url: String?, charset: String? = nil) throws(ParseError) -> Feed {
        let decoded = DocumentEncoding.toUTF8(bytes, httpCharset: charset)
        var prepared = XMLRepair.prepare(decoded.bytes)
        prepared.repaired = prepared.repaired || decoded.mended
        var streamed: Result<Feed, ParseError> = .failure(.notAFeed(reason: "the document could not be read as XML"))
        // The bytes are UTF-8 now, whatever the declaration says.
        if let reader = XMLReader(bytes: prepared.bytes, url: url, encoding: "UTF-8") {
            let attempt = XMLFeedReader(reader: reader, repaired: prepared.repaired)
            streamed = Result { () throws(ParseError) in try attempt.parse() }
            if case .success = streamed, !reader.hadErrors { return try streamed.get() }
        }
        guard let recovering = XMLReader(recovering: prepared.bytes, url: url, encoding: "UTF-8"),
              let recovered = try? XMLFeedReader(reader: recovering, repaired: true).parse() else {
            return try streamed.get()
        }
        if case let .success(feed) = streamed, feed.entries.count > recovered.entries.count { return feed }
        return recovered
    }

    func parse() throws(ParseError) -> Feed {
        guard moveToRoot() else { throw .notAFeed(reason: "no root element") }
        feed.format = try detectFormat()
        if feed.format == .atom10 || feed.format == .atom03 { defaultFamily = .atom }
        feed.language = reader.language.flatMap(nonEmpty)
        var advanced = reader.read()
        while advanced {
            switch reader.kind {
            case .element:
                if handleElement() == .consumed {
                    advanced = reader.skipSubtree()
                    continue
                }
            case .endElement:
                handleEnd(depth: reader.depth)
            default:
                break
            }
            advanced = reader.read()
        }
        if let entry { finish(entry) }  // a truncated document still yields its last entry
        feed.bozo = reader.hadErrors || repaired || (streaming?.repaired ?? false)
        return feed
    }

    private func moveToRoot() -> Bool {
        while reader.read() {
            if reader.kind == .element { return true }
        }
        return false
    }

    private func detectFormat() throws(ParseError) -> FeedFormat {
        let name = reader.localName.lowercased()
        let ns = reader.namespaceURI
        switch (name, ns) {
        case ("rss", _):
            switch reader.attribute("version")?.trimmed {
            case "0.90": return .rss090
            case "0.91": return .rss091
            case "0.92": return .rss092
            case "0.93": return .rss093
            case "0.94": return .rss094
            default: return .rss20
            }
        case ("rdf", _):  // RSS 1.0, or 0.90 by its default namespace (refined again at the channel)
            return reader.attribute("xmlns") == Namespace.rss090 ? .rss090 : .rss10
        case ("feed", Namespace.atom03): return .atom03
        case ("feed", _): return .atom10
        case ("channel", _): return .rss20
        default:
            throw .notAFeed(reason: "the root element is <\(reader.localName)>, not rss, RDF or feed")
        }
    }

    enum Handling { case consumed, descend }

    func finish(_ done: Entry) {
        var done = done
        done.id = done.id ?? EntryID.fallback(done)
        if let onEntry { onEntry(done) } else { feed.entries.append(done) }
        entry = nil
        entryDepth = -1
    }

    private func handleEnd(depth: Int) {
        if depth == personDepth, let person {
            if personIsFeedLevel { feed.authors.append(person) } else { entry?.authors.append(person) }
            self.person = nil
            personDepth = -1
        } else if depth == entryDepth, let entry {
            finish(entry)
        } else if depth == imageDepth {
            imageDepth = -1
        }
    }

    func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}
