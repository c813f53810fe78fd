import Foundation
import Daemon
import Extract
import Model

/// Text → the whole of what an item goes through after parsing: the first line
/// is its title and the rest its summary; watched names with tricky spellings
/// (diacritics, particles, apostrophes, an acronym) are matched, linked and
/// ruled on, and the alert assembled.
enum TextFuzzing {
    static let watch = [
        WatchEntry(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person, aliases: ["Erdogan"]),
        WatchEntry(id: "hayya", name: "Khalil al-Hayya", kind: .person),
        WatchEntry(id: "hamas", name: "Hamas", kind: .organization),
        WatchEntry(id: "jordan", name: "Jordan", kind: .location),
        WatchEntry(id: "who", name: "World Health Organization", kind: .organization, aliases: ["WHO"]),
    ]
    static let analyzer = ItemAnalyzer(watch: watch, rules: [
        Rule(id: "both", when: .all([.watch("erdogan"), .any([.watch("hamas"), .watch("hayya")])])),
        Rule(id: "not-jordan", when: .all([.watch("who"), .not(.watch("jordan"))])),
        Rule(id: "jordan", when: .watch("jordan")),
    ])

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        var entry = Entry()
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        entry.title = parts.first.map(String.init)
        entry.summary = parts.count > 1 ? String(parts[1]) : nil
        entry.id = "fuzz"
        let decision = analyzer.decide(entry, feedID: "fuzz", feedURL: "https://fuzz.example/", feedTitle: nil,
                                       now: Date(timeIntervalSince1970: 1_800_000_000))
        for alert in decision.alerts { _ = alert.jsonText }
        let entities = analyzer.extractor.entities(in: text)
        let scalars = text.unicodeScalars.count
        for entity in entities { precondition(entity.start >= 0 && entity.start < entity.end && entity.end <= scalars) }
    }
}
