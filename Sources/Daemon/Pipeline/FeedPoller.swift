import CoreMetrics
import Foundation
import Model
import Fetch
import Parse
import Store

/// One poll of one feed: a conditional GET, then parsing.
struct FeedPoller: Sendable {
    enum Result: Sendable {
        /// `movedTo`: the URL a chain of permanent redirects (301, 308) ended at.
        /// `hub`: where the feed says it is pushed from (WebSub), if anywhere.
        case feed(Feed, etag: String?, lastModified: String?, fetched: ItemAnalyzer.Fetch, hints: PollHints, movedTo: String?,
                  hub: HubDiscovery?)
        case notModified(PollHints, movedTo: String?)
        /// `kind` stays the same while the failure does (for logging once per change).
        case failed(kind: String, message: String, retryAfter: TimeInterval?)
    }

    let engine: FetchEngine
    let settings: Configuration.Settings
    /// `feedwatch_fetch_duration_seconds`: the transfer alone, parsing aside.
    let fetchDuration: CoreMetrics.Timer

    func poll(url: String, etag: String?, lastModified: String?) async -> Result {
        let request = HTTPRequest(
            url: url, validators: ConditionalGet(etag: etag, lastModified: lastModified),
            connectTimeout: settings.connectTimeout, totalTimeout: settings.timeout,
            maxBodyBytes: settings.maxFeedBytes, maxRedirects: settings.maxRedirects, userAgent: settings.userAgent)
        let response: HTTPResponse
        let started = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            fetchDuration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        do {
            response = try await engine.perform(request)
        } catch let error as FetchError {
            return .failed(kind: error.kind, message: error.description, retryAfter: nil)
        } catch {
            return .failed(kind: "error", message: "\(error)", retryAfter: nil)
        }
        let now = Date()
        var hints = PollHints(maxAge: response.freshness(now: now), retryAfter: response.retryAfter(now: now))
        let movedTo = response.movedPermanently ? response.effectiveURL : nil
        if response.isNotModified { return .notModified(hints, movedTo: movedTo) }
        guard response.isSuccess else {
            return .failed(kind: "http-\(response.status)", message: "fetch: HTTP \(response.status) (\(url))",
                           retryAfter: response.retryAfter())
        }
        do {
            let feed: Feed
            if let spooled = response.spooled {
                // Read as a stream from its temporary file: memory holds the kept entries, not the bytes.
                var entries: [Entry] = []
                var parsed = try FeedParser.parse(file: spooled.path, url: response.effectiveURL) { entry in
                    if entries.count < FeedParser.maxEntries { entries.append(entry) }
                }
                parsed.entries = entries
                feed = parsed
            } else {
                feed = try FeedParser.parse(response.body, url: response.effectiveURL, headers: response.headers,
                                            maxBytes: settings.maxFeedBytes)
            }
            // A file: feed has no HTTP status (curl reports 0).
            let fetched = ItemAnalyzer.Fetch(at: Date(), status: response.status > 0 ? response.status : nil, url: response.effectiveURL)
            hints.ttl = feed.ttl
            hints.itemDates = feed.entries.compactMap(\.date)
            let hub = HubDiscovery.find(linkHeader: response.headers["link"], feed: feed, url: response.effectiveURL)
            return .feed(feed, etag: response.validators.etag, lastModified: response.validators.lastModified, fetched: fetched,
                         hints: hints, movedTo: movedTo, hub: hub)
        } catch {
            return .failed(kind: "not-a-feed", message: "\(error) (\(url))", retryAfter: nil)
        }
    }
}
