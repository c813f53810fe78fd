import Foundation
import Bounds
import Model

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ bytes: [UInt8], url: String?) throws(ParseError) -> Feed {
        let root: JSONValue
        do { root = try JSONReader.parse(Array(bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })) } catch {
            throw .notAFeed(reason: "invalid JSON (\(error))")
        }
        guard let version = root["version"]?.stringValue, version.contains("jsonfeed.org/version/") else {
            throw .notAFeed(reason: "JSON without a jsonfeed.org version")
        }
        var feed = Feed(format: version.hasSuffix("/1") ? .json10 : .json11)
        let base = root["feed_url"]?.stringValue ?? url
        feed.title = root["title"]?.stringValue.map(HTMLText.fold)
        feed.selfLink = root["feed_url"]?.stringValue.flatMap { URLResolver.resolve($0, against: url) }
        if case let .array(hubs)? = root["hubs"] {
            // JSON Feed 1.1 "hubs": [{"type": "WebSub", "url": …}]
            feed.hubs = hubs.prefix(8).compactMap { hub in
                guard hub["type"]?.stringValue?.lowercased() == "websub" else { return nil }
                return hub["url"]?.stringValue.flatMap { URLResolver.resolve($0, against: url) }
            }
        }
        feed.link = root["home_page_url"]?.stringValue.flatMap { URLResolver.resolve($0, against: base) }
        feed.description = root["description"]?.stringValue
        feed.language = root["language"]?.stringValue
        feed.image = (root["icon"] ?? root["favicon"])?.stringValue.flatMap { URLResolver.resolve($0, against: base) }
        feed.authors = authors(root)
        if case let .array(items)? = root["items"] {
            feed.bozo = items.count > XMLFeedReader.maxEntries
            feed.entries = items.prefix(XMLFeedReader.maxEntries).map { item in
                var parsed = entry(item, base: base)
                parsed.id = parsed.id ?? parsed.fallbackID
                return parsed
            }
        }
        return feed
    }

    private static func entry(_ item: JSONValue, base: String?) -> Entry {
        var entry = Entry()
        entry.id = item["id"].flatMap(scalarString)
        entry.link = (item["url"] ?? item["external_url"])?.stringValue.flatMap { URLResolver.resolve($0, against: base) }
        entry.title = item["title"]?.stringValue.map(HTMLText.plainText)
        entry.summary = item["summary"]?.stringValue  // plain text (JSON Feed 1.1 §items)
        if let html = item["content_html"]?.stringValue {
            entry.content = HTMLSanitizer.sanitize(html, base: entry.link ?? base)
        } else if let text = item["content_text"]?.stringValue {
            entry.content = text  // plain text stays plain, as Atom text constructs do
        }
        entry.published = item["date_published"].flatMap(date)
        entry.updated = item["date_modified"].flatMap(date)
        entry.authors = authors(item)
        if case let .array(tags)? = item["tags"] { entry.categories = tags.prefix(limit).compactMap(\.stringValue) }
        if case let .array(attachments)? = item["attachments"] {
            entry.enclosures = attachments.prefix(limit).compactMap { attachment in
                guard let url = attachment["url"]?.stringValue.flatMap({ URLResolver.resolve($0, against: base) }) else { return nil }
                var length: Int?
                if case let .int(size)? = attachment["size_in_bytes"], size >= 0 { length = size }
                return Enclosure(url: url, type: attachment["mime_type"]?.stringValue, length: length)
            }
        }
        return entry
    }

    /// Lists are capped as in XML feeds.
    private static let limit = XMLFeedReader.maxListLength

    /// RFC 3339 as the spec asks, or the Unix timestamps some generators write.
    private static func date(_ value: JSONValue) -> Date? {
        switch value {
        case let .string(text): FeedDate.parse(text)
        // Past 10^11 a number is read as milliseconds; anything outside Bounds.epochSeconds is unreadable.
        case let .int(seconds) where seconds > 0: Bounds.date(epochSeconds: Double(seconds > 100_000_000_000 ? seconds / 1000 : seconds))
        case let .double(seconds) where seconds > 0: Bounds.date(epochSeconds: seconds > 1e11 ? seconds / 1000 : seconds)
        default: nil
        }
    }

    /// JSON Feed 1.1 `authors`, or 1.0's single `author`.
    private static func authors(_ object: JSONValue) -> [Author] {
        var list: [JSONValue] = []
        if case let .array(items)? = object["authors"] { list = items } else if let single = object["author"] { list = [single] }
        return list.prefix(limit).compactMap { value in
            let author = Author(name: value["name"]?.stringValue, uri: value["url"]?.stringValue)
            return author.name == nil && author.uri == nil ? nil : author
        }
    }

    /// JSON Feed ids are strings, but numbers are common in the wild.
    private static func scalarString(_ value: JSONValue) -> String? {
        switch value {
        case let .string(s): s.isEmpty ? nil : s
        case let .int(i): String(i)
        case let .double(d): String(d)
        default: nil
        }
    }
}
