import Foundation
import ArgumentParser
import Model
import Fetch
import Parse

/// The items of a source given to `test` or `explain`: a feed's entries, or a
/// text file as one item.
struct ItemSource {
    var entries: [Entry]
    var feedTitle: String?
    var url: String?

    /// Exit 66 when the source cannot be read.
    static func read(_ source: String, command: String) async throws -> ItemSource {
        let engine = FetchEngine(maxConnections: 4)
        defer { engine.shutdown() }
        let bytes: [UInt8], url: String?, headers: [String: String]
        do {
            (bytes, url, headers) = try await SourceReader(engine: engine).read(source)
        } catch {
            StandardError.write("feedwatch \(command): \(error)")
            throw ExitCode(ExitStatus.noInput)
        }
        if let feed = try? FeedParser.parse(bytes, url: url, headers: headers) {
            return ItemSource(entries: feed.entries, feedTitle: feed.title, url: url)
        }
        // Not a feed: the text itself is one item.
        var entry = Entry()
        entry.content = HTMLSanitizer.escape(String(decoding: bytes, as: UTF8.self), quotes: false)
        entry.id = source
        return ItemSource(entries: [entry], feedTitle: nil, url: url)
    }
}
