import Foundation
import Testing
import Model
@testable import Daemon

/// The tricky items of AlertCases/cases.jsonl, every split: every watch that must
/// fire fires, and no other. Each split was first read unseen (the figures are in
/// the README); here they all guard against regressions. `feedwatch-bench
/// alert-cases --split S` prints the figures per kind.
@Suite("Alert precision and recall on tricky items")
struct AlertCaseTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("AlertCases")

    /// The analyser of a configuration that watches AlertCases/watch.json, one rule per entry.
    static func analyzer() throws -> ItemAnalyzer {
        let watchJSON = try String(contentsOf: Self.folder.appendingPathComponent("watch.json"), encoding: .utf8)
        let configuration = try ConfigLoader.load(bytes: Array(#"{"feeds": [], "watch": \#(watchJSON)}"#.utf8),
                                                  path: "/cases/feeds.json", environment: [:])
        return ItemAnalyzer(watch: configuration.watch, rules: configuration.rules)
    }

    @Test("precision and recall at least 0.98 on every split")
    func devSplit() throws {
        let analyzer = try Self.analyzer()
        var (tp, fp, fn, items) = (0, 0, 0, 0)
        var wrong: [String] = []
        for line in try String(contentsOf: Self.folder.appendingPathComponent("cases.jsonl"), encoding: .utf8).split(separator: "\n") {
            let item = try JSONReader.parse(Array(line.utf8))
            items += 1
            var entry = Entry()
            entry.id = item["id"]?.stringValue
            entry.title = item["title"]?.stringValue
            entry.summary = item["body"]?.stringValue
            let fired = Set(analyzer.decide(entry, feedID: "t", feedURL: "https://t.example/", feedTitle: nil, now: Date()).alerts.map(\.rule))
            var expected = Set<String>()
            if case let .array(ids)? = item["fires"] { expected = Set(ids.compactMap(\.stringValue)) }
            tp += fired.intersection(expected).count
            fp += fired.subtracting(expected).count
            fn += expected.subtracting(fired).count
            if fired != expected { wrong.append("\(entry.id ?? "?"): \(fired.sorted()) vs \(expected.sorted())") }
        }
        #expect(items >= 240)
        let precision = Double(tp) / Double(max(tp + fp, 1)), recall = Double(tp) / Double(max(tp + fn, 1))
        #expect(precision >= 0.98, "precision \(precision): \(wrong)")
        #expect(recall >= 0.98, "recall \(recall): \(wrong)")
    }
}
