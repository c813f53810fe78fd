import Foundation
import Model
import Parse

/// Feeds from an OPML subscription list merged into feeds.json, the file kept otherwise as
/// it was (its keys in order; rewritten two-space indented).
public enum FeedImport {
    public struct Outcome: Sendable {
        public var text: String
        public var added: Int
        public var alreadyThere: Int
    }

    /// `config`: the current file's bytes, nil when there is none yet. Feeds whose URL is
    /// configured already are left out; the others get an id made from their title (or URL),
    /// unique in the file, their title and their folders and categories as tags.
    public static func merge(opml: [UInt8], into config: [UInt8]?) throws -> Outcome {
        let feeds = try OPML.read(opml)
        var root: [(String, JSONValue)] = []
        if let config, !config.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            guard case let .object(pairs) = try JSONReader.parse(config) else { throw ImportError.notAnObject }
            root = pairs
        }
        var list: [JSONValue] = []
        if let index = root.firstIndex(where: { $0.0 == "feeds" }), case let .array(items) = root[index].1 { list = items }
        var urls = Set(list.compactMap { $0["url"]?.stringValue })
        var ids = Set(list.compactMap { $0["id"]?.stringValue ?? $0["url"]?.stringValue.map(Slug.make) })
        var added = 0, skipped = 0
        for feed in feeds {
            guard urls.insert(feed.url).inserted else {
                skipped += 1
                continue
            }
            let base = Slug.make(feed.title ?? feed.url)
            var id = base, n = 2
            while !ids.insert(id).inserted {
                id = "\(base)-\(n)"
                n += 1
            }
            var pairs: [(String, JSONValue)] = [("id", .string(id)), ("url", .string(feed.url))]
            if let title = feed.title { pairs.append(("title", .string(title))) }
            if !feed.tags.isEmpty { pairs.append(("tags", .array(feed.tags.map(JSONValue.string)))) }
            list.append(.object(pairs))
            added += 1
        }
        if let index = root.firstIndex(where: { $0.0 == "feeds" }) {
            root[index].1 = .array(list)
        } else {
            root.insert(("feeds", .array(list)), at: 0)
        }
        return Outcome(text: JSONValue.object(root).prettyPrinted(), added: added, alreadyThere: skipped)
    }

    /// The configured feeds as an OPML 2.0 subscription list.
    public static func opml(_ configuration: Configuration) -> String {
        OPML.write(title: "feedwatch feeds", feeds: configuration.feeds.map {
            OPMLFeed(url: $0.url, title: $0.title, site: nil, tags: $0.tags)
        })
    }

    public enum ImportError: Error, CustomStringConvertible {
        case notAnObject
        public var description: String { "the configuration is not a JSON object" }
    }
}
