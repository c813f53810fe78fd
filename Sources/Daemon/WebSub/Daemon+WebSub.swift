import Foundation
import Fetch
import Listener
import Logging
import Model
import Parse
import Store

/// WebSub push (W3C Recommendation), when `settings.websub` names the public callback:
/// - a fetched feed that names a hub is subscribed to, with a random token and secret;
/// - the hub's verification of intent and its pushes arrive at the listener (`WebSubInbox`);
/// - a pushed feed is analysed and recorded like a polled one (the same dedup, the same
///   outbox), and a feed with an active subscription is polled only at `maxInterval`;
/// - a lease is renewed a fifth of its length before it ends; a feed that leaves the
///   configuration, or all of them when `websub` is removed, is unsubscribed.
extension Daemon {
    /// A subscription a hub never verified is asked for again after this long.
    static let webSubRetry: TimeInterval = 3600
    /// An unsubscription a hub never verified is forgotten after this long.
    static let webSubForget: TimeInterval = 86_400

    /// The listener's `/websub/{token}` routes.
    public var webSubRoutes: WebSubRoutes { webSubInbox.routes(maxBodyBytes: configuration.settings.maxFeedBytes) }

    func loadWebSubs() throws(StoreError) {
        for subscription in try store.webSubSubscriptions() {
            webSubs[subscription.feedID] = subscription
            webSubInbox.put(subscription)
        }
        webSubDue = webSubs.values.compactMap(due).min()
    }

    /// After a fetched poll: subscribe when the feed names a hub it is not subscribed at.
    func considerWebSub(feedID: String, hub: HubDiscovery?, group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        guard configuration.settings.webSub != nil, let hub else { return }
        if let known = webSubs[feedID], known.hub == hub.hub, known.topic == hub.topic, known.state != .unsubscribing { return }
        if let old = webSubs[feedID] { webSubInbox.remove(token: old.token) }
        let subscription = WebSubSubscription(feedID: feedID, hub: hub.hub, topic: hub.topic, token: Self.randomToken(),
                                              secret: Self.randomToken(), state: .requested, requestedAt: clock())
        try request(.subscribe, subscription, group: &group)
    }

    /// Saves the subscription and puts it where the callback sees it, then asks the hub:
    /// a hub may verify our intent before it answers the request.
    private func request(_ mode: HubRequest.Mode, _ subscription: WebSubSubscription,
                         group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        guard let settings = configuration.settings.webSub else { return }
        var subscription = subscription
        subscription.requestedAt = clock()
        if mode == .unsubscribe { subscription.state = .unsubscribing }
        // A renewal asked for is asked again in an hour if the hub has not verified it by then.
        if mode == .subscribe, subscription.state == .active { subscription.renewAt = clock().addingTimeInterval(Self.webSubRetry) }
        try store.saveWebSub(subscription)
        webSubs[subscription.feedID] = subscription
        webSubInbox.put(subscription)
        noteWebSubDue(subscription)
        let (engine, userAgent) = (self.engine, configuration.settings.userAgent)
        let callback = settings.callback + "/" + subscription.token
        group.addChild {
            let failure = await HubRequest.send(mode, subscription, callback: callback, lease: settings.lease, engine: engine,
                                                userAgent: userAgent)
            return .hubAnswered(feedID: subscription.feedID, token: subscription.token, mode: mode, failure: failure)
        }
    }

    func hubAnswered(feedID: String, token: String, mode: HubRequest.Mode, failure: String?) throws(StoreError) {
        guard let failure else { return }
        logger.warning("WebSub hub refused the request; asked again later",
                       metadata: ["feed.id": "\(feedID)", "websub.mode": "\(mode.rawValue)", "websub.error": "\(failure)"])
    }

    /// The callback's news and the pushes whose feed is free, at each wake; when one is due,
    /// and at most once a second, renewals, retries and unsubscriptions. The subscriptions
    /// are looked over only then: the loop wakes thousands of times a minute when busy.
    func manageWebSubs(group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        let now = clock()
        for news in webSubInbox.take() { try take(news, now: now) }
        startPushes(group: &group)
        guard let due = webSubDue, now >= due, now.timeIntervalSince(lastWebSubCheck) >= 1 || now < lastWebSubCheck,
              !storeTroubleHolds(now) else { return }
        lastWebSubCheck = now
        for subscription in webSubs.values {
            let configured = configuration.settings.webSub != nil && feedsByID[subscription.feedID] != nil
            switch subscription.state {
            case .active where !configured, .requested where !configured:
                try request(.unsubscribe, subscription, group: &group)
            case .active where subscription.renewAt.map { now >= $0 } ?? false:
                try request(.subscribe, subscription, group: &group)
            case .requested where now.timeIntervalSince(subscription.requestedAt) >= Self.webSubRetry:
                try request(.subscribe, subscription, group: &group)
            case .unsubscribing where now.timeIntervalSince(subscription.requestedAt) >= Self.webSubForget:
                try forget(subscription)
            default: break
            }
        }
        webSubDue = webSubs.values.compactMap(self.due).min()
    }

    /// When `manageWebSubs` has work next: pushes waiting for their feed, or the soonest
    /// subscription's (`webSubDue`), at most once a second.
    func nextWebSubWork() -> Date? {
        if !pushes.isEmpty { return clock() }  // (held to `shortestWait` by the loop)
        return webSubDue.map { max($0, lastWebSubCheck.addingTimeInterval(1)) }
    }

    /// When a subscription has work next: to renew, ask again, forget, or end because its
    /// feed left the configuration (at once).
    private func due(_ subscription: WebSubSubscription) -> Date? {
        let configured = configuration.settings.webSub != nil && feedsByID[subscription.feedID] != nil
        return switch subscription.state {
        case .active where !configured, .requested where !configured: .distantPast
        case .active: subscription.renewAt
        case .requested: subscription.requestedAt.addingTimeInterval(Self.webSubRetry)
        case .unsubscribing: subscription.requestedAt.addingTimeInterval(Self.webSubForget)
        }
    }

    /// A subscription changed: its work may come sooner than the soonest known.
    private func noteWebSubDue(_ subscription: WebSubSubscription) {
        guard let due = due(subscription) else { return }
        webSubDue = min(webSubDue ?? due, due)
    }

    private func take(_ news: WebSubInbox.News, now: Date) throws(StoreError) {
        switch news {
        case let .verified(token, mode, lease):
            guard var subscription = webSubs.values.first(where: { $0.token == token }) else { return }
            if mode == "unsubscribe" {
                logger.info("WebSub unsubscribed", metadata: ["feed.id": "\(subscription.feedID)", "websub.hub": "\(subscription.hub)"])
                try forget(subscription)
                return
            }
            let granted = lease ?? configuration.settings.webSub?.lease ?? 86_400
            if subscription.state != .active {
                logger.info("WebSub subscription verified; the feed is pushed and polled at maxInterval",
                            metadata: ["feed.id": "\(subscription.feedID)", "websub.hub": "\(subscription.hub)",
                                       "websub.lease": "\(Int(granted))"])
            }
            subscription.state = .active
            subscription.leaseUntil = now.addingTimeInterval(granted)
            subscription.renewAt = now.addingTimeInterval(granted * 0.8)
            try store.saveWebSub(subscription)
            webSubs[subscription.feedID] = subscription
            webSubInbox.put(subscription)
            noteWebSubDue(subscription)
        case let .denied(token, reason):
            guard let subscription = webSubs.values.first(where: { $0.token == token }) else { return }
            logger.warning("WebSub hub denied the subscription; the feed is polled", metadata: [
                "feed.id": "\(subscription.feedID)", "websub.hub": "\(subscription.hub)", "websub.reason": "\(reason ?? "")",
            ])
            try forget(subscription)
        case let .pushed(token, body):
            guard let subscription = webSubs.values.first(where: { $0.token == token }) else { return }
            // A feed's pushes wait while it is polled; past four, the oldest goes (each push
            // is the whole feed or its newest items, and the safety-net poll reads the rest).
            if pushes.filter({ $0.feedID == subscription.feedID }).count >= 4,
               let oldest = pushes.firstIndex(where: { $0.feedID == subscription.feedID }) {
                pushes.remove(at: oldest)
            }
            pushes.append((subscription.feedID, body))
        }
    }

    private func forget(_ subscription: WebSubSubscription) throws(StoreError) {
        try store.removeWebSub(feedID: subscription.feedID)
        webSubs[subscription.feedID] = nil
        webSubInbox.remove(token: subscription.token)
    }

    /// Pushes of feeds not being polled or analysed now are parsed, off the loop; the others wait.
    private func startPushes(group: inout ThrowingTaskGroup<Event, any Error>) {
        guard !pushes.isEmpty else { return }
        var waiting: [(feedID: String, body: [UInt8])] = []
        for push in pushes {
            guard let source = feedsByID[push.feedID] else { continue }
            guard !busyFeeds.contains(push.feedID) else {
                waiting.append(push)
                continue
            }
            busyFeeds.insert(push.feedID)
            let (feedID, body, url, maxBytes) = (push.feedID, push.body, webSubs[push.feedID]?.topic ?? source.url,
                                                 configuration.settings.maxFeedBytes)
            group.addChild {
                do throws(ParseError) {
                    return .pushParsed(feedID: feedID, .success(try FeedParser.parse(body, url: url, maxBytes: maxBytes)))
                } catch {
                    return .pushParsed(feedID: feedID, .failure(error))
                }
            }
        }
        pushes = waiting
    }

    func pushParsed(feedID: String, _ result: Result<Feed, ParseError>,
                    group: inout ThrowingTaskGroup<Event, any Error>) throws(StoreError) {
        guard case let .success(feed) = result, let source = feedsByID[feedID], let state = try store.feedState(feedID) else {
            if case let .failure(error) = result {
                logger.warning("WebSub push is not a feed; dropped", metadata: ["feed.id": "\(feedID)", "parse.error": "\(error)"])
            }
            busyFeeds.remove(feedID)
            return
        }
        logger.debug("WebSub push received", metadata: ["feed.id": "\(feedID)", "items": "\(feed.entries.count)"])
        let fetched = ItemAnalyzer.Fetch(at: clock(), status: nil, url: webSubs[feedID]?.topic ?? source.url)
        try startAnalysis(feed, state: state, source: source, etag: nil, lastModified: nil, fetched: fetched, hints: PollHints(),
                          pushed: true, group: &group)
    }

    /// 32 random bytes as hex: a callback token or a `hub.secret`.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
