import Foundation
import Model

/// Where a feed stands: its validators, when it is next due, how it is failing.
public struct FeedState: Sendable, Equatable {
    public var id: String
    public var url: String
    public var validators: (etag: String?, lastModified: String?)
    public var nextPollAt: Date
    public var failures: Int
    /// A short word for the current failure, so it is logged once per change.
    public var lastError: String?
    /// False until the first successful poll: backfill applies then.
    public var polledOnce: Bool
    /// Why the next poll is when it is ("the interval", "Retry-After", …).
    public var pollReason: String?
    /// When the current run of failures began; nil while the feed answers.
    public var failingSince: Date?
    /// `url` is where the feed moved for good (301/308), not the configured URL.
    public var moved = false

    public static func == (a: FeedState, b: FeedState) -> Bool {
        a.id == b.id && a.url == b.url && a.validators.etag == b.validators.etag
            && a.validators.lastModified == b.validators.lastModified && a.nextPollAt == b.nextPollAt
            && a.failures == b.failures && a.lastError == b.lastError && a.polledOnce == b.polledOnce && a.pollReason == b.pollReason
            && a.failingSince == b.failingSince && a.moved == b.moved
    }
}

/// An alert decided for an item, with the outputs it must reach.
public struct QueuedAlert: Sendable, Equatable {
    public var id: String
    public var rule: String
    /// What the id is made from with the rule: the item's global identity. An alert is
    /// recorded once per (rule, identity), and once per (rule, link).
    public var identity: String
    public var link: String?
    public var payload: String
    public var line: String
    public var outputs: [String]
    /// The story it tells, as `storyMarks` finds it again.
    public var story: StoryMark?
    /// The group it joins when its rule batches its alerts (`Batching`); nil when it goes out on its own.
    public var group: String?

    public init(id: String, rule: String, identity: String, link: String?, payload: String, line: String, outputs: [String]) {
        self.id = id
        self.rule = rule
        self.identity = identity
        self.link = link
        self.payload = payload
        self.line = line
        self.outputs = outputs
    }
}

/// Everything decided about one item: recorded as seen, its alerts queued, the
/// watches it mentions counted for spikes, in one transaction.
public struct ItemRecord: Sendable, Equatable {
    public var feedID: String
    public var itemKey: String
    public var alerts: [QueuedAlert]
    /// The watch ids the item mentions (each counted once per item).
    public var mentions: [String]
    /// Those of `mentions` whose latest items a spike alert names: the item's title and
    /// link are kept for them. (Every mention is counted; only these keep the item.)
    public var listedMentions: [String]
    public var title: String?
    public var link: String?
    /// A hash of the item's title and summary as recorded: an edit changes it.
    public var contentHash: Int64 = 0
    /// The item as `feedwatch replay` reads it again (`Entry.keptJSON`), with its feed's
    /// title; nil when items are not kept (`settings.keepItems` "0").
    public var keptEntry: String?
    public var feedTitle: String?

    public init(feedID: String, itemKey: String, alerts: [QueuedAlert], mentions: [String] = [], listedMentions: [String]? = nil,
                title: String? = nil, link: String? = nil) {
        self.feedID = feedID
        self.itemKey = itemKey
        self.alerts = alerts
        self.mentions = mentions
        self.listedMentions = listedMentions ?? mentions
        self.title = title
        self.link = link
    }
}

/// Every item key a feed listed on a full fetch: they stay "present" (their
/// seen keys are kept) while the feed keeps listing them.
public struct FeedListing: Sendable, Equatable {
    public var feedID: String
    public var itemKeys: [String]
    /// An item's "last listed" time is rewritten only when older than this: a poll
    /// then costs no write for items already marked present lately. Must be well
    /// under the retention (the daemon uses a quarter of it, at most a day).
    public var resolution: TimeInterval
    /// The fetch that listed them, stored in the same transaction: one commit, and one
    /// fsync, for a whole poll. Its validators are never stored without its items.
    public var fetched: Fetched?

    public struct Fetched: Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?
        public var nextPollAt: Date
        public var reason: String?
        public init(etag: String?, lastModified: String?, nextPollAt: Date, reason: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
            self.nextPollAt = nextPollAt
            self.reason = reason
        }
    }

    public init(feedID: String, itemKeys: [String], resolution: TimeInterval = FeedListing.defaultResolution, fetched: Fetched? = nil) {
        self.feedID = feedID
        self.itemKeys = itemKeys
        self.resolution = resolution
        self.fetched = fetched
    }

    public static let defaultResolution: TimeInterval = 6 * 3600
}

/// How one delivery ended, for `settle`.
public struct Settlement: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case delivered
        case retry(at: Date, reason: String)
        case dead(reason: String)
    }

    public var alertID: String
    public var output: String
    public var outcome: Outcome
    /// The delivery's row in the store, when known (`Delivery.row`).
    public var row: Int64

    public init(alertID: String, output: String, outcome: Outcome, row: Int64 = 0) {
        self.alertID = alertID
        self.output = output
        self.outcome = outcome
        self.row = row
    }
}

/// What one pruning removed.
public struct PruneReport: Sendable, Equatable {
    public var seenItems = 0
    public var alerts = 0
    public var deliveries = 0
    public init() {}
}

/// A poll answered "not modified", for `recordUnchanged`.
public struct UnchangedPoll: Sendable, Equatable {
    public var feedID: String
    public var nextPollAt: Date
    public var reason: String?
    /// As in `FeedListing`.
    public var resolution: TimeInterval

    public init(feedID: String, nextPollAt: Date, reason: String?, resolution: TimeInterval = FeedListing.defaultResolution) {
        self.feedID = feedID
        self.nextPollAt = nextPollAt
        self.reason = reason
        self.resolution = resolution
    }
}

/// How a poll ended, for the feed's schedule.
public enum PollOutcome: Sendable, Equatable {
    case fetched(etag: String?, lastModified: String?)
    /// Unchanged since the last listing; `resolution` as in `FeedListing`.
    case notModified(resolution: TimeInterval = FeedListing.defaultResolution)
    case failed(kind: String)
}

/// feedwatch's durable state. Each operation is a whole transaction, so a
/// crash between any two leaves nothing half-done, and another backend
/// (PostgreSQL, for several daemons) can implement the same operations.
public protocol StateStore {
    /// Adds configured feeds not yet known (due at once), updates changed URLs
    /// and stops scheduling feeds no longer configured.
    func syncFeeds(_ feeds: [(id: String, url: String)], now: Date) throws(StoreError)
    func feedState(_ id: String) throws(StoreError) -> FeedState?
    /// The feed answers at `url` now, for good (a 301/308 chain): polled there until the
    /// configuration gives it another URL.
    func moveFeed(_ id: String, to url: String) throws(StoreError)
    /// At most `limit` feeds due at `now`, most overdue first.
    func dueFeeds(now: Date, limit: Int) throws(StoreError) -> [FeedState]
    /// A `.notModified` outcome keeps present the items the feed listed last time.
    /// `reason`: why the next poll is then, kept for `status`.
    func recordPoll(feedID: String, outcome: PollOutcome, nextPollAt: Date, reason: String?, now: Date) throws(StoreError)

    /// Several polls answered "not modified" (304), in one transaction: each feed's listed
    /// items stay present, and its next poll is set.
    func recordUnchanged(_ polls: [UnchangedPoll], now: Date) throws(StoreError)

    /// The content hash recorded for a seen item (`ItemRecord.contentHash`); nil when the
    /// item was never seen, 0 when it was recorded without one.
    func seenContentHash(feedID: String, itemKey: String) throws(StoreError) -> Int64?
    /// Stories told since `since` under this normalised link or sharing a SimHash band.
    func storyMarks(url: String?, bands: [Int64], since: Date) throws(StoreError) -> [StoryMark]
    /// Removes stories told before `cutoff`.
    func pruneStories(before cutoff: Date) throws(StoreError)
    /// Marks the items seen and queues their new alerts, all in one transaction
    /// (one per poll: a feed of 50 items costs one fsync, not 50); returns the ids of
    /// the alerts that were new (an alert already fired, by id or by (rule, link), is not queued again).
    func record(_ items: [ItemRecord], now: Date) throws(StoreError) -> [String]
    /// The same, and in the same transaction every key each feed listed is marked present
    /// now: the items of several polls, one commit and one fsync for all of them.
    /// `inline`, when given, takes the new alerts inside the transaction, before its commit;
    /// only the outputs that did not take an alert get an outbox row for it.
    /// A new alert with a `group` is admitted to it (`admission`): held there, or sent as any other.
    func record(_ items: [ItemRecord], listings: [FeedListing], now: Date, inline: InlineDelivery?,
                admission: GroupAdmission?) throws(StoreError) -> [String]
    /// Removes seen keys of items no feed has listed since `before`, and delivered or dead
    /// alerts fired before it; then returns the freed pages to the file system.
    func prune(before: Date) throws(StoreError) -> PruneReport

    func dueDeliveries(now: Date, limit: Int) throws(StoreError) -> [Delivery]
    func markDelivered(alertID: String, output: String) throws(StoreError)
    func markRetry(alertID: String, output: String, at: Date, reason: String) throws(StoreError)
    func markDead(alertID: String, output: String, reason: String) throws(StoreError)
    /// Many deliveries' outcomes in one transaction (a batch of an alert storm).
    func settle(_ settlements: [Settlement]) throws(StoreError)
    func pendingDeliveries() throws(StoreError) -> Int
    /// When the next feed is due, or the next delivery (nil: none at all): the daemon waits until then.
    func nextDue() throws(StoreError) -> Date?
    /// Counts for the daemon's gauges.
    func gauges() throws(StoreError) -> StoreGauges

    /// WebSub subscriptions, one per feed at most.
    func webSubSubscriptions() throws(StoreError) -> [WebSubSubscription]
    func saveWebSub(_ subscription: WebSubSubscription) throws(StoreError)
    func removeWebSub(feedID: String) throws(StoreError)

    /// Kept items older than `before` go (`settings.keepItems`).
    func pruneKeptItems(before: Date) throws(StoreError)

    /// At most `limit` groups whose held alerts are due at `now`, with those alerts.
    func dueGroups(now: Date, limit: Int) throws(StoreError) -> [HeldGroup]
    /// In one transaction: the group's notification queued for its outputs, its alerts no
    /// longer held, and its state set to `state` (a group with nothing held has no notification).
    func release(_ group: HeldGroup, as notification: QueuedAlert?, state: GroupState, now: Date) throws(StoreError)
    /// Alerts held in groups, not yet released.
    func heldAlerts() throws(StoreError) -> Int
    /// Makes the store usable again after a failed write, if it can.
    func recover() throws(StoreError)

    /// Items mentioning `watch` recorded in the hours `hours` (hours since 1970).
    func mentionCount(watch: String, hours: Range<Int>) throws(StoreError) -> Int
    /// The latest items mentioning `watch` recorded at or after `since`, newest first.
    func recentMentions(watch: String, since: Date, limit: Int) throws(StoreError) -> [SpikeReport.Item]
    /// When the open spike episode of `rule` began, if one is open.
    func spikeEpisode(rule: String) throws(StoreError) -> Date?
    func setSpikeEpisode(rule: String, since: Date?) throws(StoreError)
    /// Drops hourly counts before `hour` and recent mentions before `recentBefore`.
    func pruneMentions(countsBefore hour: Int, recentBefore: Date) throws(StoreError)
}

extension StateStore {
    public func recordPoll(feedID: String, outcome: PollOutcome, nextPollAt: Date, now: Date) throws(StoreError) {
        try recordPoll(feedID: feedID, outcome: outcome, nextPollAt: nextPollAt, reason: nil, now: now)
    }

    public func isSeen(feedID: String, itemKey: String) throws(StoreError) -> Bool {
        try seenContentHash(feedID: feedID, itemKey: itemKey) != nil
    }

    /// One poll's items and listing, in one transaction.
    public func record(_ items: [ItemRecord], listing: FeedListing, now: Date) throws(StoreError) -> [String] {
        try record(items, listings: [listing], now: now, inline: nil, admission: nil)
    }

    public func record(_ items: [ItemRecord], listings: [FeedListing], now: Date) throws(StoreError) -> [String] {
        try record(items, listings: listings, now: now, inline: nil, admission: nil)
    }

    public func record(_ items: [ItemRecord], listings: [FeedListing], now: Date, inline: InlineDelivery?) throws(StoreError) -> [String] {
        try record(items, listings: listings, now: now, inline: inline, admission: nil)
    }
}

/// Outputs that take an alert while its item is recorded, not through the outbox (a
/// local file): each alert is then written once, to its file, rather than also to the
/// outbox and back out of it.
/// - The store inserts the alerts first: what is new is known from the insert itself.
/// - `deliver` writes the new ones before the commit. A crash between the write and the
///   commit leaves the items unseen: the next poll writes their lines again, with the
///   same ids (a duplicate only repeats an id).
/// - An alert an output did not take is queued for it in the same transaction.
public struct InlineDelivery {
    public var outputs: Set<String>
    /// Writes alerts to the outputs of `outputs` they name; returns, per alert id, the
    /// outputs that took it.
    public var deliver: ([QueuedAlert]) -> [String: Set<String>]

    public init(outputs: Set<String>, deliver: @escaping ([QueuedAlert]) -> [String: Set<String>]) {
        self.outputs = outputs
        self.deliver = deliver
    }

    /// Does every output of this alert take it inline? Its text is then not kept.
    func takesWhole(_ alert: QueuedAlert) -> Bool {
        !alert.outputs.isEmpty && alert.outputs.allSatisfy(outputs.contains)
    }
}

/// Decides, inside `record`'s transaction, whether a new alert of a batching rule waits
/// with its group (`QueuedAlert.group`), and the group's state after it. The store keeps
/// the state; the decision is the rules' (`Batcher.admit`).
public struct GroupAdmission {
    public var admit: (_ alert: QueuedAlert, _ key: String, _ state: GroupState?) -> (hold: Bool, state: GroupState)

    public init(admit: @escaping (_ alert: QueuedAlert, _ key: String, _ state: GroupState?) -> (hold: Bool, state: GroupState)) {
        self.admit = admit
    }
}

/// A group whose held alerts are due to go out together.
public struct HeldGroup: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        /// The alert's row, by which its release removes it from the group.
        public var row: Int64
        public var id: String
        public var payload: String
        public var line: String
        public var firedAt: Date
    }

    public var state: GroupState
    /// The outputs its notification goes to: the rule's when its last alert was held.
    public var outputs: [String]
    /// Oldest first.
    public var alerts: [Member]

    public init(state: GroupState, outputs: [String], alerts: [Member]) {
        self.state = state
        self.outputs = outputs
        self.alerts = alerts
    }
}
