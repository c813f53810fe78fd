import Foundation
import Testing
import Model
@testable import Parse

/// Each fixture under Fixtures/ with a `*.expected.json` beside it is parsed as if
/// fetched from https://fixtures.example/<name> and compared with its golden JSON.
/// `FEEDWATCH_REGENERATE_GOLDEN=1 swift test --filter Golden` rewrites the goldens and
/// fails that run, as argument-parser's `assertSnapshot` does: review the diff, then run again.
@Suite("Parser golden fixtures")
struct GoldenFixtureTests {
    /// Read beside the test source, so a regenerated golden is what the next run compares.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected.json") && !$0.hasSuffix(".html") }.sorted()
    }

    @Test("parses to its golden JSON", arguments: fixtures)
    func golden(name: String) throws {
        let bytes = try Array(Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let feed = try FeedParser.parse(bytes, url: "https://fixtures.example/\(name)")
        let actual = feed.json
        let goldenURL = Self.directory.appendingPathComponent(name + ".expected.json")
        if ProcessInfo.processInfo.environment["FEEDWATCH_REGENERATE_GOLDEN"] == "1" {
            try (actual.serialized() + "\n").write(to: goldenURL, atomically: true, encoding: .utf8)
            Issue.record("\(name): golden rewritten; review the diff, then run without FEEDWATCH_REGENERATE_GOLDEN")
            return
        }
        let expected = try JSONReader.parse(String(decoding: Data(contentsOf: goldenURL), as: UTF8.self))
        #expect(actual == expected, "\(name): \(actual.serialized())")
    }

    @Test("an HTML page is not a feed")
    func htmlIsNotAFeed() throws {
        let bytes = try Array(Data(contentsOf: Self.directory.appendingPathComponent("not-a-feed.html")))
        #expect(throws: ParseError.self) { try FeedParser.parse(bytes, url: nil) }
    }
}
