import Foundation
import Model
import Parse
import Daemon

/// Feed bytes → `FeedParser` → the contract's JSON, and the identities the
/// daemon would record (dates and ids a stranger wrote end up in both).
enum FeedFuzzing {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let feed = try? FeedParser.parse(Array(bytes), url: "https://fuzz.example/feed") else { return }
        var out = JSONWriter()
        feed.writeJSON(to: &out)
        for entry in feed.entries {
            _ = ItemIdentity.global(of: entry, feedURL: "https://fuzz.example/feed")
        }
    }
}
