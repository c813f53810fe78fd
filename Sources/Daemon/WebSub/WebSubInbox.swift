import Foundation
import Listener
import Logging
import Model
import Synchronization

/// The subscriber's side of the WebSub callback, answered on the listener's threads
/// (W3C WebSub Recommendation). It holds the subscriptions by token, as the daemon's
/// loop last put them, and leaves news for the loop: intents verified, pushes received.
/// - A verification of intent (§5.3) is confirmed, by echoing `hub.challenge`, only for a
///   token and topic we asked for in that mode; anything else is answered 404.
/// - A push (§7) with a missing or wrong `X-Hub-Signature` is acknowledged, as §8 asks,
///   and dropped. A push to a token we do not know is answered 410 Gone, which hubs
///   take as the end of that subscription.
package final class WebSubInbox: Sendable {
    package enum News: Sendable, Equatable {
        case verified(token: String, mode: String, lease: TimeInterval?)
        case denied(token: String, reason: String?)
        case pushed(token: String, body: [UInt8])
    }

    private struct State {
        var subscriptions: [String: WebSubSubscription] = [:]
        var news: [News] = []
    }

    private let state = Mutex(State())
    static let waitingPushes = 32
    private let logger: Logger
    private let wakeup: Wakeup

    package init(logger: Logger, wakeup: Wakeup = Wakeup()) {
        self.logger = logger
        self.wakeup = wakeup
    }

    package func put(_ subscription: WebSubSubscription) { state.withLock { $0.subscriptions[subscription.token] = subscription } }

    func remove(token: String) { _ = state.withLock { $0.subscriptions.removeValue(forKey: token) } }

    /// The news since the last call, oldest first.
    package func take() -> [News] {
        state.withLock { state in
            defer { state.news.removeAll() }
            return state.news
        }
    }

    func routes(maxBodyBytes: Int) -> WebSubRoutes {
        WebSubRoutes(verify: { [self] in verify(token: $0, query: $1) },
                     receive: { [self] in receive(token: $0, headers: $1, body: $2) },
                     maxBodyBytes: maxBodyBytes)
    }

    package func verify(token: String, query: [String: String]) -> (status: Int, body: String) {
        let mode = query["hub.mode"] ?? ""
        return state.withLock { state -> (status: Int, body: String) in
            guard let subscription = state.subscriptions[token] else { return (404, "unknown subscription\n") }
            if mode == "denied" {
                state.news.append(.denied(token: token, reason: query["hub.reason"]))
                wakeup.signal()
                return (200, "")
            }
            let asked = switch subscription.state {
            case .requested, .active: mode == "subscribe"
            case .unsubscribing: mode == "unsubscribe"
            }
            guard asked, query["hub.topic"] == subscription.topic, let challenge = query["hub.challenge"], !challenge.isEmpty
            else { return (404, "not asked for\n") }
            // hub.lease_seconds: digits only, held to [5 s, a year] like every number from outside.
            let lease = query["hub.lease_seconds"].flatMap { Int($0) }.map { TimeInterval(min(max($0, 5), 366 * 86_400)) }
            state.news.append(.verified(token: token, mode: mode, lease: lease))
            wakeup.signal()
            return (200, challenge)
        }
    }

    package func receive(token: String, headers: [String: String], body: [UInt8]) -> Int {
        let subscription = state.withLock { $0.subscriptions[token] }
        guard let subscription, subscription.state != .unsubscribing else { return 410 }
        // The MAC of a body of megabytes is worked out outside the lock.
        guard HubSignature.isValid(headers["x-hub-signature"], secret: subscription.secret, body: body) else {
            logger.warning("WebSub push dropped: missing or wrong X-Hub-Signature", metadata: ["feed.id": "\(subscription.feedID)"])
            return 202
        }
        // Memory stays bounded: past this many pushes waiting, a hub is asked to come back.
        let taken = state.withLock { state -> Bool in
            guard state.news.count < Self.waitingPushes else { return false }
            state.news.append(.pushed(token: token, body: body))
            return true
        }
        guard taken else { return 503 }
        wakeup.signal()
        return 202
    }
}
