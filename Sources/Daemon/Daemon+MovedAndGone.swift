import Foundation
import Fetch
import Logging
import Model
import Store

/// Feeds that moved for good (301/308) or are gone (410, or 404 for long).
extension Daemon {
    /// A gone feed (410), or one answering 404 or not a feed for `settings.failingAfter`, is
    /// polled once a day, with a warning each time; the reason, or nil when it is not parked.
    func parking(_ state: FeedState, kind: String) -> String? {
        if kind == "http-410" { return "gone (HTTP 410): polled once a day" }
        guard kind == "http-404" || kind == "not-a-feed", let since = state.failingSince,
              clock().timeIntervalSince(since) >= configuration.settings.failingAfter else { return nil }
        return "failing (\(kind)) since \(Timestamp.rfc3339(since)): polled once a day"
    }

    static let parkedWait: TimeInterval = 86_400

    /// A chain of permanent redirects moves the feed: the new URL is kept in the state (not in
    /// feeds.json) and polled from now on; said once.
    func noteMove(_ state: FeedState, to url: String?) throws(StoreError) {
        guard let url, url != state.url else { return }
        try store.moveFeed(state.id, to: url)
        logger.notice("feed moved permanently (301/308); polling its new URL, feeds.json unchanged",
                      metadata: ["feed.id": "\(state.id)", "feed.url": "\(FetchError.redact(url))"])
    }
}
