import ArgumentParser
import Foundation
import Model
import Daemon
import Extract

struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every candidate mention of every watched name in a text or a feed's items, accepted or not, and why.",
        discussion: """
            For an alert that surprised you, or one you expected that never came. Reads a feed \
            (file, - or URL) or a plain text file; prints each candidate with the field and span it \
            was found in, how it matched a watched spelling, what the tagger read there, the \
            verdict and the rule that decided it, then the rules the item would fire.
            """)

    @Argument(help: "A feed (file path, - or URL) or a plain text file (default: standard input).")
    var source: String = "-"

    @Flag(help: "One JSON object per item instead of text.")
    var json = false

    @OptionGroup var config: ConfigOption

    func run() async throws {
        let configuration = try config.load()
        let items = try await ItemSource.read(source, command: "explain")
        let analyzer = ItemAnalyzer(watch: configuration.watch, rules: configuration.rules)
        let names = Dictionary(configuration.watch.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, entry) in items.entries.enumerated() {
            let explanation = analyzer.explain(entry)
            if json {
                print(ExplainReport.json(entry, explanation).serialized())
            } else {
                print(ExplainReport.text(entry, explanation, number: index + 1, names: names))
            }
        }
    }
}

enum ExplainReport {
    /// A name wrapped across lines ("Xi<br>Jinping") is shown on one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func text(_ entry: Entry, _ explanation: ItemExplanation, number: Int, names: [String: WatchEntry]) -> String {
        var lines = ["item \(number): \(entry.title ?? entry.id ?? "(untitled)")" + (entry.link.map { " <\($0)>" } ?? "")]
        let candidates = explanation.fields.flatMap { field in field.candidates.map { (field.name, $0) } }
        if candidates.isEmpty { lines.append("  no candidate mention of any watched name") }
        for (field, candidate) in candidates {
            let mention = candidate.mention
            let watch = mention.watch.flatMap { names[$0] }
            lines.append("  \(field.rawValue) [\(mention.start)–\(mention.end)] \u{201C}\(oneLine(mention.text))\u{201D} → \(mention.watch ?? "?")"
                + (watch.map { " (\($0.name), \($0.kind.rawValue))" } ?? ""))
            lines.append("      matched as \(candidate.matchedAs); tagger: "
                + (candidate.taggedAs.map { "\($0.type.rawValue) \u{201C}\(oneLine($0.text))\u{201D}" } ?? "no name here"))
            if let reason = candidate.decision.rejection {
                lines.append("      ✘ rejected: \(reason)")
            } else {
                lines.append("      ✔ accepted")
            }
        }
        lines.append(explanation.firing.isEmpty ? "  fires no rule" : "  fires: " + explanation.firing.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    static func json(_ entry: Entry, _ explanation: ItemExplanation) -> JSONValue {
        let candidates: [JSONValue] = explanation.fields.flatMap { field in
            field.candidates.map { candidate -> JSONValue in
                .object([
                    ("field", .string(field.name.rawValue)), ("text", .string(candidate.mention.text)),
                    ("start", .int(candidate.mention.start)), ("end", .int(candidate.mention.end)),
                    ("watch", .string(candidate.mention.watch)), ("matchedAs", .string(candidate.matchedAs)),
                    ("tagged", candidate.taggedAs.map { .object([("type", .string($0.type.rawValue)), ("text", .string($0.text))]) } ?? .null),
                    ("accepted", .bool(candidate.decision.accepted)),
                    ("reason", .string(candidate.decision.rejection?.description)),
                ])
            }
        }
        return .object([
            ("id", .string(entry.id)), ("title", .string(entry.title)), ("link", .string(entry.link)),
            ("candidates", .array(candidates)), ("fires", .array(explanation.firing.map { .string($0) })),
        ])
    }
}
