import ArgumentParser
import Foundation
import Daemon
import Model

/// Alert precision and recall over tricky items: each case is an item (title,
/// body) and the watch ids that must fire on it; every other watch must not.
///
///     .build/release/feedwatch-bench alert-cases --split dev
struct AlertCasesBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alert-cases",
                                                    abstract: "Alert precision and recall on tricky items.")
    @Option(help: "JSON lines of {id, split, kind, title, body, fires}.")
    var cases = "Tests/DaemonTests/AlertCases/cases.jsonl"
    @Option(help: "The watch list (feeds.json's watch array).")
    var watch = "Tests/DaemonTests/AlertCases/watch.json"
    @Option(help: "dev, holdout, holdout2 … holdout7, or all.") var split = "dev"
    @Flag(help: "List every wrong decision.") var errors = false

    func run() throws {
        let watchJSON = try String(contentsOfFile: watch, encoding: .utf8)
        let configuration = try ConfigLoader.load(bytes: Array(#"{"feeds": [], "watch": \#(watchJSON)}"#.utf8), path: watch, environment: [:])
        let analyzer = ItemAnalyzer(watch: configuration.watch, rules: configuration.rules)
        var tally: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var wrong: [String] = []
        for line in try String(contentsOfFile: cases, encoding: .utf8).split(separator: "\n") {
            let item = try JSONReader.parse(Array(line.utf8))
            guard split == "all" || item["split"]?.stringValue == split else { continue }
            var entry = Entry()
            entry.id = item["id"]?.stringValue
            entry.title = item["title"]?.stringValue
            entry.summary = item["body"]?.stringValue
            let fired = Set(analyzer.decide(entry, feedID: "cases", feedURL: "https://cases.example/", feedTitle: nil, now: Date())
                .alerts.map(\.rule))
            var expected = Set<String>()
            if case let .array(ids)? = item["fires"] { expected = Set(ids.compactMap(\.stringValue)) }
            let kind = item["kind"]?.stringValue ?? "?"
            for key in [kind, "all"] {
                var t = tally[key] ?? (0, 0, 0)
                t.tp += fired.intersection(expected).count
                t.fp += fired.subtracting(expected).count
                t.fn += expected.subtracting(fired).count
                tally[key] = t
            }
            if fired != expected {
                wrong.append("\(entry.id ?? "?"): fired \(fired.sorted()) expected \(expected.sorted())  | \(entry.title ?? "")")
            }
        }
        print("kind              precision  recall   tp  fp  fn")
        for (kind, t) in tally.sorted(by: { $0.key == "all" ? false : $1.key == "all" ? true : $0.key < $1.key }) {
            let p = t.tp + t.fp == 0 ? 1 : Double(t.tp) / Double(t.tp + t.fp)
            let r = t.tp + t.fn == 0 ? 1 : Double(t.tp) / Double(t.tp + t.fn)
            print(kind.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "  %9.3f  %6.3f  %3d %3d %3d", p, r, t.tp, t.fp, t.fn))
        }
        if errors { wrong.forEach { print($0) } }
    }
}
