import ArgumentParser
import Foundation
import Model
import Fetch
import Parse
import Daemon

struct Test: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dry run on a feed or a text file: which rules would fire on which items, with the matched spans. Delivers nothing, changes no state.")

    @Argument(help: "A feed (file path, - or URL) or a plain text file.")
    var source: String

    @OptionGroup var config: ConfigOption

    func run() async throws {
        let configuration = try config.load()
        let items = try await ItemSource.read(source, command: "test")
        let (entries, title, url) = (items.entries, items.feedTitle, items.url)
        let analyzer = ItemAnalyzer(watch: configuration.watch, rules: configuration.rules)
        var fired = 0
        for entry in entries {
            let decision = analyzer.decide(entry, feedID: "test", feedURL: url ?? source, feedTitle: title, now: Date())
            for alert in decision.alerts {
                fired += 1
                print(DryRunReport.describe(alert, outputs: configuration.outputs(for: configuration.rules.first { $0.id == alert.rule }
                    ?? Rule(id: alert.rule, when: .all([])))))
            }
        }
        print("\(fired) alert\(fired == 1 ? "" : "s") would fire on \(entries.count) item\(entries.count == 1 ? "" : "s") (nothing delivered, no state changed)")
    }
}

enum DryRunReport {
    static func describe(_ alert: Alert, outputs: [String]) -> String {
        var lines = ["rule \(alert.rule)\(alert.severity.map { " [\($0)]" } ?? "") fires on: \(alert.item.title ?? "(untitled)")"
            + (alert.item.link.map { " <\($0)>" } ?? "")]
        for match in alert.matches {
            let spans = match.mentions.map { "\"\($0.text)\" in \($0.field.rawValue) [\($0.start)–\($0.end)]" }
            lines.append("  \(match.watch) (\(match.name)): " + spans.joined(separator: ", "))
        }
        lines.append("  would notify: \(outputs.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }
}
