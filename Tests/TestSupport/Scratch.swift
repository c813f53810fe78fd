import Foundation

/// A temporary directory for one test, removed when the test ends.
public final class Scratch: Sendable {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("feedwatch-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    public func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }

    public func lines(_ name: String) -> [String] {
        read(name).split(separator: "\n").map(String.init)
    }
}

/// Writes RSS documents for tests.
public enum FeedText {
    public struct Item: Sendable {
        public var guid: String
        public var title: String
        public var description: String
        public var pubDate: String?
        public init(guid: String, title: String, description: String = "", pubDate: String? = nil) {
            self.guid = guid
            self.title = title
            self.description = description
            self.pubDate = pubDate
        }
    }

    public static func rss(_ items: [Item], title: String = "Test feed") -> String {
        let body = items.map { item in
            """
            <item><title>\(item.title)</title><link>https://news.example.test/\(item.guid)</link>\
            <guid isPermaLink="false">\(item.guid)</guid><description>\(item.description)</description>\
            \(item.pubDate.map { "<pubDate>\($0)</pubDate>" } ?? "")</item>
            """
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>\(body)</channel></rss>"
    }
}
