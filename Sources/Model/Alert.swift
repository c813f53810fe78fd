import Foundation

/// One alert: a rule that fired on an item (CONTRACT.md, "Alerts").
public struct Alert: Sendable, Equatable {
    public struct FeedRef: Sendable, Equatable {
        public var id: String
        public var url: String
        public var title: String?
        public init(id: String, url: String, title: String?) {
            self.id = id
            self.url = url
            self.title = title
        }
    }

    public struct ItemRef: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var link: String?
        public var published: Date?
        public var summary: String?
        public init(id: String, title: String?, link: String?, published: Date?, summary: String?) {
            self.id = id
            self.title = title
            self.link = link
            self.published = published
            self.summary = summary
        }
    }

    public var id: String
    public var rule: String
    public var severity: String?
    public var firedAt: Date
    public var feed: FeedRef
    public var item: ItemRef
    public var matches: [WatchMatch]
    public var entities: [EntityCount]
    /// For a spike rule: the counts that made it fire.
    public var spike: SpikeReport?
    /// What feedwatch saw when it decided: the fetch and a hash of the item's text.
    public var fetch: FetchProvenance?
    /// The story the item tells: the same for every copy of it, in any feed.
    public var story: String?

    public init(
        id: String, rule: String, severity: String?, firedAt: Date, feed: FeedRef, item: ItemRef,
        matches: [WatchMatch], entities: [EntityCount], spike: SpikeReport? = nil, fetch: FetchProvenance? = nil
    ) {
        self.spike = spike
        self.fetch = fetch
        self.id = id
        self.rule = rule
        self.severity = severity
        self.firedAt = firedAt
        self.feed = feed
        self.item = item
        self.matches = matches
        self.entities = entities
    }
}

/// Where a watched entity was found in an item.
public struct WatchMatch: Sendable, Equatable {
    public var watch: String
    public var name: String
    public var type: String
    public var mentions: [Mention]
    public init(watch: String, name: String, type: String, mentions: [Mention]) {
        self.watch = watch
        self.name = name
        self.type = type
        self.mentions = mentions
    }
}

public struct Mention: Sendable, Equatable {
    public enum Field: String, Sendable, Equatable, CaseIterable {
        case title, summary, content
    }
    public var text: String
    public var field: Field
    public var start: Int
    public var end: Int
    public init(text: String, field: Field, start: Int, end: Int) {
        self.text = text
        self.field = field
        self.start = start
        self.end = end
    }
}

/// An entity of the item with how often it occurs, variants of one name merged.
public struct EntityCount: Sendable, Equatable {
    public var text: String
    public var type: EntityType
    public var count: Int
    public init(text: String, type: EntityType, count: Int) {
        self.text = text
        self.type = type
        self.count = count
    }
}

/// Where an alert's item came from, so that anyone can check later what feedwatch saw.
public struct FetchProvenance: Sendable, Equatable {
    /// When the feed was fetched.
    public var at: Date
    /// The HTTP status (nil for a file: feed).
    public var status: Int?
    /// The feed's URL after redirects.
    public var url: String
    /// Hex SHA-256 of the item's text as evaluated (`ItemText.digestInput`).
    public var itemHash: String

    public init(at: Date, status: Int?, url: String, itemHash: String) {
        self.at = at
        self.status = status
        self.url = url
        self.itemHash = itemHash
    }
}
