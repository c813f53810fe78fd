import Foundation

/// An item as the state keeps it for `feedwatch replay` (`settings.keepItems`): the fields
/// rules read, its dates as Unix seconds, its content cut at `Entry.keptContentBytes`.
extension Entry {
    /// A summary past this many UTF-8 bytes is cut, and content past `keptContentBytes`
    /// (a feed may carry whole articles): a week of 10,000 feeds stays a few gigabytes.
    public static let keptSummaryBytes = 1 << 10
    public static let keptContentBytes = 2 << 10

    public var keptJSON: String {
        var out = JSONWriter(capacity: 1024)
        out.object { out in
            out.key("id"); out.string(id)
            out.key("title"); out.string(title)
            out.key("link"); out.string(link)
            out.key("published"); published.map { out.double($0.timeIntervalSince1970) } ?? out.null()
            out.key("updated"); updated.map { out.double($0.timeIntervalSince1970) } ?? out.null()
            out.key("summary"); out.string(summary.map { Self.cut($0, Self.keptSummaryBytes) })
            out.key("content"); out.string(content.map { Self.cut($0, Self.keptContentBytes) })
            out.key("authors"); out.strings(authors.compactMap(\.name))
            out.key("categories"); out.strings(categories)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The entry `keptJSON` wrote; nil for anything else.
    public init?(kept text: String) {
        guard let value = try? JSONReader.parse(Array(text.utf8)), case .object = value else { return nil }
        self.init()
        id = value["id"]?.stringValue
        title = value["title"]?.stringValue
        link = value["link"]?.stringValue
        published = Self.seconds(value["published"])
        updated = Self.seconds(value["updated"])
        summary = value["summary"]?.stringValue
        content = value["content"]?.stringValue
        if case let .array(names)? = value["authors"] { authors = names.compactMap(\.stringValue).map { Author(name: $0) } }
        if case let .array(terms)? = value["categories"] { categories = terms.compactMap(\.stringValue) }
    }

    private static func seconds(_ value: JSONValue?) -> Date? {
        switch value {
        case let .double(d)?: Date(timeIntervalSince1970: d)
        case let .int(i)?: Date(timeIntervalSince1970: TimeInterval(i))
        default: nil
        }
    }

    /// At most `limit` UTF-8 bytes, cut at a character boundary.
    private static func cut(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var cut = String(decoding: text.utf8.prefix(limit), as: UTF8.self)
        // A character split by the cut decodes as U+FFFD; it goes.
        while cut.hasSuffix("\u{FFFD}") { cut.removeLast() }
        return cut
    }
}
