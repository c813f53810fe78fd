import Foundation
import Model

/// A feed as an OPML subscription list names it (OPML 2.0, opml.org/spec2.opml): the
/// outline's `xmlUrl`, its `text` or `title`, its `htmlUrl`, and as tags the folders it sits
/// in and its `category` values.
package struct OPMLFeed: Sendable, Equatable {
    package var url: String
    package var title: String?
    package var site: String?
    package var tags: [String]

    package init(url: String, title: String?, site: String?, tags: [String]) {
        self.url = url
        self.title = title
        self.site = site
        self.tags = tags
    }
}

package enum OPML {
    /// A subscription list larger than this is cut (10,000 feeds take about 2 MB).
    static let maxBytes = 16 << 20

    /// The feeds of an OPML document, in document order; the parse is the feeds' own (no
    /// network, no entity expansion, bounded input).
    package static func read(_ bytes: [UInt8]) throws(ParseError) -> [OPMLFeed] {
        let reader = OPMLReader()
        guard let parser = XMLPushParser(handler: reader, url: nil) else { throw .notAFeed(reason: "the document could not be read as XML") }
        // The same road as a feed's: brought to UTF-8 and mended (DOCTYPE removed) first.
        let decoded = DocumentEncoding.toUTF8(Array(bytes.prefix(maxBytes)), httpCharset: nil)
        parser.push(XMLRepair.prepare(decoded.bytes).bytes, final: true)
        guard reader.sawOPML else { throw .notAFeed(reason: "the root element is not <opml>") }
        return reader.feeds
    }

    /// An OPML 2.0 document listing `feeds`, tags written as each outline's `category`.
    package static func write(title: String, feeds: [OPMLFeed]) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<opml version="2.0">"#,
                     "  <head><title>\(escaped(title))</title></head>", "  <body>"]
        for feed in feeds {
            var attributes = [("type", "rss"), ("text", feed.title ?? feed.url), ("xmlUrl", feed.url)]
            if let title = feed.title { attributes.append(("title", title)) }
            if let site = feed.site { attributes.append(("htmlUrl", site)) }
            if !feed.tags.isEmpty { attributes.append(("category", feed.tags.joined(separator: ","))) }
            lines.append("    <outline " + attributes.map { "\($0)=\"\(escaped($1))\"" }.joined(separator: " ") + "/>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t": out += " "
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// Reads outlines as SAX events: the folders open around an outline are its tags.
final class OPMLReader: XMLEventHandler {
    private(set) var feeds: [OPMLFeed] = []
    private(set) var sawOPML = false
    /// Per open element: nil for anything but an outline, else the folder name it adds ("" for
    /// a feed or a nameless folder).
    private var open: [String?] = []

    var wantsStop: Bool { false }

    func startElement(_ tag: XMLStartTag) {
        let name = String(cString: tag.localName).lowercased()
        if open.isEmpty { sawOPML = name == "opml" }
        guard name == "outline" else {
            open.append(nil)
            return
        }
        let text = (tag.attribute("text") ?? tag.attribute("title")).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        guard let url = (tag.attribute("xmlUrl") ?? tag.attribute("xmlurl"))?.trimmed, !url.isEmpty else {
            open.append(text ?? "")  // a folder
            return
        }
        open.append("")
        var tags = open.compactMap { $0 }.filter { !$0.isEmpty }
        for category in (tag.attribute("category") ?? "").split(separator: ",") {
            // OPML categories may be paths ("/News/World"): each part is a tag.
            for part in category.split(separator: "/").map(\.trimmed) where !part.isEmpty && !tags.contains(part) { tags.append(part) }
        }
        feeds.append(OPMLFeed(url: url, title: text, site: tag.attribute("htmlUrl").map(\.trimmed), tags: tags))
    }

    func endElement() { _ = open.popLast() }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
