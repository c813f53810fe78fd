import Foundation
import Model
import Extract
import Rules
import Outputs
import Parse

/// What feedwatch decides about one item: which rules fire, with which names where.
public struct ItemDecision: Sendable {
    public var itemKey: String
    /// The item's identity across feeds, from which its alerts' ids are made.
    public var identity: String
    public var entry: Entry
    public var alerts: [Alert]
    /// The watches the item mentions, whether or not a rule fired (spike rules count them).
    public var mentioned: Set<String> = []
    /// The story it tells: its id, normalised link and the SimHash of its text.
    public var story: (id: String, url: String?, simhash: UInt64)?
}

/// Item → text → watched names → rules → alerts. Pure: the same item and
/// configuration always give the same decision (firedAt aside).
public struct ItemAnalyzer: Sendable {
    public let extractor: Extractor
    public let rules: [Rule]
    private let assembly: AlertAssembly
    /// Long summaries are cut in alerts; the link leads to the rest.
    static let summaryLimit = 600

    /// The rules' keywords, as folded word hashes (`facts`).
    let keywords: [String: [UInt64]]
    /// Does a rule ask for two watches in one sentence?
    let needsSentences: Bool

    /// Are copies of one story found (`settings.dedup`), by link and text? Else each item is its own story.
    let storyText: Bool

    public init(watch: [WatchEntry], rules: [Rule], tagger: any EntityTagger = NERResources.defaultTagger, storyText: Bool = true) {
        extractor = Extractor(watch: watch, tagger: tagger)
        self.storyText = storyText
        self.rules = rules
        keywords = Self.keywordPhrases(rules)
        needsSentences = rules.contains { $0.when.needsSentences }
        assembly = AlertAssembly(watch: watch, rules: rules)
    }

    /// The fetch an item came from, for its alerts' provenance.
    public struct Fetch: Sendable {
        public var at: Date
        public var status: Int?
        public var url: String
        public init(at: Date, status: Int?, url: String) {
            self.at = at
            self.status = status
            self.url = url
        }
    }

    public func decide(_ entry: Entry, feedID: String, feedURL: String, feedTitle: String?, now: Date,
                       fetched: Fetch? = nil, tags: Set<String> = []) -> ItemDecision {
        let fields = ItemText(entry)
        let texts = fields.all
        // Watched names are resolved across the whole item (a surname in the
        // title may refer to the full name in the summary).
        let found = extractor.itemEntities(inFields: texts.map(\.1))
        var mentions: [String: [Mention]] = [:]
        for ((field, _), entities) in zip(texts, found.watched) {
            for entity in entities {
                guard let watch = entity.watch else { continue }
                mentions[watch, default: []].append(Mention(text: entity.text, field: field, start: entity.start, end: entity.end))
            }
        }
        let present = Set(mentions.keys)
        let firing = present.isEmpty && keywords.isEmpty ? []
            : RuleEvaluator.firing(rules, facts(texts, mentions: mentions, feedID: feedID, tags: tags))
        guard !firing.isEmpty else {
            return ItemDecision(itemKey: ItemIdentity.key(of: entry), identity: ItemIdentity.global(of: entry, feedURL: feedURL),
                                entry: entry, alerts: [], mentioned: present)
        }

        let entities = EntityCounter.count(found.all.flatMap { $0 })
        let identity = ItemIdentity.global(of: entry, feedURL: feedURL)
        let item = Alert.ItemRef(id: ItemIdentity.key(of: entry), title: entry.title, link: entry.link,
                                 published: entry.date, summary: fields.summary.map { Self.shorten($0) })
        let story = Self.story(of: entry, identity: identity, fields: storyText ? fields : nil)
        let provenance = fetched.map { fetch in
            FetchProvenance(at: fetch.at, status: fetch.status, url: fetch.url,
                            itemHash: SHA256Digest.hex(fields.digestInput) ?? "")
        }
        var common = Alert(id: "", rule: "", severity: nil, firedAt: now, feed: .init(id: feedID, url: feedURL, title: feedTitle),
                           item: item, matches: [], entities: entities, fetch: provenance)
        common.story = story.id
        let alerts = assembly.alerts(firing: firing, mentions: mentions, common: common) {
            AlertID.make(rule: $0.id, itemIdentity: identity)
        }
        return ItemDecision(itemKey: ItemIdentity.key(of: entry), identity: identity, entry: entry, alerts: alerts, mentioned: present,
                            story: story)
    }

    /// A story is known by its normalised link (its id is that link's hash), else by the
    /// item's identity; its text by the SimHash of title and summary (`StoryKey`).
    /// With dedup off (`fields` nil) every item is a story of its own.
    static func story(of entry: Entry, identity: String, fields: ItemText?) -> (id: String, url: String?, simhash: UInt64) {
        guard let fields else { return (String(FNV.hash(identity), radix: 16), nil, 0) }
        let url = entry.link.flatMap(StoryKey.normalizedURL)
        let id = String(FNV.hash(url ?? identity), radix: 16)
        return (id, url, StoryKey.simhash([fields.title, fields.summary].compactMap { $0 }.joined(separator: "\n")))
    }

    static func shorten(_ text: String) -> String {
        guard text.count > summaryLimit else { return text }
        let cut = text.prefix(summaryLimit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}

/// The plain text of an item's fields, as the extractor reads them and as mention offsets count.
struct ItemText {
    var title: String?
    var summary: String?
    var content: String?

    init(_ entry: Entry) {
        title = entry.title  // already plain text (Parse)
        summary = entry.summary.map(HTMLText.plainText)
        content = entry.content.map(HTMLText.plainText)
    }

    /// What `itemHash` is the SHA-256 of: each field's name, a tab, its text as evaluated
    /// and a newline, for the fields that have text, in the order title, summary, content.
    var digestInput: [UInt8] {
        all.flatMap { field, text in Array("\(field.rawValue)\t\(text)\n".utf8) }
    }

    var all: [(Mention.Field, String)] {
        [(.title, title), (.summary, summary), (.content, content)].compactMap { field, text in
            text.flatMap { $0.isEmpty ? nil : (field, $0) }
        }
    }
}
