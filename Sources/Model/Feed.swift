import Foundation

/// A parsed feed in the shape of the contract's feed JSON (CONTRACT.md, "Feed JSON").
public struct Feed: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    public var published: Date?
    public var id: String?
    public var image: String?
    public var authors: [Author]
    public var categories: [String]
    public var entries: [Entry]
    /// True when the document was not well-formed and was recovered (feedparser's "bozo").
    public var bozo: Bool
    /// How long the feed says it stays fresh: RSS `<ttl>`, or `sy:updatePeriod` divided by
    /// `sy:updateFrequency`. Not part of the feed JSON; the scheduler reads it.
    public var ttl: TimeInterval?
    /// WebSub (W3C Recommendation §4): the hubs the feed names (`atom:link rel="hub"`, JSON
    /// Feed `hubs`) and its own URL (`rel="self"`, `feed_url`), the topic to subscribe to.
    /// Not part of the feed JSON either.
    public var hubs: [String] = []
    public var selfLink: String?

    public init(format: FeedFormat = .unknown) {
        self.format = format
        authors = []
        categories = []
        entries = []
        bozo = false
    }
}

public enum FeedFormat: String, Sendable, Equatable, CaseIterable {
    case rss090, rss091, rss092, rss093, rss094, rss20, rss10
    case atom03, atom10, json10, json11, unknown
}

public struct Entry: Sendable, Equatable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var summary: String?
    public var content: String?
    public var authors: [Author]
    public var categories: [String]
    public var enclosures: [Enclosure]

    public init() {
        authors = []
        categories = []
        enclosures = []
    }

    /// The date an item counts as "from", for backfill decisions.
    public var date: Date? { published ?? updated }
}

public struct Author: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

public struct Enclosure: Sendable, Equatable {
    public var url: String
    public var type: String?
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
