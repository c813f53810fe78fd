import CoreMetrics
import Foundation
import Bounds
import Logging
import Model
import Outputs
import Extract
import Fetch
import Listener
import Parse
import Store

/// The daemon: polls feeds on their schedules, decides alerts, delivers them.
/// One loop owns the store and all decisions; fetching, parsing, analysis and
/// deliveries run as child tasks whose results come back to that loop.
/// Not Sendable: it is the loop's own state.
public final class Daemon {
    public struct Options: Sendable {
        public var once = false
        public init(once: Bool = false) { self.once = once }
    }

    enum Event: Sendable {
        /// The loop's wait ended: its deadline came, or something woke it (`Wakeup`).
        case tick
        /// `state`: the feed's state when its poll started (only the loop changes it meanwhile).
        case polled(state: FeedState, result: FeedPoller.Result)
        /// A poll's items decided, and the records to store for them.
        case analyzed(AnalyzedPoll)
        /// Every analysed poll that arrived since the last commit is recorded now, in one.
        case recordAnalyzed
        case delivered([Delivery], [DeliveryResult])
        /// A hub answered a subscription request (nil: accepted, else why not).
        case hubAnswered(feedID: String, token: String, mode: HubRequest.Mode, failure: String?)
        /// A pushed feed, parsed (or why it could not be).
        case pushParsed(feedID: String, Result<Feed, ParseError>)
    }

    var configuration: Configuration {
        didSet {
            feedsByID = Self.index(configuration)
            siteOf = Self.sites(configuration)
        }
    }
    /// The configured feeds by id (results arrive by id, thousands of times per cold start).
    private(set) var feedsByID: [String: Configuration.FeedSource]
    /// Each feed's site (`Site.key`), worked out once per configuration.
    private(set) var siteOf: [String: String]
    /// Polls under way per site, at most `settings.perSite`.
    var busySites: [String: Int] = [:]
    /// Sites that asked, with a 429 or 503 and a Retry-After, to be left alone until then.
    var heldSites: [String: Date] = [:]
    /// Every due feed's site was at its limit at the last look; cleared when a poll ends.
    var sitesFull = false
    var analyzer: ItemAnalyzer
    var outputs: OutputSet
    let store: any StateStore
    let engine: FetchEngine
    let logger: Logger
    let notifier: SystemdNotifier
    let events: DaemonEvents
    var metrics: DaemonMetrics
    let readiness: Readiness?
    let options: Options
    /// The clock the loop waits on; `clock()` reads it as a `Date` for every decision.
    let daemonClock: any DaemonClock
    let clock: @Sendable () -> Date
    /// When the loop's current wait ends, if one is armed.
    var armedWake: Date?
    /// `--once`: when it stops retrying deliveries.
    var deliveryDeadline: Date?

    var busyFeeds = Set<String>()
    var busyDeliveries = Set<String>()
    /// Per output, the deliveries or batches under way.
    var busyBatches: [String: Int] = [:]
    /// Outputs currently failing, so a dead webhook is logged once, not per attempt.
    var failingOutputs = Set<String>()
    /// Outputs whose endpoint is gone (404/410 from a chat service), with the reason:
    /// nothing is sent to them until a reload.
    var deadOutputs: [String: String] = [:]
    /// `--once`: the feeds not yet polled, the next one last.
    var remainingFeeds: [String] = []
    var lastWatchdog = Date.distantPast
    /// While the store cannot write (a full disk, a broken file): polls and deliveries
    /// wait until then, and the trouble is logged once.
    var storeTroubleUntil: Date?
    /// Feeds whose poll could not be recorded, held back until then.
    var heldFeeds: [String: Date] = [:]
    /// Analysed polls waiting for the next group commit, and whether one is called.
    var analyzedPolls: [AnalyzedPoll] = []
    /// Polls answered 304, recorded with the next group commit.
    var unchangedPolls: [UnchangedPoll] = []
    var recordCalled = false
    /// Alerts not fired because their story had fired the rule already (`oneStoryOnce`).
    var suppressedStories = 0
    /// Mention counts and retained state are pruned at most once an hour.
    var lastMentionPrune = Date.distantPast
    var lastRetentionPrune = Date.distantPast
    /// Groups of batching rules are looked at once a second.
    var lastGroupRelease = Date.distantPast
    /// The gauges are read from the store every few seconds.
    var lastGaugeRefresh = Date.distantPast
    /// WebSub: the subscriptions by feed, the callback's side of them, pushes waiting for
    /// their feed to be free, and when the subscriptions were last looked over.
    var webSubs: [String: WebSubSubscription] = [:]
    let webSubInbox: WebSubInbox
    var pushes: [(feedID: String, body: [UInt8])] = []
    var lastWebSubCheck = Date.distantPast
    /// When the soonest subscription has work (`manageWebSubs`); nil: none.
    var webSubDue: Date?

    public init(configuration: Configuration, store: any StateStore, engine: FetchEngine, logger: Logger,
                notifier: SystemdNotifier = SystemdNotifier(), events: DaemonEvents = DaemonEvents(),
                metrics: any MetricsFactory = NOOPMetricsHandler.instance, readiness: Readiness? = nil,
                options: Options = Options(), clock: any DaemonClock = SystemClock()) {
        self.configuration = configuration
        feedsByID = Self.index(configuration)
        siteOf = Self.sites(configuration)
        self.store = store
        self.engine = engine
        self.logger = logger
        self.notifier = notifier
        self.events = events
        self.metrics = DaemonMetrics(factory: metrics)
        self.readiness = readiness
        webSubInbox = WebSubInbox(logger: logger, wakeup: events.wakeup)
        self.options = options
        daemonClock = clock
        self.clock = { clock.now.date }
        analyzer = ItemAnalyzer(watch: configuration.watch, rules: configuration.rules, storyText: configuration.settings.dedup != nil)
        outputs = OutputSet(configuration.outputs, engine: engine)
        self.metrics.declare(rules: configuration.rules.map(\.id), outputs: configuration.outputs.map(\.name))
    }

    /// Runs until SIGTERM/SIGINT, or in `--once` mode until every feed was polled and every alert delivered.
    /// The loop, and with it every store write and inline file write, runs on a thread of its own.
    public func run() async throws {
        let thread = LoopThread(name: "feedwatch-loop")
        defer { thread.stop() }
        try await withTaskExecutorPreference(thread) { try await loop() }
    }

    private func loop() async throws {
        try store.syncFeeds(configuration.feeds.map { ($0.id, $0.url) }, now: clock())
        try loadWebSubs()
        remainingFeeds = options.once ? configuration.feeds.map(\.id).reversed() : []
        logger.info("feedwatch started", metadata: ["feeds": "\(configuration.feeds.count)", "watch": "\(configuration.watch.count)",
                                                   "rules": "\(configuration.rules.count)", "once": "\(options.once)"])
        for overlap in WatchOverlap.find(in: configuration.watch) {
            logger.warning("watch entries overlap", metadata: ["watch.overlap": "\(overlap)"])
        }
        notifier.ready(status: "watching \(configuration.feeds.count) feeds")
        readiness?.started()
        defer { readiness?.stopped() }
        try await withThrowingTaskGroup(of: Event.self) { group in
            group.addChild { .tick }
            loop: while let event = try await group.next() {
                withStoreTrouble(event) { () throws(StoreError) in try handle(event, group: &group) }
                if signalsSayStop() { break loop }
                pingWatchdog()
                withStoreTrouble(nil) { () throws(StoreError) in try startDueWork(group: &group) }
                if options.once, remainingFeeds.isEmpty, busyFeeds.isEmpty, analyzedPolls.isEmpty, unchangedPolls.isEmpty, !recordCalled {
                    if deliveryDeadline == nil {
                        withStoreTrouble(nil) { () throws(StoreError) in try releaseDueGroups(force: true) }
                        withStoreTrouble(nil) { () throws(StoreError) in try startDueDeliveries(group: &group) }
                    }
                    let deadline = deliveryDeadline ?? clock().addingTimeInterval(configuration.settings.onceDeliveryTimeout)
                    deliveryDeadline = deadline
                    if busyDeliveries.isEmpty, try store.pendingDeliveries() == 0 || clock() >= deadline { break loop }
                }
                armWake(group: &group)
            }
            notifier.stopping()
            group.cancelAll()
            // Settle what finished meanwhile: a delivery that succeeded is marked so
            // (not sent again after a restart), analysed items are recorded.
            while let event = try? await group.next() {
                switch event {
                case .delivered, .analyzed, .recordAnalyzed: withStoreTrouble(event) { () throws(StoreError) in try handle(event, group: &group) }
                case .tick, .polled, .hubAnswered, .pushParsed: break
                }
            }
            if !analyzedPolls.isEmpty || !unchangedPolls.isEmpty {
                withStoreTrouble(.recordAnalyzed) { () throws(StoreError) in try recordAnalyzed() }
            }
        }
        let pending = try store.pendingDeliveries()
        logger.info("feedwatch stopped", metadata: ["alerts.pending": "\(pending)"])
    }

    private func handle(_ event: Event, group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        switch event {
        case .tick:
            armedWake = nil
        case let .polled(state, result):
            try handlePoll(state, result: result, group: &group)
        case let .analyzed(poll):
            analyzedPolls.append(poll)
            callRecord(group: &group)
        case .recordAnalyzed:
            try recordAnalyzed()
        case let .delivered(batch, results):
            try settle(batch, results)
        case let .hubAnswered(feedID, token, mode, failure):
            try hubAnswered(feedID: feedID, token: token, mode: mode, failure: failure)
        case let .pushParsed(feedID, result):
            try pushParsed(feedID: feedID, result, group: &group)
        }
    }

    /// Asks for a group commit of what gathered in `analyzedPolls` and `unchangedPolls`.
    func callRecord(group: inout ThrowingTaskGroup<Event, any Error>) {
        guard !recordCalled else { return }
        recordCalled = true
        // Inherits the loop's thread, so it runs once the loop waits: after every
        // result that is ready now has joined the polls to record.
        group.addTask { .recordAnalyzed }
    }

    private func startDueWork(group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        try refreshGaugesIfDue()
        try manageWebSubs(group: &group)
        try startDuePolls(group: &group)
        try releaseDueGroups()
        try startDueDeliveries(group: &group)
    }

    /// Handles SIGHUP here; true when the daemon should stop (asked to, or its task cancelled).
    private func signalsSayStop() -> Bool {
        if Task.isCancelled {
            logger.info("stopping: cancelled")
            return true
        }
        for event in events.take() {
            switch event {
            case .stop:
                logger.info("stopping on signal")
                return true
            case .reload:
                reload()
            }
        }
        return false
    }

    private static func sites(_ configuration: Configuration) -> [String: String] {
        var sites: [String: String] = [:]
        for feed in configuration.feeds { sites[feed.id] = Site.key(of: feed.url) }
        return sites
    }

    private static func index(_ configuration: Configuration) -> [String: Configuration.FeedSource] {
        Dictionary(configuration.feeds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func pingWatchdog() {
        guard let interval = notifier.watchdogInterval, clock().timeIntervalSince(lastWatchdog) >= interval else { return }
        notifier.watchdog()
        lastWatchdog = clock()
    }
}
