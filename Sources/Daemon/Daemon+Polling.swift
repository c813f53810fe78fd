import Foundation
import Fetch
import Logging
import Model
import Rules
import Store

extension Daemon {
    func startDuePolls(group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        let free = configuration.settings.concurrency - busyFeeds.count
        let now = clock()
        // Every due feed's site was full at the last look: nothing can start before a poll ends.
        guard free > 0, !storeTroubleHolds(now), !sitesFull else { return }
        heldFeeds = heldFeeds.filter { $0.value > now }
        let candidates: [FeedState]
        if options.once {
            candidates = try remainingWithRoom(free)
        } else {
            // More than can start: feeds of a site at its limit wait, and those of others go first.
            candidates = try store.dueFeeds(now: now, limit: min(free * 8, 4096) + busyFeeds.count)
        }
        heldSites = heldSites.filter { $0.value > now }
        let poller = FeedPoller(engine: engine, settings: configuration.settings, fetchDuration: metrics.fetchDuration)
        var started = 0, siteLimited = 0
        defer { if started == 0 && siteLimited > 0 { sitesFull = true } }
        for state in candidates where started < free && !busyFeeds.contains(state.id) && heldFeeds[state.id] == nil {
            let site = siteOf[state.id]
            if let site, !options.once, heldSites[site] != nil { continue }  // (`--once` polls each feed once)
            if let site, busySites[site, default: 0] >= configuration.settings.perSite {
                if options.once { remainingFeeds.append(state.id) }  // its turn comes again
                siteLimited += 1
                continue
            }
            if let site { busySites[site, default: 0] += 1 }
            started += 1
            busyFeeds.insert(state.id)
            let (url, etag, lastModified) = (state.url, state.validators.etag, state.validators.lastModified)
            group.addChild {
                .polled(state: state, result: await poller.poll(url: url, etag: etag, lastModified: lastModified))
            }
        }
    }

    func handlePoll(_ state: FeedState, result: FeedPoller.Result, group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        let feedID = state.id
        if let site = siteOf[feedID], let busy = busySites[site] { busySites[site] = busy > 1 ? busy - 1 : nil }
        sitesFull = false
        guard let source = feedsByID[feedID] else {
            busyFeeds.remove(feedID)
            return
        }
        var meta: Logger.Metadata = ["feed.id": "\(feedID)"]
        switch result {
        case let .notModified(hints, movedTo):
            metrics.polled(.notModified)
            if state.lastError != nil {
                logger.info("feed recovered", metadata: meta)
                try selfAlertRecovered(state)
            }
            try noteMove(state, to: movedTo)
            let next = nextPoll(source, hints: hints)
            unchangedPolls.append(UnchangedPoll(feedID: feedID, nextPollAt: next.at, reason: next.reason, resolution: presenceResolution))
            callRecord(group: &group)
        case let .failed(kind, message, retryAfter):
            metrics.polled(.failed)
            try selfAlertFailing(state, error: message)
            if let parked = parking(state, kind: kind) {
                meta["fetch.error"] = "\(message)"
                logger.warning("feed parked: it is gone or has failed for long; polled once a day", metadata: meta)
                try store.recordPoll(feedID: feedID, outcome: .failed(kind: kind), nextPollAt: clock().addingTimeInterval(Self.parkedWait),
                                     reason: parked, now: clock())
                busyFeeds.remove(feedID)
                return
            }
            if state.lastError != kind {
                meta["fetch.error"] = "\(message)"
                logger.warning("feed failing", metadata: meta)
            }
            let next = PollSchedule.afterFailure(failures: state.failures + 1, retryAfter: retryAfter,
                                                 cap: configuration.settings.maxFeedBackoff, now: clock())
            // A site that says it is overloaded (429, 503) is left alone as a whole for as long as
            // it asks (held to a day); a private address asks nothing of other feeds.
            if kind == "http-429" || kind == "http-503", let wait = retryAfter, let site = siteOf[feedID],
               !Site.isPrivate(url: state.url) {
                heldSites[site] = max(heldSites[site] ?? .distantPast, clock().addingTimeInterval(wait))
                logger.warning("site asked to be left alone; its feeds wait", metadata: ["feed.id": "\(feedID)", "site": "\(site)",
                                                                                       "retry.after": "\(Int(wait))"])
            }
            let reason = retryAfter.map { "Retry-After \(DurationText.text($0.rounded()))" } ?? "back-off after \(state.failures + 1) failure\(state.failures == 0 ? "" : "s")"
            try store.recordPoll(feedID: feedID, outcome: .failed(kind: kind), nextPollAt: next, reason: reason, now: clock())
            busyFeeds.remove(feedID)
        case let .feed(feed, etag, lastModified, fetched, hints, movedTo, hub):
            metrics.polled(.fetched)
            try considerWebSub(feedID: feedID, hub: hub, group: &group)
            if state.lastError != nil {
                logger.info("feed recovered", metadata: meta)
                try selfAlertRecovered(state)
            }
            try noteMove(state, to: movedTo)
            if feed.bozo { logger.debug("feed is not well-formed; recovered", metadata: meta) }
            try startAnalysis(feed, state: state, source: source, etag: etag, lastModified: lastModified, fetched: fetched, hints: hints,
                              group: &group)
        }
    }

    /// Splits the entries into seen (skipped), backfill (recorded without alerts
    /// on a feed's first poll) and new (analysed in a child task).
    /// `pushed`: a WebSub hub sent the feed; the poll schedule and validators stay as they are.
    func startAnalysis(_ feed: Feed, state: FeedState, source: Configuration.FeedSource, etag: String?, lastModified: String?,
                       fetched: ItemAnalyzer.Fetch, hints: PollHints, pushed: Bool = false,
                       group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        let cutoff = clock().addingTimeInterval(-configuration.backfill(of: source))
        var fresh: [Entry] = []
        var backfilled: [(key: String, hash: Int64, entry: Entry)] = []
        var edited = Set<String>()
        var keys = Set<String>()
        for entry in feed.entries {
            let key = ItemIdentity.key(of: entry)
            guard keys.insert(key).inserted else { continue }
            let hash = ItemIdentity.contentHash(of: entry)
            if let recorded = try store.seenContentHash(feedID: state.id, itemKey: key) {
                // Seen before: evaluated again only when edited since (0: recorded without a hash).
                guard recorded != 0, recorded != hash else { continue }
                edited.insert(key)
                fresh.append(entry)
            } else if !state.polledOnce, let date = entry.date, date < cutoff {
                backfilled.append((key, hash, entry))
            } else {
                fresh.append(entry)
            }
        }
        metrics.items(.new, fresh.count)
        metrics.items(.backfill, backfilled.count)
        metrics.items(.seen, keys.count - fresh.count - backfilled.count)
        if !edited.isEmpty {
            logger.debug("edited items evaluated again", metadata: ["feed.id": "\(state.id)", "items": "\(edited.count)"])
        }
        let analyzer = self.analyzer
        let configuration = self.configuration
        let (feedID, url, title, now, tags) = (state.id, source.url, feed.title, clock(), Set(source.tags))
        let listed = Array(keys)
        group.addChild {
            // Deciding and serialising run here, beside other polls; the loop only records.
            let decisions = fresh.map {
                analyzer.decide($0, feedID: feedID, feedURL: url, feedTitle: title, now: now, fetched: fetched, tags: tags)
            }
            let keep = configuration.settings.keepItems > 0
            let records = backfilled.map { item in
                var record = ItemRecord(feedID: feedID, itemKey: item.key, alerts: [])
                record.contentHash = item.hash
                if keep { (record.keptEntry, record.feedTitle) = (item.entry.keptJSON, title) }
                return record
            } + Daemon.records(decisions, feedID: feedID, feedTitle: title, configuration: configuration, edited: edited)
            return .analyzed(AnalyzedPoll(feedID: feedID, decisions: decisions, records: records, listed: listed, etag: etag,
                                          lastModified: lastModified, hints: hints, pushed: pushed))
        }
    }

    /// What the store keeps of a poll's decided items: each alert serialised once, with
    /// the outputs its rule notifies.
    /// An edited item's mentions were counted when it was first seen: they are not again.
    static func records(_ decisions: [ItemDecision], feedID: String, feedTitle: String?, configuration: Configuration,
                        edited: Set<String> = []) -> [ItemRecord] {
        let keep = configuration.settings.keepItems > 0
        let rules = Dictionary(configuration.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A spike alert names the latest items of its watch; other watches' items need not be kept.
        let spiking = Set(configuration.rules.compactMap(\.spike?.watch))
        return decisions.map { decision in
            let texts = Alert.jsonTexts(decision.alerts)
            let mentioned = edited.contains(decision.itemKey) ? [] : decision.mentioned
            var record = ItemRecord(feedID: feedID, itemKey: decision.itemKey, alerts: zip(decision.alerts, texts).map { alert, text in
                var queued = queued(alert, text: text, identity: decision.identity, link: alert.item.link, rule: rules[alert.rule],
                                    configuration: configuration)
                if configuration.settings.dedup != nil, let story = decision.story {
                    queued.story = StoryMark(story: story.id, rule: alert.rule, url: story.url, simhash: story.simhash,
                                             bands: StoryKey.bands(story.simhash))
                }
                return queued
            }, mentions: mentioned.sorted(), listedMentions: mentioned.intersection(spiking).sorted(),
               title: decision.entry.title, link: decision.entry.link)
            record.contentHash = ItemIdentity.contentHash(of: decision.entry)
            if keep { (record.keptEntry, record.feedTitle) = (decision.entry.keptJSON, feedTitle) }
            return record
        }
    }

    /// An alert as the outbox keeps it: serialised once (`text`, its JSON), with the outputs
    /// its rule notifies; its readable line only when one of them prints it.
    static func queued(_ alert: Alert, text: String? = nil, identity: String, link: String?, rule: Rule?,
                       configuration: Configuration) -> QueuedAlert {
        let outputs = rule.map(configuration.outputs(for:)) ?? []
        let line = configuration.printsReadableLines(outputs) ? alert.readableLine : ""
        var queued = QueuedAlert(id: alert.id, rule: alert.rule, identity: identity, link: link, payload: text ?? alert.jsonText,
                                 line: line, outputs: outputs)
        queued.group = rule.flatMap { Batcher.groupKey($0.batching, watches: alert.matches.map(\.watch), feedID: alert.feed.id) }
        return queued
    }

    /// When a feed that answered is polled next, and why (`PollSchedule.next`).
    func nextPoll(_ source: Configuration.FeedSource, hints: PollHints) -> (at: Date, reason: String) {
        let settings = configuration.settings
        var hints = hints
        hints.pushed = webSubs[source.id]?.state == .active
        return PollSchedule.next(interval: configuration.interval(of: source), maxInterval: settings.maxInterval, hints: hints,
                                 adaptive: settings.adaptive, jitter: settings.jitter, now: clock())
    }
}

extension Daemon {
    /// Spike rules are judged after each poll that recorded mentions; a spike that
    /// starts queues its alert like any other, under a pseudo-item of its own.
    func checkSpikes(now: Date) throws(StoreError) {
        let monitor = SpikeMonitor(rules: configuration.rules, watch: configuration.watch)
        if now.timeIntervalSince(lastMentionPrune) >= 3600 {
            try monitor.prune(store, now: now)
            lastMentionPrune = now
        }
        guard !monitor.rules.isEmpty else { return }
        let alerts = try monitor.check(store, now: now)
        guard !alerts.isEmpty else { return }
        let records = alerts.map { alert in
            ItemRecord(feedID: alert.feed.id, itemKey: alert.item.id, alerts: [
                Daemon.queued(alert, identity: alert.item.id, link: nil, rule: configuration.rules.first { $0.id == alert.rule },
                              configuration: configuration),
            ])
        }
        for id in try store.record(records, listings: [], now: now, inline: inlineDelivery, admission: groupAdmission(now: now)) {
            logger.info("spike alert fired", metadata: ["alert.id": "\(id)"])
            if let rule = alerts.first(where: { $0.id == id })?.rule { metrics.fired(rule: rule) }
        }
    }
}

extension Daemon {
    /// How fresh an item's "last listed" mark must be before a poll rewrites it: a quarter
    /// of the retention, at most a day, so that a poll of an unchanged feed writes nothing.
    var presenceResolution: TimeInterval { min(configuration.settings.retention / 4, 86_400) }

    /// Once an hour: seen keys of items unlisted for `settings.retention`, and settled
    /// alerts fired before it, are removed, and the space is given back.
    func pruneIfDue(now: Date) throws(StoreError) {
        guard now.timeIntervalSince(lastRetentionPrune) >= 3600 else { return }
        lastRetentionPrune = now
        let report = try store.prune(before: now.addingTimeInterval(-configuration.settings.retention))
        try store.pruneStories(before: now.addingTimeInterval(-(configuration.settings.dedup?.window ?? 0)))
        try store.pruneKeptItems(before: now.addingTimeInterval(-configuration.settings.keepItems))
        if report != PruneReport() {
            logger.info("state pruned", metadata: ["prune.seen": "\(report.seenItems)", "prune.alerts": "\(report.alerts)",
                                                   "prune.deliveries": "\(report.deliveries)"])
        }
    }
}
