import Foundation
import Model
import Store

/// A poll whose items are decided, waiting to be recorded.
struct AnalyzedPoll: Sendable {
    var feedID: String
    var decisions: [ItemDecision]
    /// Backfilled items first, then the decided ones.
    var records: [ItemRecord]
    /// Every item key the feed listed.
    var listed: [String]
    var etag: String?
    var lastModified: String?
    /// What the poll said about when to poll again.
    var hints = PollHints()
    /// A WebSub push, not a poll: the feed's schedule and validators are left alone.
    var pushed = false
}

/// Group commit: analysed polls are recorded together, in one transaction and with
/// one fsync per inline file (`InlineDelivery`), once no other result is ready. While one commit waits
/// for the disk, the polls analysed meanwhile gather for the next, so an alert storm
/// costs one commit per gathering rather than one per feed, and a quiet daemon still
/// records each poll as soon as it is analysed.
extension Daemon {
    func recordAnalyzed() throws(StoreError) {
        let polls = analyzedPolls, unchanged = unchangedPolls
        analyzedPolls = []
        unchangedPolls = []
        recordCalled = false
        let feeds = polls.map(\.feedID) + unchanged.map(\.feedID)
        guard !feeds.isEmpty else { return }
        defer { for feed in feeds { busyFeeds.remove(feed) } }
        do {
            // A 304 costs a row update, and with thousands of feeds, no commit of its own.
            if !unchanged.isEmpty { try store.recordUnchanged(unchanged, now: clock()) }
            if !polls.isEmpty { try record(polls) }
        } catch {
            // Nothing of theirs was recorded: these feeds are polled again after the pause.
            let retry = clock().addingTimeInterval(Self.storeTroublePause)
            for feed in feeds { heldFeeds[feed] = retry }
            throw error
        }
    }

    /// Records the polls' items and the polls themselves in one transaction: validators
    /// are never stored without the items they cover, so a crash re-fetches a feed in
    /// full rather than answering 304 over unrecorded items.
    private func record(_ polls: [AnalyzedPoll]) throws(StoreError) {
        let now = clock()
        let listings = polls.map { poll in
            // The poll's validators and next time go in the items' transaction.
            let fetched = poll.pushed ? nil : feedsByID[poll.feedID].map { source in
                let next = nextPoll(source, hints: poll.hints)
                return FeedListing.Fetched(etag: poll.etag, lastModified: poll.lastModified, nextPollAt: next.at, reason: next.reason)
            }
            return FeedListing(feedID: poll.feedID, itemKeys: poll.listed, resolution: presenceResolution, fetched: fetched)
        }
        let records = try oneStoryOnce(polls.flatMap(\.records), now: now)
        let fired = Set(try store.record(records, listings: listings, now: now, inline: inlineDelivery, admission: groupAdmission(now: now)))
        try pruneIfDue(now: now)
        if polls.contains(where: { $0.decisions.contains { !$0.mentioned.isEmpty } }) { try checkSpikes(now: now) }
        for poll in polls {
            for alert in poll.decisions.flatMap(\.alerts) where fired.contains(alert.id) {
                metrics.fired(rule: alert.rule)
                logger.info("alert fired", metadata: ["alert.id": "\(alert.id)", "alert.rule": "\(alert.rule)",
                                                      "feed.id": "\(poll.feedID)", "item.link": "\(alert.item.link ?? "")"])
            }
            let backfilled = poll.records.count - poll.decisions.count
            if backfilled > 0 {
                logger.info("first poll: older items recorded without alerts", metadata: ["feed.id": "\(poll.feedID)", "items": "\(backfilled)"])
            }
        }
    }
}
