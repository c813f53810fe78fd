import Foundation
import Listener
import Outputs
import Model
import Fetch

/// feeds.json, validated, with defaults applied and relative paths resolved.
public struct Configuration: Sendable {
    public struct Settings: Sendable {
        public var interval: TimeInterval = 15 * 60
        /// On a feed's first poll, items older than this are recorded without alerting.
        public var backfill: TimeInterval = 24 * 3600
        public var concurrency = 32
        public var userAgent = FetchEngine.defaultUserAgent
        public var timeout: TimeInterval = 30
        public var connectTimeout: TimeInterval = 10
        public var maxFeedBytes = 20 << 20
        public var maxRedirects = 5
        /// Poll times are spread by up to this fraction of the interval.
        public var jitter = 0.1
        /// Longest wait between polls of a failing feed (it is never given up).
        public var maxFeedBackoff: TimeInterval = 3600
        public var retryBase: TimeInterval = 1
        public var maxRetryDelay: TimeInterval = 3600
        /// Seen keys of items no feed has listed for this long, and settled alerts this old, are removed.
        public var retention: TimeInterval = 180 * 86400
        /// Outputs that hear about feedwatch itself (a feed failing, an output dead); none by default.
        public var selfAlerts: [String] = []
        /// A feed answering 404 or not a feed for this long is parked like one that is gone (410).
        public var failingAfter: TimeInterval = 86_400
        /// Requests at once to one site (a registrable domain: `Site`).
        public var perSite = 2
        /// The longest a feed's own hints (Cache-Control, ttl, its publishing rhythm) may stretch its interval.
        public var maxInterval: TimeInterval = 6 * 3600
        /// Learn each feed's publishing rhythm from its item dates (`PollSchedule.rhythm`).
        public var adaptive = true
        /// How long `run --once` keeps retrying deliveries before it exits.
        public var onceDeliveryTimeout: TimeInterval = 60
        /// One story once: within `window`, a copy of a story that fired a rule does not
        /// fire it again (nil: every item alerts on its own).
        public var dedup: StoryDedup? = StoryDedup()
        /// The local HTTP listener's address (`/metrics`, `/healthz`, `/readyz`, `/websub/…`); none when unset.
        public var listen: ListenAddress?
        /// How long the text of items is kept for `feedwatch replay` (0: not kept).
        public var keepItems: TimeInterval = 7 * 86_400
        /// WebSub push: subscribe to the hubs feeds name (nil: poll only).
        public var webSub: WebSub?
        public init() {}
    }

    public struct WebSub: Sendable, Equatable {
        /// The public base URL that reaches the listener's `/websub`; a subscription's
        /// callback is this plus `/` and its token.
        public var callback: String
        /// The lease asked of hubs (`hub.lease_seconds`); a hub may grant another.
        public var lease: TimeInterval = 10 * 86_400
    }

    public struct StoryDedup: Sendable, Equatable {
        public var window: TimeInterval = 48 * 3600
        /// SimHash similarity of title and summary from which two items are one story.
        public var similarity = 0.9
    }

    public struct FeedSource: Sendable, Equatable {
        public var id: String
        public var url: String
        public var interval: TimeInterval?
        /// Overrides `settings.backfill` for this feed's first poll.
        public var backfill: TimeInterval?
        public var tags: [String]
        /// A name for people (OPML's text), when feeds.json gives one.
        public var title: String? = nil
    }

    public enum OutputKind: Sendable, Equatable {
        case stdout(json: Bool)
        case file(path: String)
        /// `secrets`: none, one, or several during a key rotation (one signature each).
        case webhook(url: String, secrets: [String], headers: [String: String], timeout: TimeInterval)
        /// Slack, Discord, Teams, ntfy or Matrix (`ChatService`).
        case chat(ChatEndpoint, template: String?, timeout: TimeInterval)
        /// E-mail through an SMTP server.
        case email(MailServer, template: String?, timeout: TimeInterval)
    }

    public struct Output: Sendable, Equatable {
        public var name: String
        public var kind: OutputKind
    }

    public var path: String
    public var settings = Settings()
    public var feeds: [FeedSource] = []
    public var watch: [WatchEntry] = []
    /// The configured rules, or one per watch entry when none are.
    public var rules: [Rule] = []
    public var outputs: [Output] = []

    public init(path: String) { self.path = path }

    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The outputs a rule notifies: those it names, or all.
    public func outputs(for rule: Rule) -> [String] {
        rule.notify.isEmpty ? outputs.map(\.name) : rule.notify
    }

    /// Whether any of these outputs prints the readable line rather than the JSON.
    func printsReadableLines(_ names: [String]) -> Bool {
        outputs.contains { $0.kind == .stdout(json: false) && names.contains($0.name) }
    }

    public func interval(of feed: FeedSource) -> TimeInterval { feed.interval ?? settings.interval }
    public func backfill(of feed: FeedSource) -> TimeInterval { feed.backfill ?? settings.backfill }
}
