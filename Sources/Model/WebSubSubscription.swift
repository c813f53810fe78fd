import Foundation

/// One feed's WebSub subscription (W3C WebSub Recommendation, §5): the hub, the topic
/// URL, and the callback's token and secret. The daemon keeps it in the store, so that
/// a restart neither subscribes again nor forgets a secret a hub signs with.
public struct WebSubSubscription: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Asked for; the hub has not verified our intent yet.
        case requested
        /// Verified by the hub, until `leaseUntil`.
        case active
        /// An unsubscription was asked for; kept until the hub verifies it.
        case unsubscribing
    }

    public var feedID: String
    public var hub: String
    public var topic: String
    /// The last path segment of the callback URL: random, so that a push cannot be aimed
    /// at a feed by guessing, and new with each subscription.
    public var token: String
    /// `hub.secret`: the hub signs each push with it (§5.1, §8).
    public var secret: String
    public var state: State
    public var requestedAt: Date
    public var leaseUntil: Date?
    /// When to renew: a fifth of the granted lease before it ends.
    public var renewAt: Date?

    public init(feedID: String, hub: String, topic: String, token: String, secret: String, state: State,
                requestedAt: Date, leaseUntil: Date? = nil, renewAt: Date? = nil) {
        self.feedID = feedID
        self.hub = hub
        self.topic = topic
        self.token = token
        self.secret = secret
        self.state = state
        self.requestedAt = requestedAt
        self.leaseUntil = leaseUntil
        self.renewAt = renewAt
    }
}
